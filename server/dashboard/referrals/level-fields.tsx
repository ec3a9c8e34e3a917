import { useRef } from "preact/hooks";
import { TextField } from "../ui/field.js";
import type { ReferralFieldsProps } from "./referral-fields.js";
import { newLevel, type LevelDraft } from "./referral-settings-draft.js";

const MAX_LEVELS = 5;

/** Ambassador levels: each a name, the qualified friends it takes and the extra points it pays per friend; kept in the order of that number. */
export function LevelFields({ draft, set, save }: ReferralFieldsProps) {
  const levels = draft.levels;
  const add = useRef<HTMLButtonElement>(null);
  const change = (index: number, patch: Partial<LevelDraft>) => set("levels")(levels.map((level, at) => (at === index ? { ...level, ...patch } : level)));
  return (
    <fieldset class="fieldset ql-referral-group">
      <legend class="fieldset__title ql-referral-group__title">Ambassador levels</legend>
      <p class="ql-hint ql-referral-group__hint">
        Optional, up to {MAX_LEVELS}. From a level on, each friend pays its extra points on top of the reward. Levels are put in order of the friends they take when you save.
      </p>
      {levels.length === 0 && <p class="ql-referral-group__empty">No levels: every ambassador earns the same.</p>}
      <ol class="ql-levels">
        {levels.map((level, index) => (
          <li class="ql-levels__item" key={level.id}>
            <div class="ql-levels__fields">
              <TextField
                label={`Level ${index + 1} name`}
                value={level.name}
                maxLength={40}
                onInput={(name) => change(index, { name })}
                error={save.issue("levels", index, "name")}
              />
              <TextField
                label="Friends needed"
                inputMode="numeric"
                value={level.minReferrals}
                onInput={(minReferrals) => change(index, { minReferrals })}
                error={save.issue("levels", index, "minReferrals")}
              />
              <TextField
                label="Extra points per friend"
                inputMode="numeric"
                value={level.extraPoints}
                onInput={(extraPoints) => change(index, { extraPoints })}
                error={save.issue("levels", index, "extraPoints")}
              />
            </div>
            <button
              class="btn btn-default btn-small ql-levels__remove"
              type="button"
              aria-label={`Remove level ${index + 1}${level.name ? ` (${level.name})` : ""}`}
              onClick={() => {
                set("levels")(levels.filter((_, at) => at !== index));
                // The button leaves with its row: focus goes to "Add a level", which is there with a row fewer.
                requestAnimationFrame(() => add.current?.focus());
              }}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      {save.issue("levels") && <p class="ql-field-error">{save.issue("levels")}</p>}
      {levels.length < MAX_LEVELS && (
        <button ref={add} class="btn btn-default btn-small" type="button" onClick={() => set("levels")([...levels, newLevel()])}>
          Add a level
        </button>
      )}
    </fieldset>
  );
}
