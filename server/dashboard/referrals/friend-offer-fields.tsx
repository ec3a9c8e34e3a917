import { useDashboard } from "../context.js";
import { SelectField, TextField } from "../ui/field.js";
import type { ReferralFieldsProps } from "./referral-fields.js";

/** The friend's welcome offer: the ambassador's code works as an Ecwid coupon with these terms, for new customers only. */
export function FriendOfferFields({ draft, set, save }: ReferralFieldsProps) {
  const { fmt } = useDashboard();
  return (
    <fieldset class="fieldset ql-referral-group">
      <legend class="fieldset__title ql-referral-group__title">The friend's offer</legend>
      <p class="ql-hint ql-referral-group__hint">Each ambassador's code is a coupon for new customers only, once per customer: Ecwid applies it at checkout.</p>
      <div class="ql-rule-form__grid">
        <SelectField
          label="Friends get"
          value={draft.offerKind}
          options={[
            ["percent_off", "A percent off"],
            ["amount_off", "An amount off"],
            ["free_shipping", "Free shipping"],
          ]}
          onChange={set("offerKind")}
          error={save.issue("friendOffer", "kind")}
        />
        {draft.offerKind === "percent_off" && (
          <TextField
            label="Percent off"
            inputMode="numeric"
            value={draft.offerPercent}
            onInput={set("offerPercent")}
            error={save.issue("friendOffer", "percent")}
            hint="of the order subtotal, 1 to 100"
          />
        )}
        {draft.offerKind === "amount_off" && (
          <TextField
            label={`Amount off (${fmt.currency})`}
            inputMode="decimal"
            value={draft.offerAmount}
            onInput={set("offerAmount")}
            error={save.moneyIssue(draft.offerAmount, "friendOffer", "amountMinor")}
          />
        )}
        <TextField
          label={`Offer's minimum order (${fmt.currency})`}
          inputMode="decimal"
          value={draft.offerMinOrder}
          onInput={set("offerMinOrder")}
          error={save.moneyIssue(draft.offerMinOrder, "friendOffer", "minOrderMinor")}
          hint="the coupon's own minimum at checkout; 0 for none"
        />
      </div>
    </fieldset>
  );
}
