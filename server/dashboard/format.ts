/** Number, money and date formatting in the merchant's language and the store's currency. */
import { minorToInput, parseMoneyInput } from "./money-input.js";

function safeLocale(lang: string | undefined): string {
  try {
    return Intl.getCanonicalLocales(lang || "en")[0] ?? "en";
  } catch {
    return "en";
  }
}

/** Money arrives in minor units; `short` drops the decimals of whole amounts ("$10" rather than "$10.00"). */
function moneyFormatter(locale: string, currency: string, digits: number, short = false) {
  const scale = 10 ** digits;
  try {
    const full = new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    const whole = new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: 0, maximumFractionDigits: 0 });
    return (minor: number) => (short && minor % scale === 0 ? whole : full).format(minor / scale);
  } catch {
    return (minor: number) => `${(minor / scale).toFixed(short && minor % scale === 0 ? 0 : digits)} ${currency}`.trim();
  }
}

export function createFormatters({ lang, currency, currencyPrecision }: { lang: string; currency: string; currencyPrecision: number }) {
  const locale = safeLocale(lang);
  const precision = Number.isInteger(currencyPrecision) && currencyPrecision >= 0 && currencyPrecision <= 4 ? currencyPrecision : 2;
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === "decimal")?.value ?? ".";
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
  const moment = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  // Calendar dates (yyyy-mm-dd) are read as UTC midnight, so they are shown in UTC to keep their day.
  const calendar = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const calendarDay = (date: string) => calendar.format(new Date(`${date}T00:00:00Z`));
  const when = (format: Intl.DateTimeFormat) => (iso: string | null | undefined) => {
    const date = iso ? new Date(iso) : null;
    return date && !Number.isNaN(date.getTime()) ? format.format(date) : "—";
  };
  return {
    precision,
    currency,
    money: moneyFormatter(locale, currency, precision),
    moneyShort: moneyFormatter(locale, currency, precision, true),
    count: (n: number) => count.format(n),
    points: (n: number) => `${count.format(n)} ${n === 1 ? "point" : "points"}`,
    /** "+50", "−20" (a real minus sign), "0". */
    signedPoints: (n: number) => `${n > 0 ? "+" : n < 0 ? "\u2212" : ""}${count.format(Math.abs(n))}`,
    date: when(day),
    dateTime: when(moment),
    /** A calendar date ("2027-03-14") as the store writes it, whatever the browser's time zone. */
    calendarDay,
    dayRange: (from: string, to: string) => `${calendarDay(from)} – ${calendarDay(to)}`,
    /** Minor units as the text of a money field ("12.50"), and back. */
    toAmountText: (minor: number) => minorToInput(minor, precision, decimal),
    fromAmountText: (text: string) => parseMoneyInput(text, precision, decimal),
  };
}

export type Formatters = ReturnType<typeof createFormatters>;
