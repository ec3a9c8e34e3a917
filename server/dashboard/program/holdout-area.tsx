import type { ProgramSettings } from "../api.js";
import { TextField } from "../ui/field.js";
import { numberOrText } from "./fields.js";
import { PartArea } from "./part-area.js";
import { usePartEditor } from "./use-part-editor.js";

type Holdout = ProgramSettings["holdout"];
interface Draft {
  percent: string;
  from: string;
  until: string;
}

const today = (daysAhead = 0) => new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);

export const describeHoldout = (holdout: Holdout): string =>
  holdout.percent === 0
    ? "No holdout: every new member joins the program."
    : `${holdout.percent}% of the members who join from ${holdout.from} to ${holdout.until} are left out of the program until the end of ${holdout.until}.`;

/** The holdout: a share of new members left out for a while, so the Overview can compare them with members. */
export function HoldoutArea() {
  const editor = usePartEditor(
    "holdout",
    (holdout): Draft => ({ percent: String(holdout.percent), from: holdout.from ?? today(), until: holdout.until ?? today(89) }),
    (draft) => {
      const percent = numberOrText(draft.percent);
      return percent === 0 ? { percent: 0, from: null, until: null } : { percent, from: draft.from, until: draft.until };
    },
  );
  const { save, set } = editor;
  return (
    <PartArea
      title="Holdout: is it working?"
      subtitle="Left-out members earn nothing, get no program emails and see a neutral note in the widget; their orders are still counted. Each new member is drawn once, when they join. Orders they place while left out never earn, even after the holdout ends; from then on they earn like everyone. Members imported from a file are never left out."
      editor={editor}
      describe={describeHoldout}
      editLabel="Edit holdout"
      formTitle="Change the holdout"
      submitLabel="Save holdout"
      savedText="Holdout saved."
      fields={(draft) => (
        <div class="ql-rule-form__grid">
          <TextField label="Share of new members left out (0 to 50%)" inputMode="numeric" value={draft.percent} onInput={set("percent")} error={save.issue("percent")} />
          {draft.percent.trim() !== "0" && (
            <>
              <TextField label="From (UTC day)" type="date" value={draft.from} onInput={set("from")} error={save.issue("from")} />
              <TextField
                label="Until (UTC day, included)"
                type="date"
                value={draft.until}
                onInput={set("until")}
                error={save.issue("until")}
                hint="Up to a year; 90 days is a common choice."
              />
            </>
          )}
        </div>
      )}
    />
  );
}
