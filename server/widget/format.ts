import type { EcwidApi, Program } from "./types.js";

export type Values = Record<string, string | number>;

/** Texts, numbers, money and dates in the storefront's language; the texts come from the program response. */
export interface Format {
  t(key: string, values?: Values): string;
  points(count: number): string;
  /** The `points.one`/`points.other` template the language's plural rules pick for `count`. */
  pointsTemplate(count: number): string;
  /** `key.one`, `key.other`… as the language's plural rules pick for `count`, filled with `{count}` and `values`. */
  plural(key: string, count: number, values?: Values): string;
  number(value: number): string;
  /** Minor units of the store currency, shown the way the shop shows prices. */
  money(minor: number): string;
  date(iso: string): string;
  /** How far off: "in 5 hours", "in 3 days"; a date beyond a week (or where the browser has no relative times). */
  when(iso: string): string;
  /** "Monday" within the coming week, else the date. */
  day(iso: string): string;
}

export function fill(template: string, values: Values = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => ({}).hasOwnProperty.call(values, key) ? String(values[key]) : whole);
}

export function createFormat(program: Program, ecwid: EcwidApi): Format {
  const { texts, lang: locale, currencyPrecision: precision } = program;
  const numbers = new Intl.NumberFormat(locale);
  const plural = new Intl.PluralRules(locale);
  const relative = Intl.RelativeTimeFormat && new Intl.RelativeTimeFormat(locale);
  const hoursTo = (iso: string) => (Date.parse(iso) - Date.now()) / 36e5;
  const t = (key: string, values?: Values) => fill(texts[key] ?? "", values);

  const money = (minor: number): string => {
    const major = minor / 10 ** precision;
    try {
      const shown = ecwid.formatCurrency?.(major);
      if (typeof shown === "string" && shown) return shown;
    } catch {
      // the shop's own formatter is a nicety; fall through to ours
    }
    const fixed = { minimumFractionDigits: precision, maximumFractionDigits: precision };
    try {
      return new Intl.NumberFormat(locale, { style: "currency", currency: program.currency, ...fixed }).format(major);
    } catch {
      return `${major.toFixed(precision)} ${program.currency}`;
    }
  };

  const template = (key: string, count: number) => texts[`${key}.${plural.select(count)}`] ?? texts[`${key}.other`] ?? "{count}";
  const pointsTemplate = (count: number) => template("points", count);
  const pluralOf = (key: string, count: number, values?: Values) => fill(template(key, count), { ...values, count: numbers.format(count) });

  const date = (iso: string) => {
    const value = new Date(iso);
    // A date in another year (points expiring in 12 months, a coupon used last winter) says which.
    return value.toLocaleDateString(locale, { day: "numeric", month: "short", year: value.getFullYear() === new Date().getFullYear() ? undefined : "numeric" });
  };

  return {
    t,
    pointsTemplate,
    plural: pluralOf,
    points: (count) => pluralOf("points", count),
    number: (value) => numbers.format(value),
    money,
    date,
    when: (iso) => {
      const hours = hoursTo(iso);
      if (!relative || hours >= 168) return date(iso);
      return hours < 24 ? relative.format(Math.max(1, Math.round(hours)), "hour") : relative.format(Math.round(hours / 24), "day");
    },
    day: (iso) => (hoursTo(iso) < 168 ? new Date(iso).toLocaleDateString(locale, { weekday: "long" }) : date(iso)),
  };
}
