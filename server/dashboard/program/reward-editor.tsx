import type { ProgramItem } from "../api.js";
import { useDashboard } from "../context.js";
import { SelectField, TextField } from "../ui/field.js";
import type { RewardKind } from "../../modules/rewards/reward-schema.js";
import { TranslationFields } from "./fields.js";
import { ItemForm } from "./item-form.js";
import type { ItemEditorProps } from "./program-list.js";
import { RewardCostPanel } from "../simulations/reward-cost-panel.js";
import { RewardCouponFields } from "./reward-coupon-fields.js";
import { isCouponKind, rewardBody, rewardDraft } from "./reward-draft.js";
import { RewardKindFields } from "./reward-kind-fields.js";
import { RewardLimitFields } from "./reward-limit-fields.js";
import { rewardLabel } from "./reward-words.js";
import { useItemEditor } from "./use-item-editor.js";
import { usePickedNames } from "./use-picked-names.js";

const KINDS: [RewardKind, string][] = [
  ["amount_off", "Amount off"],
  ["percent_off", "Percent off"],
  ["free_shipping", "Free shipping"],
  ["free_product", "A free product"],
  ["variable", "Amount off, member picks"],
  ["experience", "An experience"],
  ["donation", "A donation to a cause"],
];

/** One reward of any kind: what it gives and costs, its coupon's terms, who may redeem it when, its budgets and texts. */
export function RewardEditor(props: ItemEditorProps<"rewards">) {
  const { fmt, store } = useDashboard();
  const editor = useItemEditor(
    "rewards",
    props,
    (item: ProgramItem<"rewards"> | null) => rewardDraft(fmt, item),
    (draft) => rewardBody(fmt, draft),
  );
  const { draft, set, save } = editor;
  usePickedNames(props.item, editor.setDraft);
  const parts = { draft, set, issue: save.issue, moneyIssue: save.moneyIssue, fmt };
  return (
    <ItemForm
      title={props.item ? `Edit “${props.item.name}”` : "New reward"}
      save={save}
      submitLabel="Save reward"
      onSubmit={editor.submit}
      onCancel={editor.cancel}
      describeCurrent={(current) => `“${current.name}”, ${rewardLabel(current, fmt)}`}
      onTakeCurrent={() => void editor.takeCurrent()}
      onOverwrite={() => void editor.overwrite()}
      footer={<RewardCostPanel rewardId={props.item?.id ?? null} body={rewardBody(fmt, draft)} />}
    >
      <div class="ql-rule-form__grid">
        <TextField label="Name" value={draft.name} onInput={set("name")} error={save.issue("name")} maxLength={80} />
        <SelectField label="Reward gives" value={draft.kind} options={KINDS} onChange={set("kind")} error={save.issue("kind")} />
      </div>
      <RewardKindFields {...parts} />
      <TextField label="Description" value={draft.description} onInput={set("description")} error={save.issue("description")} maxLength={500} />
      {isCouponKind(draft.kind) && <RewardCouponFields {...parts} />}
      <RewardLimitFields {...parts} />
      <div class="ql-rule-form__grid">
        <TranslationFields label="Name" field="name" storeLang={store.lang} values={draft.names} onInput={set("names")} issue={save.issue} />
        <TranslationFields label="Description" field="description" storeLang={store.lang} values={draft.descriptions} onInput={set("descriptions")} issue={save.issue} />
      </div>
    </ItemForm>
  );
}
