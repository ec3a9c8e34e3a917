/** Rounds half away from zero to the store's currency precision; toPrecision(15) absorbs float noise like 1.005 * 100. */
export function roundMoney(amount: number, precision: number): number {
  const factor = 10 ** precision;
  const scaled = Number((Math.abs(amount) * factor).toPrecision(15));
  return (Math.sign(amount) * Math.round(scaled)) / factor || 0;
}
