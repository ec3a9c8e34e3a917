/** Ecwid's date format on the wire: `yyyy-MM-dd HH:mm:ss +0000`, always UTC in responses. */
export function formatEcwidDate(at: Date): string {
  const iso = at.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000`;
}

export function unixSeconds(at: Date): number {
  return Math.floor(at.getTime() / 1000);
}

// A "+" left unencoded in a query string arrives as a space, so a missing sign means "+".
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2})(?:\s*([+-]?)(\d{2}):?(\d{2}))?)?$/;

/**
 * Parses what Ecwid accepts in date filters and date fields: UNIX seconds,
 * `yyyy-MM-dd HH:mm:ss Z`, `yyyy-MM-dd HH:mm:ss` (UTC) or `yyyy-MM-dd` (UTC midnight).
 * Returns null for anything else.
 */
export function parseEcwidDate(input: string): Date | null {
  const text = input.trim();
  if (/^\d+$/.test(text)) return new Date(Number(text) * 1000);
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const [, y, mo, d, h = "00", mi = "00", s = "00", sign, oh = "00", om = "00"] = match;
  const utcMs = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(utcMs);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23) return null;
  const offsetMinutes = (sign === "-" ? -1 : 1) * (Number(oh) * 60 + Number(om));
  const at = new Date(utcMs - offsetMinutes * 60_000);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** For the control API: a Date, an Ecwid date string or anything `new Date` reads (ISO). */
export function toDate(value: Date | string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const at = value instanceof Date ? value : (parseEcwidDate(value) ?? new Date(value));
  if (Number.isNaN(at.getTime())) throw new Error(`Not a date: ${String(value)}`);
  return at;
}
