import type { AdminReferral } from "../api.js";
import { useDashboard } from "../context.js";
import { ReasonForm } from "../ui/reason-form.js";

/** Turning a referral under review down takes a reason, kept with the referral for the merchant; the ambassador is not paid. */
export function ReferralRejectForm({ referral, onDecided, onCancel }: { referral: AdminReferral; onDecided: (decided: AdminReferral) => void; onCancel: () => void }) {
  const { api } = useDashboard();
  return (
    <ReasonForm
      class="ql-referral-reject"
      formLabel={`Reject the referral of order ${referral.orderId}`}
      label="Why you reject it"
      hint="Kept with the referral for you; the ambassador is not paid for this friend."
      missing="Write why this referral is not paid."
      submitLabel="Reject referral"
      send={(reason) => api.rejectReferral(referral.id, reason)}
      onDone={onDecided}
      onCancel={onCancel}
    />
  );
}
