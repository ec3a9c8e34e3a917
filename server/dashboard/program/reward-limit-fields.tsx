import { useEffect, useState } from "preact/hooks";
import type { ProgramItem } from "../api.js";
import { useDashboard } from "../context.js";
import { Checkbox, SelectField, TextField } from "../ui/field.js";
import type { BudgetDraft } from "./reward-draft.js";
import type { RewardFieldsProps } from "./reward-fields.js";

const MAX_BUDGETS = 4;
const PERIODS: [BudgetDraft["period"], string][] = [
  ["total", "In total"],
  ["day", "Per day"],
  ["week", "Per week"],
  ["month", "Per month"],
];

/** Who may redeem it and how often: per member, the tiers it is open to, its dates, and its budgets. */
export function RewardLimitFields({ draft, set, issue, moneyIssue, fmt }: RewardFieldsProps) {
  const { api } = useDashboard();
  const [tiers, setTiers] = useState<ProgramItem<"tiers">[] | null>(null);
  useEffect(() => {
    api.list("tiers").then(
      (list) => setTiers(list.items),
      () => setTiers([]),
    );
  }, []);
  const budget = (index: number, change: Partial<BudgetDraft>) => set("budgets")(draft.budgets.map((b, i) => (i === index ? { ...b, ...change } : b)));
  return (
    <>
      <div class="ql-rule-form__grid">
        <TextField
          label="Limit per member"
          inputMode="numeric"
          value={draft.perMemberLimit}
          onInput={set("perMemberLimit")}
          error={issue("perMemberLimit")}
          hint="empty: no limit"
        />
        <TextField label="Available from" type="date" value={draft.from} onInput={set("from")} error={issue("availableFrom")} hint="empty: from now" />
        <TextField label="Available until" type="date" value={draft.until} onInput={set("until")} error={issue("availableUntil")} hint="empty: no end; this whole day counts" />
      </div>
      {tiers && tiers.length > 0 && (
        <fieldset class="fieldset ql-choices">
          <legend class="fieldset__title">Open to tiers (none ticked: every member)</legend>
          <div class="ql-choices__list">
            {tiers.map((tier) => (
              <Checkbox
                key={tier.id}
                label={tier.name}
                checked={draft.tierIds.includes(tier.id)}
                onChange={(on) => set("tierIds")(on ? [...draft.tierIds, tier.id] : draft.tierIds.filter((id) => id !== tier.id))}
              />
            ))}
          </div>
          {issue("tierIds") && <p class="ql-field-error">{issue("tierIds")}</p>}
        </fieldset>
      )}
      <fieldset class="fieldset ql-choices">
        <legend class="fieldset__title">Budgets</legend>
        {draft.budgets.length === 0 && <p class="ql-hint">No cap: it can be redeemed as often as members have the points.</p>}
        {draft.budgets.map((b, index) => (
          <div class="ql-rule-form__grid ql-budget" key={index}>
            <SelectField
              label={`Budget ${index + 1} counts`}
              value={b.measure}
              options={[
                ["redemptions", "Redemptions"],
                ["money", `Money given (${fmt.currency})`],
              ]}
              onChange={(measure) => budget(index, { measure })}
              error={issue("budgets", index, "measure")}
            />
            <TextField
              label={`Budget ${index + 1} limit`}
              inputMode={b.measure === "money" ? "decimal" : "numeric"}
              value={b.limit}
              onInput={(limit) => budget(index, { limit })}
              error={b.measure === "money" ? moneyIssue(b.limit, "budgets", index, "limit") : issue("budgets", index, "limit")}
            />
            <SelectField
              label={`Budget ${index + 1} period`}
              value={b.period}
              options={PERIODS}
              onChange={(period) => budget(index, { period })}
              error={issue("budgets", index, "period")}
            />
            <div class="ql-budget__remove">
              <button class="btn btn-default btn-small" type="button" onClick={() => set("budgets")(draft.budgets.filter((_, i) => i !== index))}>
                Remove budget {index + 1}
              </button>
            </div>
          </div>
        ))}
        {draft.budgets.length < MAX_BUDGETS && (
          <button class="btn btn-default btn-small" type="button" onClick={() => set("budgets")([...draft.budgets, { measure: "redemptions", limit: "", period: "month" }])}>
            Add budget
          </button>
        )}
        {issue("budgets") && <p class="ql-field-error">{issue("budgets")}</p>}
      </fieldset>
    </>
  );
}
