import type { ProgramSettings } from "../api.js";
import { SelectField, TextField } from "../ui/field.js";
import { numberOrText } from "./fields.js";
import { PartArea } from "./part-area.js";
import { usePartEditor } from "./use-part-editor.js";

type Expiry = ProgramSettings["expiry"];
interface Draft {
  mode: Expiry["mode"];
  months: string;
  warnDays: string;
}

const months = (n: number) => `${n} ${n === 1 ? "month" : "months"}`;
const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

export function describeExpiry(expiry: Expiry): string {
  if (expiry.mode === "off") return "Points never expire.";
  const rule =
    expiry.mode === "inactivity"
      ? `All of a member's points expire ${months(expiry.months)} after they last earned any`
      : `Points expire ${months(expiry.months)} after they were earned`;
  return `${rule}; the member is emailed ${days(expiry.warnDays)} before.`;
}

/** Whether and when points lapse, and how early members are warned. */
export function PointsExpiryArea() {
  const editor = usePartEditor(
    "expiry",
    (expiry): Draft => ({ mode: expiry.mode, months: String(expiry.months), warnDays: String(expiry.warnDays) }),
    (draft) => ({ mode: draft.mode, months: numberOrText(draft.months), warnDays: numberOrText(draft.warnDays) }),
  );
  const { save, set } = editor;
  return (
    <PartArea
      title="Points expiry"
      subtitle="Expired points leave the member's balance and show as “Expired” in their points history."
      editor={editor}
      describe={describeExpiry}
      editLabel="Edit expiry"
      formTitle="Change points expiry"
      submitLabel="Save expiry"
      savedText="Points expiry saved."
      fields={(draft) => (
        <div class="ql-rule-form__grid">
          <SelectField
            label="Points expire"
            value={draft.mode}
            options={[
              ["off", "Never"],
              ["inactivity", "After months without earning"],
              ["per_lot", "Months after each was earned"],
            ]}
            onChange={set("mode")}
            error={save.issue("mode")}
          />
          {draft.mode !== "off" && (
            <>
              <TextField label="Months" inputMode="numeric" value={draft.months} onInput={set("months")} error={save.issue("months")} />
              <TextField label="Warn members (days before)" inputMode="numeric" value={draft.warnDays} onInput={set("warnDays")} error={save.issue("warnDays")} />
            </>
          )}
        </div>
      )}
    />
  );
}
