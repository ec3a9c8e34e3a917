/** Number, money and date formatting in the merchant's language and the store's currency. */

function safeLocale(lang) {
  try {
    return Intl.getCanonicalLocales(lang || "en")[0] ?? "en";
  } catch {
    return "en";
  }
}

/** Money arrives in minor units (cents); `currencyPrecision` says how many digits follow the point. */
function moneyFormatter(locale, currency, precision) {
  const digits = Number.isInteger(precision) && precision >= 0 && precision <= 4 ? precision : 2;
  const scale = 10 ** digits;
  try {
    const nf = new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    return (minor) => nf.format(minor / scale);
  } catch {
    return (minor) => `${(minor / scale).toFixed(digits)} ${currency ?? ""}`.trim();
  }
}

export function createFormatters({ lang, currency, currencyPrecision }) {
  const locale = safeLocale(lang);
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
  const moment = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const when = (format) => (iso) => {
    const date = iso ? new Date(iso) : null;
    return date && !Number.isNaN(date.getTime()) ? format.format(date) : "—";
  };
  return {
    locale,
    money: moneyFormatter(locale, currency, currencyPrecision),
    count: (n) => count.format(n),
    /** "+50", "−20" (a real minus sign), "0". */
    signedPoints: (n) => `${n > 0 ? "+" : n < 0 ? "\u2212" : ""}${count.format(Math.abs(n))}`,
    date: when(day),
    dateTime: when(moment),
  };
}
