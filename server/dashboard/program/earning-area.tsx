import type { ProgramSettings } from "../api.js";
import { useDashboard } from "../context.js";
import type { Formatters } from "../format.js";
import { EARNING_STATUS_CHOICES, paymentStatusLabel } from "../labels.js";
import { Alert } from "../ui/alert.js";
import { Area } from "../ui/area.js";
import { Checkbox, TextField } from "../ui/field.js";
import { CostPanel } from "../simulations/cost-panel.js";
import { moneyOrText, numberOrText } from "./fields.js";
import { ItemForm } from "./item-form.js";
import { usePartEditor } from "./use-part-editor.js";

type Rule = ProgramSettings["earning"];
interface Draft {
  points: string;
  per: string;
  min: string;
  statuses: string[];
}

const rateLabel = (rule: Rule, fmt: Formatters) => `${fmt.points(rule.points)} per ${fmt.moneyShort(rule.perAmountMinor)}`;
const minimumLabel = (rule: Rule, fmt: Formatters) =>
  rule.minOrderMinor > 0 ? `On orders of ${fmt.moneyShort(rule.minOrderMinor)} or more` : "On every order, whatever its amount";

/** The earning rule: what a paid order earns, in one line, and its form. */
export function EarningArea() {
  const { fmt } = useDashboard();
  const ruleOf = (draft: Draft) => ({
    points: numberOrText(draft.points),
    perAmountMinor: moneyOrText(fmt, draft.per),
    minOrderMinor: moneyOrText(fmt, draft.min),
    countedStatuses: draft.statuses,
  });
  const editor = usePartEditor(
    "earning",
    (rule): Draft => ({ points: String(rule.points), per: fmt.toAmountText(rule.perAmountMinor), min: fmt.toAmountText(rule.minOrderMinor), statuses: rule.countedStatuses }),
    ruleOf,
  );
  const { read, draft, save, set } = editor;
  const rule = read?.value;
  return (
    <Area title="Earning rule" subtitle="What a paid order earns. A change counts for orders from then on; points already given stay as they are.">
      {editor.loadError && <Alert tone="error">{editor.loadError}</Alert>}
      {rule && (
        <div class="feature-element ql-rule">
          <div class="feature-element__core">
            <div class="feature-element__title" data-testid="earning-rate">
              {rateLabel(rule, fmt)}
            </div>
            <div class="feature-element__status">{minimumLabel(rule, fmt)}</div>
            <div class="feature-element__content">Payment statuses that earn: {rule.countedStatuses.map(paymentStatusLabel).join(", ")}</div>
          </div>
          <div class="ql-rule__action">
            <button class="btn btn-default btn-medium" type="button" aria-expanded={Boolean(draft)} onClick={editor.edit}>
              Edit rule
            </button>
          </div>
        </div>
      )}
      {editor.saved && rule && (
        <Alert tone="success">
          Saved. Shoppers now earn {rateLabel(rule, fmt)}, {minimumLabel(rule, fmt).replace(/^O/, "o")}.
        </Alert>
      )}
      {draft && (
        <ItemForm
          title="Change the earning rule"
          save={save}
          submitLabel="Save rule"
          onSubmit={editor.submit}
          onCancel={editor.cancel}
          describeCurrent={(current) => rateLabel(current, fmt)}
          onTakeCurrent={() => void editor.takeCurrent()}
          onOverwrite={() => void editor.overwrite()}
          footer={<CostPanel proposal={{ earning: ruleOf(draft) as Rule }} />}
        >
          <div class="ql-rule-form__grid">
            <TextField label="Points earned" inputMode="numeric" value={draft.points} onInput={set("points")} error={save.issue("points")} />
            <TextField
              label={`For every (${fmt.currency})`}
              inputMode="decimal"
              value={draft.per}
              onInput={set("per")}
              error={save.moneyIssue(draft.per, "perAmountMinor")}
              hint="spent, after discounts; shipping and tax never earn"
            />
            <TextField
              label={`Minimum order (${fmt.currency})`}
              inputMode="decimal"
              value={draft.min}
              onInput={set("min")}
              error={save.moneyIssue(draft.min, "minOrderMinor")}
              hint="0 to earn on every order"
            />
          </div>
          <fieldset class="fieldset ql-choices">
            <legend class="fieldset__title">Payment statuses that earn</legend>
            <div class="ql-choices__list">
              {EARNING_STATUS_CHOICES.map((status) => (
                <Checkbox
                  key={status}
                  label={paymentStatusLabel(status)}
                  checked={draft.statuses.includes(status)}
                  onChange={(on) => set("statuses")(on ? [...draft.statuses, status] : draft.statuses.filter((s) => s !== status))}
                />
              ))}
            </div>
            {save.issue("countedStatuses") && <p class="ql-field-error">{save.issue("countedStatuses")}</p>}
          </fieldset>
        </ItemForm>
      )}
    </Area>
  );
}
