/**
 * Ecwid sends money as decimals; the books hold integers in minor units. This is the one conversion,
 * done at the edge with the store's currency precision. Math.round absorbs binary noise (19.99 * 100).
 */
export function toMinorUnits(amount: number, precision: number): number {
  if (!Number.isFinite(amount)) throw new Error(`not an amount: ${amount}`);
  return Math.round(amount * 10 ** precision);
}
