import { fingerprint } from "../../lib/fingerprint.js";

/**
 * A strong entity tag for a piece of the program, from its content: any change gives a new one, and two
 * readers of the same content agree without a counter to store or migrate.
 */
export function versionOf(value: unknown): string {
  return `"${fingerprint(value)}"`;
}

/**
 * Whether a write sent with this `If-Match` may go ahead (RFC 9110 §13.1.1): no header always may; `*` may
 * when the thing exists; otherwise one of the listed tags must be the current one (weak tags never match).
 */
export function matchesVersion(ifMatch: string | undefined, current: string | null): boolean {
  if (ifMatch === undefined) return true;
  if (current === null) return false;
  const tags = ifMatch.split(",").map((tag) => tag.trim());
  return tags.includes("*") || tags.includes(current);
}
