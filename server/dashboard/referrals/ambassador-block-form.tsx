import { useDashboard } from "../context.js";
import { ReasonForm } from "../ui/reason-form.js";

/** Blocking an ambassador takes a reason, kept for the merchant. */
export function AmbassadorBlockForm({ memberId, onBlocked, onCancel }: { memberId: string; onBlocked: () => void; onCancel: () => void }) {
  const { api } = useDashboard();
  return (
    <ReasonForm
      class="ql-member-referral__block"
      formLabel="Block as an ambassador"
      label="Why you block them"
      maxLength={200}
      hint="Kept for you. While blocked, friends' orders with their code pay them nothing."
      missing="Write why you block this ambassador."
      submitLabel="Block ambassador"
      send={(reason) => api.blockAmbassador(memberId, reason)}
      onDone={onBlocked}
      onCancel={onCancel}
    />
  );
}
