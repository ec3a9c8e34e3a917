import { ProductPicker } from "../ui/catalog-pickers.js";
import { TextField } from "../ui/field.js";
import type { RewardFieldsProps } from "./reward-fields.js";

/** What the reward gives, by kind: an amount, a percent, a product, points per unit of money, an experience or a cause. */
export function RewardKindFields({ draft, set, issue, moneyIssue, fmt }: RewardFieldsProps) {
  const cost = <TextField label="Cost in points" inputMode="numeric" value={draft.cost} onInput={set("cost")} error={issue("costPoints")} />;
  switch (draft.kind) {
    case "amount_off":
      return (
        <div class="ql-rule-form__grid">
          {cost}
          <TextField label={`Amount (${fmt.currency})`} inputMode="decimal" value={draft.amount} onInput={set("amount")} error={moneyIssue(draft.amount, "amountMinor")} />
        </div>
      );
    case "percent_off":
      return (
        <div class="ql-rule-form__grid">
          {cost}
          <TextField label="Percent off" inputMode="numeric" value={draft.percent} onInput={set("percent")} error={issue("percent")} hint="of the order subtotal, 1 to 100" />
        </div>
      );
    case "free_shipping":
      return <div class="ql-rule-form__grid">{cost}</div>;
    case "free_product":
      return (
        <>
          <div class="ql-rule-form__grid">{cost}</div>
          <ProductPicker
            label="Free product (one unit, at its price when redeemed)"
            single
            picked={draft.product ? [draft.product] : []}
            onChange={(picked) => set("product")(picked[0] ?? null)}
            // The server can only say a number is missing; a picked product is always a valid id, so its message would be stale.
            error={!draft.product && issue("productId") ? "Choose the product given free." : undefined}
          />
        </>
      );
    case "variable":
      return (
        <div class="ql-rule-form__grid">
          <TextField label="Points per unit" inputMode="numeric" value={draft.pointsPerUnit} onInput={set("pointsPerUnit")} error={issue("pointsPerUnit")} hint="e.g. 100 points" />
          <TextField
            label={`Unit amount (${fmt.currency})`}
            inputMode="decimal"
            value={draft.unit}
            onInput={set("unit")}
            error={moneyIssue(draft.unit, "unitMinor")}
            hint="off per unit, e.g. 1"
          />
          <TextField label="Fewest points" inputMode="numeric" value={draft.minPoints} onInput={set("minPoints")} error={issue("minPoints")} />
          <TextField label="Most points" inputMode="numeric" value={draft.maxPoints} onInput={set("maxPoints")} error={issue("maxPoints")} />
          <TextField label="In steps of (points)" inputMode="numeric" value={draft.stepPoints} onInput={set("stepPoints")} error={issue("stepPoints")} />
        </div>
      );
    case "experience":
      return (
        <>
          <div class="ql-rule-form__grid">{cost}</div>
          <TextField
            label="Instructions for the member"
            value={draft.instructions}
            onInput={set("instructions")}
            error={issue("instructions")}
            maxLength={500}
            hint="what happens next; you mark it fulfilled on the Rewards page"
          />
        </>
      );
    case "donation":
      return (
        <div class="ql-rule-form__grid">
          {cost}
          <TextField label="Cause" value={draft.cause} onInput={set("cause")} error={issue("cause")} maxLength={120} />
          <TextField
            label={`Value per pledge (${fmt.currency})`}
            inputMode="decimal"
            value={draft.value}
            onInput={set("value")}
            error={moneyIssue(draft.value, "valueMinor")}
            hint="what you pay the cause for each redemption"
          />
        </div>
      );
  }
}
