import { z } from "zod";
import { AppError } from "./errors.js";

/** Our stable issue codes: a form may switch on them; zod's own codes never leave the server. */
export const ISSUE_CODES = ["required", "too_small", "too_big", "invalid_type", "invalid_value", "invalid_format", "not_multiple_of", "unknown_field", "not_unique"] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export const validationIssueSchema = z.object({
  /** Keys and indexes from the body's root, e.g. `["challenges", 2, "goal", "target"]`. */
  path: z.array(z.union([z.string(), z.number()])),
  code: z.enum(ISSUE_CODES),
  message: z.string(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  /** Set when the bound itself is not allowed (`minimum: 0, exclusive: true` means "more than 0"). */
  exclusive: z.literal(true).optional(),
  /** What a length bound counts (a text's characters, a list's items); absent when the bound is on the value itself. */
  unit: z.enum(["characters", "items"]).optional(),
});
export type ValidationIssue = z.infer<typeof validationIssueSchema>;

/** The body of a 400 `validation_failed`. */
export const validationFailureSchema = z.object({ code: z.literal("validation_failed"), message: z.string(), issues: z.array(validationIssueSchema) });

type RawIssue = z.core.$ZodRawIssue;
type Issue = z.core.$ZodIssue;

const TYPE_NOUNS: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  string: "text",
  boolean: "true or false",
  array: "a list",
  object: "an object",
};

const FORMAT_MESSAGES: Record<string, string> = {
  email: "must be an email address",
  date: "must be a date like 2026-01-31",
  datetime: "must be a date and time like 2026-01-31T09:00:00Z",
  url: "must be a web address",
};

function boundMessage(issue: { origin: string; inclusive?: boolean }, bound: number | bigint, side: "least" | "most"): string {
  const n = Number(bound);
  if (issue.origin === "string") return side === "least" && n === 1 ? "must not be empty" : `must be at ${side} ${n} characters long`;
  if (issue.origin === "array" || issue.origin === "set") return `must have at ${side} ${n} item${n === 1 ? "" : "s"}`;
  if (issue.inclusive === false) return `must be ${side === "least" ? "more" : "less"} than ${n}`;
  return `must be at ${side} ${n}`;
}

/** A field left out: zod reports it as the wrong type, or as no allowed value, of `undefined`. */
const isMissing = (issue: RawIssue | Issue) => (issue.code === "invalid_type" || issue.code === "invalid_value") && issue.input === undefined;

/** Our English message for an issue the schema did not word itself. */
function messageOf(issue: RawIssue): string {
  if (isMissing(issue)) return "is required";
  switch (issue.code) {
    case "invalid_type":
      return `must be ${TYPE_NOUNS[issue.expected] ?? issue.expected}`;
    case "too_small":
      return boundMessage(issue, issue.minimum, "least");
    case "too_big":
      return boundMessage(issue, issue.maximum, "most");
    case "invalid_format":
      return FORMAT_MESSAGES[issue.format] ?? "is not in the expected form";
    case "invalid_value":
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(", ")}`;
    case "not_multiple_of":
      return `must be a multiple of ${Number(issue.divisor)}`;
    case "unrecognized_keys":
      return "is not a field this API knows";
    default:
      return "is not valid here";
  }
}

const isIssueCode = (value: unknown): value is IssueCode => (ISSUE_CODES as readonly unknown[]).includes(value);
const numberOr = (value: unknown) => (typeof value === "number" || typeof value === "bigint" ? Number(value) : undefined);

function bounds(minimum: unknown, maximum: unknown, inclusive: unknown) {
  const min = numberOr(minimum);
  const max = numberOr(maximum);
  return { ...(min === undefined ? {} : { minimum: min }), ...(max === undefined ? {} : { maximum: max }), ...(inclusive === false ? { exclusive: true as const } : {}) };
}

/** A bound on a text's or a list's length says so, so a form never shows "at least 1" for "not empty". */
const lengthUnit = (origin: string): Pick<ValidationIssue, "unit"> =>
  origin === "string" ? { unit: "characters" } : origin === "array" || origin === "set" ? { unit: "items" } : {};

/** One zod issue in our terms; an unknown key is an issue of its own, at its own path. */
function mapIssue(issue: Issue, prefix: PropertyKey[]): ValidationIssue[] {
  const path = [...prefix, ...issue.path].map((key) => (typeof key === "number" ? key : String(key)));
  const at = (code: IssueCode, extra: Partial<ValidationIssue> = {}): ValidationIssue => ({ path, code, message: issue.message, ...extra });
  if (isMissing(issue)) return [at("required")];
  switch (issue.code) {
    case "invalid_type":
      return [at("invalid_type")];
    case "too_small":
      return [at("too_small", { ...bounds(issue.minimum, undefined, issue.inclusive), ...lengthUnit(issue.origin) })];
    case "too_big":
      return [at("too_big", { ...bounds(undefined, issue.maximum, issue.inclusive), ...lengthUnit(issue.origin) })];
    case "invalid_format":
      return [at("invalid_format")];
    case "not_multiple_of":
      return [at("not_multiple_of")];
    case "unrecognized_keys":
      return issue.keys.map((key) => ({ path: [...path, key], code: "unknown_field", message: issue.message }));
    case "invalid_union": {
      // The alternative the input came closest to says best what is wrong with it.
      const closest = issue.errors.length ? issue.errors.reduce((best, next) => (next.length < best.length ? next : best)) : [];
      return closest.length ? closest.flatMap((inner) => mapIssue(inner, path)) : [at("invalid_value")];
    }
    case "custom": {
      const params = issue.params ?? {};
      return [at(isIssueCode(params.code) ? params.code : "invalid_value", bounds(params.minimum, params.maximum, params.inclusive))];
    }
    default:
      return [at("invalid_value")];
  }
}

export function validationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.flatMap((issue) => mapIssue(issue, []));
}

const shown = (issue: ValidationIssue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message);

/** A 400 `validation_failed` carrying every issue; the message lists them for people and logs. */
export function validationFailed(issues: ValidationIssue[]): AppError {
  return new AppError("validation_failed", issues.map(shown).join("; "), { issues });
}

/**
 * The one way input is parsed: success gives the data, failure a 400 whose `issues` a form can put beside its
 * fields. Messages the schema words itself are kept; every other message is ours, never zod's.
 */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  // Nearly all input is valid: parsed first without the options that only word a refusal (they cost about half again).
  const valid = schema.safeParse(input);
  if (valid.success && prototypeKeyIssues(input).length === 0) return valid.data;
  const parsed = schema.safeParse(input, { reportInput: true, error: messageOf });
  const issues = parsed.success ? [] : validationIssues(parsed.error);
  const said = new Set(issues.map((issue) => JSON.stringify(issue.path)));
  issues.push(...prototypeKeyIssues(input).filter((issue) => !said.has(JSON.stringify(issue.path))));
  if (!parsed.success || issues.length > 0) throw validationFailed(issues);
  return parsed.data;
}

/** Where a value sits: its key and its parent's place, so a path is built only for what is reported. */
type Place = { key: string | number; up: Place } | null;

function pathOf(place: Place): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at = place; at; at = at.up) path.push(at.key);
  return path.reverse();
}

/**
 * The first `__proto__` key JSON.parse made an own key: zod's records skip it without a word, so it is refused
 * here as a field nobody knows. Walks with its own stack, so no nesting can overflow the call stack. Every valid
 * input is walked, so only objects and lists are stacked: a text or a number costs no allocation.
 */
function prototypeKeyIssues(input: unknown): ValidationIssue[] {
  const pending: { value: object; place: Place }[] = input !== null && typeof input === "object" ? [{ value: input, place: null }] : [];
  while (pending.length > 0) {
    const { value, place } = pending.pop()!;
    const list = Array.isArray(value);
    if (!list && Object.hasOwn(value, "__proto__")) {
      return [{ path: [...pathOf(place), "__proto__"], code: "unknown_field", message: "is not a field this API knows" }];
    }
    for (const key of Object.keys(value)) {
      const item: unknown = (value as Record<string, unknown>)[key];
      if (item !== null && typeof item === "object") pending.push({ value: item, place: { key: list ? Number(key) : key, up: place } });
    }
  }
  return [];
}
