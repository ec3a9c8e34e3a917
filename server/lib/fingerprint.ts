import crypto from "node:crypto";

const primitive = (value: unknown) => JSON.stringify(value) ?? "null";

/** Work to do, last first: literal text to emit, or an object or list to open (strings and numbers go straight into the text). */
type Work = string | object;

/** Stacks an item of a list or an object after its separator and key: a plain value joins the text at once. */
function pushItem(work: Work[], prefix: string, item: unknown): void {
  if (item !== null && typeof item === "object") work.push(item, prefix);
  else work.push(prefix + primitive(item));
}

/**
 * JSON with object keys sorted at every level, so equal data always serialises the same way. Built with
 * an explicit stack rather than recursion, so no nesting depth can overflow the call stack. Only objects
 * and lists are stacked as they are: a webhook's event is a handful of entries, printed on every delivery.
 */
function canonical(root: unknown): string {
  if (root === null || typeof root !== "object") return primitive(root);
  let out = "";
  const work: Work[] = [root];
  while (work.length > 0) {
    const next = work.pop()!;
    if (typeof next === "string") {
      out += next;
    } else if (Array.isArray(next)) {
      work.push("]");
      for (let i = next.length - 1; i >= 0; i--) pushItem(work, i > 0 ? "," : "", next[i]);
      work.push("[");
    } else {
      // The default sort compares UTF-16 code units, as `<` does.
      const keys = Object.keys(next).sort();
      work.push("}");
      for (let i = keys.length - 1; i >= 0; i--) pushItem(work, `${i > 0 ? "," : ""}${JSON.stringify(keys[i])}:`, (next as Record<string, unknown>)[keys[i]!]);
      work.push("{");
    }
  }
  return out;
}

/** SHA-256 of the canonical JSON of `value`. */
export function fingerprint(value: unknown): string {
  return crypto.hash("sha256", canonical(value), "base64url");
}
