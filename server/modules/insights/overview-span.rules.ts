import { startOfLocalDay } from "../program/period.rules.js";

/** The longest range the overview reads: three years of days. */
export const MAX_RANGE_DAYS = 1096;
/** Ranges longer than this are charted per week (from the range's first day), so a chart never has hundreds of points. */
export const DAILY_UP_TO_DAYS = 92;

/** A range of the store's calendar days as instants: [start, end), and where each chart bucket begins. */
export interface OverviewSpan {
  start: string;
  end: string;
  bucket: "day" | "week";
  /** Each bucket's first calendar day ("YYYY-MM-DD", the store's), ascending. */
  labels: string[];
  /** The instant each bucket begins (local midnight), ascending; the first is `start`. */
  bucketStarts: string[];
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Days from `from` to `to`, both counted (0 or less when `to` comes first). */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from) + 1;

/** The instants of the calendar days `from`..`to` (inclusive, "YYYY-MM-DD") in the store's time zone. */
export function overviewSpan(from: string, to: string, timeZone: string): OverviewSpan {
  const first = dayNumber(from);
  const days = daysBetween(from, to);
  const step = days > DAILY_UP_TO_DAYS ? 7 : 1;
  const labels: string[] = [];
  for (let day = first; day < first + days; day += step) labels.push(dateOf(day));
  const midnight = (date: string) => {
    const [year, month, day] = date.split("-").map(Number) as [number, number, number];
    return startOfLocalDay(year, month, day, timeZone).toISOString();
  };
  return { start: midnight(from), end: midnight(dateOf(first + days)), bucket: step === 1 ? "day" : "week", labels, bucketStarts: labels.map(midnight) };
}

/** The bucket an instant (ms) falls in: the last whose start is at or before it; the caller keeps to [start, end). */
export function bucketOf(starts: readonly number[], at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}
