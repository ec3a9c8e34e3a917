import { useState } from "preact/hooks";
import { useDashboard } from "../context.js";
import { PRESETS, presetRange, todayIn, type DayRange, type RangePreset } from "./overview-range.js";

/** Presets as a segmented choice with the days they cover, and two date fields for a custom range (applied when both are set, never past today). */
export function RangePicker({ range, timeZone, onChange }: { range: DayRange; timeZone: string; onChange: (range: DayRange) => void }) {
  const { fmt } = useDashboard();
  const today = todayIn(timeZone);
  const [preset, setPreset] = useState<RangePreset>("30d");
  const [custom, setCustom] = useState(range);
  const choose = (next: RangePreset) => {
    setPreset(next);
    if (next === "custom") setCustom(range);
    else onChange(presetRange(next, today));
  };
  return (
    <div class="ql-range">
      <div class="ql-range__presets" role="group" aria-label="Date range">
        {PRESETS.map(({ preset: one, label }) => (
          <button
            key={one}
            type="button"
            class={`btn btn-default btn-small${preset === one ? " ql-range__preset--on" : ""}`}
            aria-pressed={preset === one}
            onClick={() => choose(one)}
          >
            {label}
          </button>
        ))}
      </div>
      <span class="ql-range__days">{fmt.dayRange(range.from, range.to)}</span>
      {preset === "custom" && (
        <form
          class="ql-range__custom"
          onSubmit={(event) => {
            event.preventDefault();
            onChange(custom);
          }}
        >
          <label>
            From{" "}
            <input
              type="date"
              required
              value={custom.from}
              max={custom.to < today ? custom.to : today}
              onInput={(event) => setCustom({ ...custom, from: event.currentTarget.value })}
            />
          </label>
          <label>
            To <input type="date" required value={custom.to} min={custom.from} max={today} onInput={(event) => setCustom({ ...custom, to: event.currentTarget.value })} />
          </label>
          <button type="submit" class="btn btn-primary btn-small">
            Show
          </button>
        </form>
      )}
    </div>
  );
}
