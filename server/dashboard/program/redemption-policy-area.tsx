import type { ProgramSettings } from "../api.js";
import { Checkbox } from "../ui/field.js";
import { PartArea } from "./part-area.js";
import { usePartEditor } from "./use-part-editor.js";

type Policy = ProgramSettings["redemption"];

const describe = (policy: Policy) =>
  policy.returnPointsOnCouponExpiry ? "A coupon that expires unused gives the member their points back." : "A coupon that expires unused keeps its points spent.";

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
      subtitle="Coupons members redeem expire after the days each reward sets; Questline deletes them from your store then."
      editor={editor}
      describe={describe}
      editLabel="Edit unused coupons"
      formTitle="Change what happens to unused coupons"
      submitLabel="Save"
      savedText="Saved."
      fields={(draft) => (
        <Checkbox label="Give the points back when a coupon expires unused" checked={draft.returnPointsOnCouponExpiry} onChange={editor.set("returnPointsOnCouponExpiry")} />
      )}
    />
  );
}
