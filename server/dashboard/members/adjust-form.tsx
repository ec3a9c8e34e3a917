import { useState } from "preact/hooks";
import { newIdempotencyKey, type AdjustResult } from "../api.js";
import { useDashboard } from "../context.js";
import { Alert } from "../ui/alert.js";
import { Checkbox, TextField } from "../ui/field.js";
import { useSave } from "../ui/use-save.js";
import { numberOrText } from "../program/fields.js";

/** "Adjust points": a signed number of points, a reason, and whether the shopper may read it. One key per submit. */
export function AdjustForm({ memberId, onAdjusted }: { memberId: string; onAdjusted: (result: AdjustResult) => void }) {
  const { api, fmt } = useDashboard();
  const [points, setPoints] = useState("");
  const [reason, setReason] = useState("");
  const [visible, setVisible] = useState(false);
  const [done, setDone] = useState("");
  const save = useSave<never>();

  async function submit() {
    setDone("");
    const result = await save.run(() => api.adjust(memberId, { points: numberOrText(points), reason: reason.trim(), visibleToShopper: visible }, newIdempotencyKey()));
    if (!result) return;
    setPoints("");
    setReason("");
    setVisible(false);
    setDone(`${fmt.signedPoints(result.entry.delta)} points applied. New balance: ${fmt.count(result.balance)}.`);
    onAdjusted(result);
  }

  return (
    <form
      class="ql-panel ql-panel--boxed"
      aria-label="Adjust points"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!save.busy) void submit();
      }}
    >
      <h3 class="ql-panel__title">Adjust points</h3>
      <p class="ql-panel__hint">Add points with a positive number, take them back with a negative one. The reason is kept in the member's history.</p>
      <TextField label="Points" inputMode="numeric" value={points} onInput={setPoints} error={save.issue("points")} placeholder="e.g. 50 or -20" />
      <TextField label="Reason" value={reason} onInput={setReason} error={save.issue("reason")} maxLength={500} placeholder="e.g. Goodwill for a late delivery" />
      <Checkbox label="Show the reason to the shopper" checked={visible} onChange={setVisible} />
      {save.error && (
        <Alert tone="error" id="adjust-error">
          {save.error}
        </Alert>
      )}
      {done && (
        <Alert tone="success" id="adjust-done">
          {done}
        </Alert>
      )}
      <button class="btn btn-primary btn-medium" type="submit" disabled={save.busy}>
        Apply adjustment
      </button>
    </form>
  );
}
