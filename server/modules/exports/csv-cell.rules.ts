/**
 * A spreadsheet reads a cell that starts with one of these as a formula (or strips it): CSV injection. Quotes before
 * one count too, so a cell that already starts with `'-` is written `''-` and `untextCell` can tell the two apart.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * A text cell as written to an export: one a spreadsheet would run as a formula gets a leading `'`, which it shows
 * as text. Only text cells pass through here; numeric columns are written as numbers, so -5 stays -5.
 */
export const textCell = (value: string | null): string => (value === null ? "" : FORMULA_START.test(value) ? `'${value}` : value);

/** `textCell` undone, for a cell read back from a file: the `'` it put before a formula start goes; every other cell is as written. */
export const untextCell = (cell: string): string => (cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell);

/** Whole minor units as the exact decimal in the currency (1250 at precision 2 is "12.50"), never through a float. */
export function decimalOf(minor: number, precision: number): string {
  const digits = String(Math.abs(minor)).padStart(precision + 1, "0");
  const whole = precision === 0 ? digits : `${digits.slice(0, -precision)}.${digits.slice(-precision)}`;
  return minor < 0 ? `-${whole}` : whole;
}
