import { useEffect, useRef, useState } from "preact/hooks";
import type { ProofDecision, ProofView } from "../api.js";
import { useDashboard } from "../context.js";
import { Alert } from "../ui/alert.js";
import { TextField } from "../ui/field.js";
import { useSave } from "../ui/use-save.js";

/** The reason the shopper reads in the widget, required before a proof is turned down. */
export function RejectForm({ proof, onDecided, onCancel }: { proof: ProofView; onDecided: (decision: ProofDecision) => void; onCancel: () => void }) {
  const { api } = useDashboard();
  const save = useSave<never>();
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // Opened by Reject: the merchant types the reason at once.
  useEffect(() => form.current?.querySelector("input")?.focus(), []);

  async function submit(event: Event) {
    event.preventDefault();
    setMissing(reason.trim() === "");
    if (reason.trim() === "") return;
    const decision = await save.run(() => api.rejectProof(proof.id, reason));
    if (decision) onDecided(decision);
  }

  return (
    <form ref={form} class="ql-proof__reject" noValidate onSubmit={(event) => void submit(event)}>
      <TextField
        label="Reason the shopper reads"
        value={reason}
        onInput={setReason}
        maxLength={300}
        required
        hint="Shown in the widget beside the task; the shopper may send proof again."
        error={missing ? "Write why the proof is not approved." : save.issue("reason")}
      />
      {save.error && <Alert tone="error">{save.error}</Alert>}
      <div class="ql-form-actions">
        <button class="btn btn-primary btn-small" type="submit" disabled={save.busy}>
          Reject proof
        </button>
        <button class="btn btn-default btn-small" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
