/**
 * Amounts the merchant types ↔ integer minor units, by string arithmetic only: "12.50" at precision 2 is 1250
 * because the digits are joined, never 12.5 * 100 (floats give 1.15 * 100 = 114.99999999999999).
 */

/** More digits than this could pass Number.MAX_SAFE_INTEGER. */
const MAX_DIGITS = 15;
/** Spaces and apostrophes people type between thousands: "1 000", "1'000". */
const GROUPING_MARKS = /[\s\u00a0\u202f'\u2019]/g;

/**
 * Where the decimal separator is in a string of digits, "." and ",", or -1 if there is none. Both marks: the
 * last one is decimal ("1,234.50", "1.234,50"). One mark several times: grouping ("1,000,000"). One mark once:
 * the locale's decimal mark is decimal ("12.500" is 12.50 in English); the other mark is grouping when exactly
 * three digits follow ("1,000"), else decimal ("12,5").
 */
function decimalIndex(text: string, decimal: string): number {
  const marks = [...text].flatMap((ch, i) => (ch === "." || ch === "," ? [i] : []));
  const last = marks[marks.length - 1];
  if (last === undefined) return -1;
  const kinds = new Set(marks.map((i) => text[i]));
  if (kinds.size === 2) return marks.filter((i) => text[i] === text[last]).length === 1 ? last : NaN;
  if (marks.length > 1) return -1;
  if (text[last] === decimal) return last;
  return text.length - last - 1 === 3 ? -1 : last;
}

export type MoneyInput = { minor: number } | { error: string };

/** Parses "12.50", "12,5", "1,250.00", "1 250" or ".5" into minor units; `decimal` is the locale's mark. */
export function parseMoneyInput(text: string, precision: number, decimal = "."): MoneyInput {
  const digits = Number.isInteger(precision) && precision >= 0 ? precision : 2;
  const raw = text.trim().replace(GROUPING_MARKS, "");
  const example = { error: `Type an amount like ${digits === 0 ? "12" : `12${decimal}${"5".padEnd(digits, "0")}`}.` };
  if (!raw) return { error: "Enter an amount." };
  if (/^[-\u2212]/.test(raw)) return { error: "The amount cannot be negative." };
  if (!/^[0-9.,]+$/.test(raw)) return example;
  const at = decimalIndex(raw, decimal);
  if (Number.isNaN(at)) return example;
  const groups = (at < 0 ? raw : raw.slice(0, at)).split(/[.,]/);
  // Thousands groups after the first have three digits (two in the Indian 1,00,000 style).
  if (groups.slice(1).some((group) => group.length < 2 || group.length > 3)) return example;
  const whole = groups.join("");
  const fraction = at < 0 ? "" : raw.slice(at + 1);
  if (!whole && !fraction) return example;
  // Digits past the currency's precision are allowed only when they are zeros: "12.500" is 12.50.
  if (/[1-9]/.test(fraction.slice(digits)))
    return { error: digits === 0 ? "This currency has no cents: type a whole amount." : `Use at most ${digits} digits after the decimal point.` };
  const joined = `${whole}${fraction.slice(0, digits).padEnd(digits, "0")}`.replace(/^0+(?=\d)/, "");
  if (joined.length > MAX_DIGITS) return { error: "That amount is too large." };
  return { minor: Number(joined) };
}

/** Minor units as the text a field shows: 1250 → "12.50", 1000 → "10" (whole amounts without decimals). */
export function minorToInput(minor: number, precision: number, decimal = "."): string {
  const digits = Number.isInteger(precision) && precision >= 0 ? precision : 2;
  const text = String(Math.trunc(Math.abs(minor))).padStart(digits + 1, "0");
  if (digits === 0) return text;
  const fraction = text.slice(-digits);
  return /^0+$/.test(fraction) ? text.slice(0, -digits) : `${text.slice(0, -digits)}${decimal}${fraction}`;
}
