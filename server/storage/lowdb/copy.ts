/** Everything going into or out of the in-memory documents is copied, so callers never hold stored objects. */
export const copy = <T>(value: T): T => structuredClone(value);

export const copyOrNull = <T>(value: T | undefined): T | null => (value === undefined ? null : structuredClone(value));
