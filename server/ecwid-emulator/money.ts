/** Rounds half away from zero to the store's currency precision; toPrecision(15) absorbs float noise like 1.005 * 100. */
export function roundMoney(amount: number, precision: number): number {
  const factor = 10 ** precision;
  const scaled = Number((Math.abs(amount) * factor).toPrecision(15));
  return (Math.sign(amount) * Math.round(scaled)) / factor || 0;
}

/** An amount the way the store shows it, e.g. `$12.50` or `12.50 SEK`. */
export function formatMoney(profile: { currencyPrefix: string; currencySuffix: string; currencyPrecision: number }, amount: number): string {
  return `${profile.currencyPrefix}${amount.toFixed(profile.currencyPrecision)}${profile.currencySuffix}`;
}
