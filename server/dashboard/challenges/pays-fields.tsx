import type { ProgramItem } from "../api.js";
import { Checkbox, TextField } from "../ui/field.js";
import type { ChallengeFieldsProps } from "./challenge-fields.js";

/** The badges and rewards of the program a challenge may give. */
export interface ProgramChoices {
  badges: ProgramItem<"badges">[];
  rewards: ProgramItem<"rewards">[];
  tiers: ProgramItem<"tiers">[];
}

/** Items of the program to tick, or a line saying there are none yet. */
export function Choices({
  legend,
  empty,
  items,
  chosen,
  onChange,
  error,
}: {
  legend: string;
  empty: string;
  items: { id: string; name: string }[];
  chosen: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}) {
  return (
    <fieldset class="fieldset ql-choices" aria-invalid={Boolean(error)}>
      <legend class="fieldset__title">{legend}</legend>
      {items.length === 0 ? (
        <p class="ql-hint">{empty}</p>
      ) : (
        <div class="ql-choices__list">
          {items.map((item) => (
            <Checkbox
              key={item.id}
              label={item.name}
              checked={chosen.includes(item.id)}
              onChange={(on) => onChange(on ? [...chosen, item.id] : chosen.filter((id) => id !== item.id))}
            />
          ))}
        </div>
      )}
      {error && <p class="ql-field-error">{error}</p>}
    </fieldset>
  );
}

/** What completing pays: points, badges of the program, catalog rewards given free, or several. */
export function PaysFields({ draft, set, issue, choices }: ChallengeFieldsProps & { choices: ProgramChoices }) {
  const listIssue = (list: "badgeIds" | "rewardIds") => issue(list) ?? draft[list].map((_, at) => issue(list, at)).find(Boolean);
  return (
    <>
      <div class="ql-rule-form__grid">
        <TextField label="Points paid" inputMode="numeric" value={draft.points} onInput={set("points")} error={issue("points")} hint="0 or empty: a badge or reward only" />
      </div>
      <Choices
        legend="Badges it gives"
        empty="No badges yet: add one under Badges on the Program page."
        items={choices.badges}
        chosen={draft.badgeIds}
        onChange={set("badgeIds")}
        error={listIssue("badgeIds")}
      />
      <Choices
        legend="Rewards it gives (free, as a coupon)"
        empty="No rewards yet: add one under Rewards on the Program page."
        items={choices.rewards}
        chosen={draft.rewardIds}
        onChange={set("rewardIds")}
        error={listIssue("rewardIds")}
      />
    </>
  );
}
