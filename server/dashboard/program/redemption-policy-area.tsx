import type { ProgramSettings } from "../api.js";
import { Checkbox } from "../ui/field.js";
import { PartArea } from "./part-area.js";
import { usePartEditor } from "./use-part-editor.js";

type Policy = ProgramSettings["redemption"];

const describe = (policy: Policy) =>
  policy.returnPointsOnCouponExpiry ? "A coupon that expires unused gives the member its points back." : "A coupon that expires unused does not give its points back.";

/** Whether an unused coupon's points come back when it expires. */
export function RedemptionPolicyArea() {
  const editor = usePartEditor(
    "redemption",
    (policy): Policy => ({ ...policy }),
    (draft) => draft,
  );
  return (
    <PartArea
      title="Unused coupons"
      subtitle="A redeemed coupon expires after the days its reward sets; Questline then deletes it from your store."
      editor={editor}
      describe={describe}
      editLabel="Edit unused coupons"
      formTitle="Change what happens to unused coupons"
      submitLabel="Save choice"
      savedText="Unused coupons choice saved."
      fields={(draft) => (
        <Checkbox label="Give the points back when a coupon expires unused" checked={draft.returnPointsOnCouponExpiry} onChange={editor.set("returnPointsOnCouponExpiry")} />
      )}
    />
  );
}
