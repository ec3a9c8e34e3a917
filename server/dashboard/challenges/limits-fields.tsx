import { Checkbox, SelectField, TextField } from "../ui/field.js";
import type { LimitPeriod } from "./challenge-draft.js";
import type { ChallengeFieldsProps } from "./challenge-fields.js";

const PERIODS: [LimitPeriod, string][] = [
  ["total", "In total"],
  ["day", "Per day"],
  ["week", "Per week"],
  ["month", "Per month"],
];

/** Caps that close the challenge once reached (first N winners, points budgets), and how it shows and undoes. */
export function LimitsFields({ draft, set, issue }: ChallengeFieldsProps) {
  return (
    <>
      <div class="ql-rule-form__grid">
        <TextField
          label="First winners only"
          inputMode="numeric"
          value={draft.winners}
          onInput={set("winners")}
          error={issue("limits", "winners")}
          hint="e.g. the first 50; empty: no cap"
        />
        <TextField
          label="Points budget in all"
          inputMode="numeric"
          value={draft.totalPoints}
          onInput={set("totalPoints")}
          error={issue("limits", "totalPoints")}
          hint="empty: no budget"
        />
        <TextField
          label="Points budget per period"
          inputMode="numeric"
          value={draft.periodPoints}
          onInput={set("periodPoints")}
          error={issue("limits", "periodPoints")}
          hint="empty: no budget"
        />
        <SelectField label="Winners and budget count" value={draft.limitPeriod} options={PERIODS} onChange={set("limitPeriod")} error={issue("limits", "period")} />
      </div>
      <p class="ql-hint">Once a cap is reached the challenge closes itself, so it never costs more than you chose.</p>
      <Checkbox label="Hidden until completed (a surprise)" checked={draft.hidden} onChange={set("hidden")} />
      <Checkbox label="A refund that undoes a qualifying order takes the reward back" checked={draft.reverseOnRefund} onChange={set("reverseOnRefund")} />
    </>
  );
}
