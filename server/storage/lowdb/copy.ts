/**
 * Everything going into or out of the in-memory documents is copied, so callers never hold stored objects.
 * The documents hold JSON's plain objects and lists, walked here by hand: structuredClone's serialise and
 * rebuild costs several times as much for the small rows copied on every webhook and read. Anything else
 * (a Date, bytes) still goes through structuredClone.
 */
export function copy<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(copy) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = copy((value as Record<string, unknown>)[key]);
    // Assigned, `__proto__` (an own key JSON.parse can make) would set the copy's prototype instead.
    if (key === "__proto__") Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    else out[key] = item;
  }
  return out as T;
}

export const copyOrNull = <T>(value: T | undefined): T | null => (value === undefined ? null : copy(value));
