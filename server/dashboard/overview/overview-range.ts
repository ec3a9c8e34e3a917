/** The range presets of the overview, as calendar days ending today in the store's time zone (the API reads days there too). */
export type RangePreset = "30d" | "90d" | "12m" | "custom";

export interface DayRange {
  from: string;
  to: string;
}

/** Today's date ("YYYY-MM-DD") in `timeZone`, which may be a day ahead of or behind the browser's. */
export function todayIn(timeZone: string, now = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((one) => one.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** The preset's days up to and including `today` ("YYYY-MM-DD"): 30 or 90 days, or the 12 months since the day after the same day a year ago. */
export function presetRange(preset: Exclude<RangePreset, "custom">, today: string): DayRange {
  const from = new Date(`${today}T00:00:00Z`);
  if (preset === "12m") {
    from.setUTCFullYear(from.getUTCFullYear() - 1);
    from.setUTCDate(from.getUTCDate() + 1);
  } else from.setUTCDate(from.getUTCDate() - (preset === "30d" ? 29 : 89));
  return { from: from.toISOString().slice(0, 10), to: today };
}

export const PRESETS: { preset: RangePreset; label: string }[] = [
  { preset: "30d", label: "30 days" },
  { preset: "90d", label: "90 days" },
  { preset: "12m", label: "12 months" },
  { preset: "custom", label: "Custom" },
];
