/** Number, money and date formatting in the merchant's language and the store's currency. */

function safeLocale(lang) {
  try {
    return Intl.getCanonicalLocales(lang || "en")[0] ?? "en";
  } catch {
    return "en";
  }
}

const validPrecision = (precision) => (Number.isInteger(precision) && precision >= 0 && precision <= 4 ? precision : 2);

/**
 * Money arrives in minor units (cents); `currencyPrecision` says how many digits follow the point.
 * `short` drops the decimals of whole amounts: "$10" rather than "$10.00".
 */
function moneyFormatter(locale, currency, digits, { short = false } = {}) {
  const scale = 10 ** digits;
  try {
    const full = new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    const whole = new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: 0, maximumFractionDigits: 0 });
    return (minor) => (short && minor % scale === 0 ? whole : full).format(minor / scale);
  } catch {
    return (minor) => `${(minor / scale).toFixed(short && minor % scale === 0 ? 0 : digits)} ${currency ?? ""}`.trim();
  }
}

/** The currency's symbol and which side of the number it goes, for a field's prefix or suffix. */
function currencyAffix(locale, currency) {
  try {
    const parts = new Intl.NumberFormat(locale, { style: "currency", currency, currencyDisplay: "narrowSymbol" }).formatToParts(1);
    const at = parts.findIndex((part) => part.type === "currency");
    const number = parts.findIndex((part) => part.type === "integer");
    return { symbol: parts[at]?.value ?? currency, before: at < number };
  } catch {
    return { symbol: currency ?? "", before: false };
  }
}

function decimalMark(locale) {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === "decimal")?.value ?? ".";
}

export function createFormatters({ lang, currency, currencyPrecision }) {
  const locale = safeLocale(lang);
  const precision = validPrecision(currencyPrecision);
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
  const moment = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  // Calendar dates (yyyy-mm-dd) are read as UTC midnight, so they are shown in UTC to keep their day.
  const calendar = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const when = (format) => (iso) => {
    const date = iso ? new Date(iso) : null;
    return date && !Number.isNaN(date.getTime()) ? format.format(date) : "—";
  };
  const calendarDate = (text) => new Date(`${text}T00:00:00Z`);
  return {
    locale,
    precision,
    decimal: decimalMark(locale),
    currency: currencyAffix(locale, currency),
    money: moneyFormatter(locale, currency, precision),
    moneyShort: moneyFormatter(locale, currency, precision, { short: true }),
    count: (n) => count.format(n),
    /** "1 point", "25 points". */
    points: (n) => `${count.format(n)} ${n === 1 ? "point" : "points"}`,
    /** "+50", "−20" (a real minus sign), "0". */
    signedPoints: (n) => `${n > 0 ? "+" : n < 0 ? "\u2212" : ""}${count.format(Math.abs(n))}`,
    date: when(day),
    dateTime: when(moment),
    /** "Aug 25 – Nov 23, 2026" for two yyyy-mm-dd dates. */
    dayRange(from, to) {
      const [start, end] = [calendarDate(from), calendarDate(to)];
      if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${from} – ${to}`;
      return typeof calendar.formatRange === "function" ? calendar.formatRange(start, end) : `${calendar.format(start)} – ${calendar.format(end)}`;
    },
  };
}
