/** Calendar periods in a store's time zone: the keys that let a repeating challenge pay once per period. */

export type Period = "day" | "week" | "month";

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Answers per zone kept, at most: a tier review or a simulation's replay asks the same days and instants again and again, and each Intl answer costs microseconds. */
const REMEMBERED = 4096;

/** `compute()`'s answer for `key`, kept in `memo` (the oldest goes first past REMEMBERED keys). */
function remembered<T>(memo: Map<string, T>, key: string, compute: () => T): T {
  const kept = memo.get(key);
  if (kept !== undefined) return kept;
  const value = compute();
  if (memo.size >= REMEMBERED) memo.delete(memo.keys().next().value!);
  memo.set(key, value);
  return value;
}

type LocalDate = { year: number; month: number; day: number };
const localDates = new Map<string, Readonly<LocalDate>>();

/** The calendar date (year, month 1-12, day) of an instant in an IANA time zone. */
export function localDate(instant: Date, timeZone: string): LocalDate {
  return { ...remembered(localDates, `${timeZone} ${instant.getTime()}`, () => formattedDate(instant, timeZone)) };
}

function formattedDate(instant: Date, timeZone: string): LocalDate {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric" });
    dayFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

/** Whether `timeZone` is one the runtime knows (Ecwid's profile names IANA zones); else callers use UTC. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** ISO 8601 week of a calendar date: weeks start on Monday, week 1 holds the year's first Thursday. */
function isoWeek(year: number, month: number, day: number): { year: number; week: number } {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  return { year: date.getUTCFullYear(), week: Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7) };
}

/** The key of the period holding `instant`: `2026-12-01`, `2026-W49` or `2026-12`. Keys of one period sort in time. */
export function periodKey(period: Period, instant: Date, timeZone: string): string {
  const { year, month, day } = localDate(instant, timeZone);
  if (period === "day") return `${year}-${pad(month)}-${pad(day)}`;
  if (period === "month") return `${year}-${pad(month)}`;
  const week = isoWeek(year, month, day);
  return `${week.year}-W${pad(week.week)}`;
}

/** The period key just before `key` (for streaks): yesterday, last ISO week, last month. */
export function previousPeriodKey(period: Period, key: string): string {
  if (period === "month") {
    const [year, month] = key.split("-").map(Number) as [number, number];
    return month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`;
  }
  if (period === "day") {
    const date = new Date(`${key}T12:00:00Z`);
    date.setUTCDate(date.getUTCDate() - 1);
    return date.toISOString().slice(0, 10);
  }
  const [year, week] = key.split("-W").map(Number) as [number, number];
  if (week > 1) return `${year}-W${pad(week - 1)}`;
  // The last ISO week of the previous year is the week holding its 28 December.
  return `${year - 1}-W${pad(isoWeek(year - 1, 12, 28).week)}`;
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    clockFormats.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(new Date(instant)).map((entry) => [entry.type, Number(entry.value)]));
  const wall = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!);
  return wall - Math.floor(instant / 1000) * 1000;
}

const dayStarts = new Map<string, number>();

/** The instant a calendar date begins (local midnight) in the zone. */
export function startOfLocalDay(year: number, month: number, day: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day);
  return new Date(
    remembered(dayStarts, `${timeZone} ${wall}`, () => {
      const first = wall - zoneOffset(wall, timeZone);
      // Once more at the first guess: right across a change of offset (DST) between the guess and the answer.
      return wall - zoneOffset(first, timeZone);
    }),
  );
}

/** The instant the period after the one holding `instant` begins, in the store's time zone (for "next available"). */
export function nextPeriodStart(period: Period, instant: Date, timeZone: string): Date {
  const { year, month, day } = localDate(instant, timeZone);
  const today = new Date(Date.UTC(year, month - 1, day));
  if (period === "day") today.setUTCDate(today.getUTCDate() + 1);
  else if (period === "week") today.setUTCDate(today.getUTCDate() + 8 - (today.getUTCDay() || 7));
  else today.setUTCMonth(today.getUTCMonth() + 1, 1);
  return startOfLocalDay(today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate(), timeZone);
}

/** The instant the period holding `instant` began (local midnight of its first day), in the store's time zone. */
export function periodStart(period: Period, instant: Date, timeZone: string): Date {
  const { year, month, day } = localDate(instant, timeZone);
  const first = new Date(Date.UTC(year, month - 1, period === "month" ? 1 : day));
  if (period === "week") first.setUTCDate(first.getUTCDate() - ((first.getUTCDay() || 7) - 1));
  return startOfLocalDay(first.getUTCFullYear(), first.getUTCMonth() + 1, first.getUTCDate(), timeZone);
}

/**
 * Local midnight of the calendar day `months` after (or before, when negative) the one holding `instant`, in the
 * store's time zone; a day the target month lacks becomes its last (31 January + 1 month: 28 or 29 February).
 */
export function addLocalMonths(instant: Date, months: number, timeZone: string): Date {
  const { year, month, day } = localDate(instant, timeZone);
  const total = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(total / 12);
  const targetMonth = total - targetYear * 12 + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return startOfLocalDay(targetYear, targetMonth, Math.min(day, lastDay), timeZone);
}
