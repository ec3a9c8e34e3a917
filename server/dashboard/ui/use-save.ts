import { useState } from "preact/hooks";
import { ApiError, type ValidationIssue } from "../api.js";
import { useDashboard } from "../context.js";

/** A save refused because someone saved the same piece first: what it is now, and its version. */
export interface Conflict<T> {
  current: T;
}

export interface SaveState<T> {
  busy: boolean;
  /** The server's issues by the path of their field ("goal.target"). */
  issues: Record<string, ValidationIssue>;
  /** A message for the form as a whole (a refusal that names no field). */
  error: string;
  conflict: Conflict<T> | null;
}

const keyOf = (path: ValidationIssue["path"]) => path.join(".");

/** An issue in the merchant's terms: a bound in the field's own unit (points, money), chosen by the issue's code, never its text. */
function words(issue: ValidationIssue, show: (n: number) => string): string {
  const own = `${issue.message.charAt(0).toUpperCase()}${issue.message.slice(1)}.`;
  // A length ("must not be empty", "at most 80 characters long") and a ratio such as a colour contrast of 4.5
  // keep the server's own sentence; only a whole bound on the value itself is shown in the field's unit.
  if (issue.unit) return own;
  if (issue.code === "too_big" && Number.isInteger(issue.maximum) && !issue.exclusive) return `Must be at most ${show(issue.maximum ?? 0)}.`;
  if (issue.code === "too_small" && Number.isInteger(issue.minimum) && !issue.exclusive) return `Must be at least ${show(issue.minimum ?? 0)}.`;
  return own;
}

/**
 * Runs a form's save and turns a refusal into what the form shows: each validation issue beside the field its
 * `path` names (`drop` leading keys the form does not show, e.g. "challenge" of a preview), a 412 as a conflict
 * holding the current version, anything else as one message. The user's edit is never touched.
 */
export function useSave<T>(drop = 0) {
  const { fmt } = useDashboard();
  const [state, setState] = useState<SaveState<T>>({ busy: false, issues: {}, error: "", conflict: null });

  async function run<R>(action: () => Promise<R>): Promise<R | null> {
    setState({ busy: true, issues: {}, error: "", conflict: null });
    try {
      const result = await action();
      setState({ busy: false, issues: {}, error: "", conflict: null });
      return result;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const issues = Object.fromEntries(error.issues.map((issue) => [keyOf(issue.path.slice(drop)), issue]));
      const conflict = error.code === "version_conflict" ? { current: error.body.current as T } : null;
      setState({ busy: false, issues, error: conflict ? "" : error.issues.length ? "Not saved: see the message beside each field marked." : error.message, conflict });
      return null;
    }
  }

  const found = (path: (string | number)[]) => state.issues[keyOf(path)];
  const issue = (...path: (string | number)[]) => {
    const known = found(path);
    return known && words(known, fmt.count);
  };
  /** A money field's message: the typed text's own problem when it is not an amount, else the server's in money. */
  const moneyIssue = (text: string, ...path: (string | number)[]) => {
    const known = found(path);
    if (!known) return undefined;
    const typed = fmt.fromAmountText(text);
    return "error" in typed ? typed.error : words(known, fmt.moneyShort);
  };
  const clear = () => setState({ busy: false, issues: {}, error: "", conflict: null });
  return { ...state, run, issue, moneyIssue, clear };
}
