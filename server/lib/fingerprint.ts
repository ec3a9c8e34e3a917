import crypto from "node:crypto";

const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * JSON with object keys sorted at every level, so equal data always serialises the same way. Built with
 * an explicit stack rather than recursion, so no nesting depth can overflow the call stack.
 */
function canonical(root: unknown): string {
  const out: string[] = [];
  // Work to do, last first: literal text to emit, or a value (boxed, so text and string values differ).
  const work: (string | { value: unknown })[] = [{ value: root }];
  while (work.length > 0) {
    const next = work.pop()!;
    if (typeof next === "string") {
      out.push(next);
      continue;
    }
    const { value } = next;
    if (Array.isArray(value)) {
      work.push("]");
      for (let i = value.length - 1; i >= 0; i--) work.push({ value: value[i] }, ...(i > 0 ? [","] : []));
      work.push("[");
    } else if (value !== null && typeof value === "object") {
      const entries = Object.entries(value as Record<string, unknown>).sort(byKey);
      work.push("}");
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i]!;
        work.push({ value: item }, `${i > 0 ? "," : ""}${JSON.stringify(key)}:`);
      }
      work.push("{");
    } else {
      out.push(JSON.stringify(value) ?? "null");
    }
  }
  return out.join("");
}

/** SHA-256 of the canonical JSON of `value`. */
export function fingerprint(value: unknown): string {
  return crypto.createHash("sha256").update(canonical(value)).digest("base64url");
}
