import type { ProofDecision, ProofView } from "../api.js";
import { useDashboard } from "../context.js";
import { ReasonForm } from "../ui/reason-form.js";

/** The reason the shopper reads in the widget, required before a proof is turned down. */
export function RejectForm({ proof, onDecided, onCancel }: { proof: ProofView; onDecided: (decision: ProofDecision) => void; onCancel: () => void }) {
  const { api } = useDashboard();
  return (
    <ReasonForm
      class="ql-proof__reject"
      label="Reason the shopper reads"
      hint="Shown in the widget beside the task; the shopper may send proof again."
      missing="Write why the proof is not approved."
      submitLabel="Reject proof"
      send={(reason) => api.rejectProof(proof.id, reason)}
      onDone={onDecided}
      onCancel={onCancel}
    />
  );
}
