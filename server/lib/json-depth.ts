/**
 * Whether JSON text nests objects and arrays deeper than `maxDepth`, in one pass over the text, so it
 * can be asked before anything recursive (JSON.stringify, a canonical fingerprint) meets the value.
 * Text that is not JSON gets an answer too; parsing it is what refuses it.
 */
export function jsonNestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{" || char === "[") {
      if (++depth > maxDepth) return true;
    } else if (char === "}" || char === "]") depth--;
  }
  return false;
}
