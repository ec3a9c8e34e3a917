/** The range presets of the overview, as calendar days ending today (the browser's day; the API reads them in the store's time zone). */
export type RangePreset = "30d" | "90d" | "12m" | "custom";

export interface DayRange {
  from: string;
  to: string;
}

const iso = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;

/** The preset's days up to and including `today`: 30 or 90 days, or the 12 months since the same day a year ago. */
export function presetRange(preset: Exclude<RangePreset, "custom">, today: Date): DayRange {
  const from = new Date(today);
  if (preset === "12m") {
    from.setFullYear(from.getFullYear() - 1);
    from.setDate(from.getDate() + 1);
  } else from.setDate(from.getDate() - (preset === "30d" ? 29 : 89));
  return { from: iso(from), to: iso(today) };
}

export const PRESETS: { preset: RangePreset; label: string }[] = [
  { preset: "30d", label: "30 days" },
  { preset: "90d", label: "90 days" },
  { preset: "12m", label: "12 months" },
  { preset: "custom", label: "Custom" },
];
