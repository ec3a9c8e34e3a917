/** A UTF-16 surrogate without its pair: JSON can escape one, but UTF-8 (and so PostgreSQL) cannot hold it. */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const unstorable = (text: string) => text.includes("\u0000") || loneSurrogate.test(text);

/**
 * Whether any key or string in a parsed JSON value holds NUL or a lone surrogate, which PostgreSQL's text
 * and jsonb refuse. Walks with its own stack, so no nesting can overflow the call stack.
 */
export function holdsUnstorableText(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === "string") {
      if (unstorable(next)) return true;
    } else if (Array.isArray(next)) {
      for (const item of next) pending.push(item);
    } else if (next !== null && typeof next === "object") {
      for (const [key, item] of Object.entries(next)) {
        if (unstorable(key)) return true;
        pending.push(item);
      }
    }
  }
  return false;
}

/**
 * As holdsUnstorableText, for a value parsed from JSON `text` that was decoded from UTF-8, without walking the
 * value when it cannot hold either: decoded UTF-8 holds no lone surrogate (bad bytes become U+FFFD) and JSON
 * refuses a raw NUL, so only a `\u` escape can bring one in.
 */
export function parsedJsonHoldsUnstorableText(text: string, value: unknown): boolean {
  return text.includes("\\u") && holdsUnstorableText(value);
}
