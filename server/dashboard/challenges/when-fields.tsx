import { Checkbox, SelectField, TextField } from "../ui/field.js";
import type { Every, WindowKind } from "./challenge-draft.js";
import { ONE_SHOT } from "./challenge-draft.js";
import type { ChallengeFieldsProps } from "./challenge-fields.js";

const WINDOWS: [WindowKind, string][] = [
  ["always", "Always open"],
  ["dates", "Between two dates"],
  ["last_days", "Over the last days (rolling)"],
];
const REPEATS: [Every, string][] = [
  ["once", "Once per member"],
  ["day", "Once a day"],
  ["week", "Once a week"],
  ["month", "Once a month"],
  ["completion", "Again after each completion"],
];

/** When it counts (window) and how often a member may complete it (repeat, cap, levels). */
export function WhenFields({ draft, set, issue }: ChallengeFieldsProps) {
  const oneShot = ONE_SHOT.includes(draft.kind);
  return (
    <>
      <div class="ql-rule-form__grid">
        <SelectField label="Window" value={draft.windowKind} options={WINDOWS} onChange={set("windowKind")} error={issue("window")} />
        {draft.windowKind === "dates" && (
          <>
            <TextField label="Starts on" type="date" value={draft.startsOn} onInput={set("startsOn")} error={issue("window", "startsAt")} hint="empty: from now" />
            <TextField label="Ends on" type="date" value={draft.endsOn} onInput={set("endsOn")} error={issue("window", "endsAt")} hint="empty: no end; this whole day counts" />
          </>
        )}
        {draft.windowKind === "last_days" && (
          <TextField
            label="Last days"
            inputMode="numeric"
            value={draft.lastDays}
            onInput={set("lastDays")}
            error={issue("window", "lastDays")}
            hint="only orders of the last N days count"
          />
        )}
      </div>
      <div class="ql-rule-form__grid">
        {oneShot ? (
          <p class="ql-hint">This task can be done once per member.</p>
        ) : (
          <SelectField label="Repeat" value={draft.every} options={REPEATS} onChange={set("every")} error={issue("repeat", "every")} />
        )}
        {!oneShot && draft.every !== "once" && (
          <TextField label="Completions per member at most" inputMode="numeric" value={draft.cap} onInput={set("cap")} error={issue("repeat", "cap")} hint="empty: no cap" />
        )}
        {!oneShot && draft.every === "completion" && (
          <TextField
            label="Level step"
            inputMode="numeric"
            value={draft.levelStep}
            onInput={set("levelStep")}
            error={issue("repeat", "levelStep")}
            hint="each level's target is the last one's plus this; empty: the same target"
          />
        )}
      </div>
      <Checkbox label="Count only orders from now on" checked={draft.countFrom !== null} onChange={(on) => set("countFrom")(on ? new Date().toISOString() : null)} />
    </>
  );
}
