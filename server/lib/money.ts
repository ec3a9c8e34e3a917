/**
 * Ecwid sends money as decimals; the books hold integers in minor units. This is the one conversion,
 * done at the edge with the store's currency precision. Math.round absorbs binary noise (19.99 * 100).
 */
export function toMinorUnits(amount: number, precision: number): number {
  if (!Number.isFinite(amount)) throw new Error(`not an amount: ${amount}`);
  return Math.round(amount * 10 ** precision);
}

/** How people read amounts of a store's currency: minor units in, e.g. "$42.50" out (English, as the merchant's books are). */
export function moneyWords(currency: string, precision: number): (minor: number) => string {
  let format: Intl.NumberFormat | null;
  try {
    format = new Intl.NumberFormat("en", { style: "currency", currency, minimumFractionDigits: precision, maximumFractionDigits: precision });
  } catch {
    format = null;
  }
  return (minor) => {
    const amount = minor / 10 ** precision;
    return format ? format.format(amount) : `${amount.toFixed(precision)} ${currency}`;
  };
}
