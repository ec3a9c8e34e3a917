import { CategoryPicker, ProductPicker } from "../ui/catalog-pickers.js";
import { TextField } from "../ui/field.js";
import type { RewardFieldsProps } from "./reward-fields.js";

/** The terms of the Ecwid coupon a reward pays out as: the order it needs, what it applies to, how long it lives. */
export function RewardCouponFields({ draft, set, issue, moneyIssue, fmt }: RewardFieldsProps) {
  return (
    <fieldset class="fieldset ql-choices">
      <legend class="fieldset__title">Coupon terms</legend>
      <div class="ql-rule-form__grid">
        <TextField
          label={`Minimum order subtotal (${fmt.currency})`}
          inputMode="decimal"
          value={draft.minOrder}
          onInput={set("minOrder")}
          error={moneyIssue(draft.minOrder, "minOrderMinor")}
          hint="empty: any order"
        />
        <TextField label="Coupon valid for (days)" inputMode="numeric" value={draft.couponDays} onInput={set("couponDays")} error={issue("couponDays")} />
      </div>
      {draft.kind !== "free_product" && (
        <>
          <p class="ql-hint">Limit the coupon to some products or categories; none chosen: the whole catalog.</p>
          <ProductPicker label="Only these products" picked={draft.products} onChange={set("products")} error={issue("productIds")} />
          <CategoryPicker label="Only these categories" picked={draft.categories} onChange={set("categories")} error={issue("categoryIds")} />
        </>
      )}
    </fieldset>
  );
}
