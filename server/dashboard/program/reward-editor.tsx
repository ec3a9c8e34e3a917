import type { ProgramItem } from "../api.js";
import { useDashboard } from "../context.js";
import { SelectField, TextField } from "../ui/field.js";
import { lowestCost } from "../../modules/rewards/reward-cost.rules.js";
import { i18nOf, moneyOrText, translationsOf, numberOrText, TranslationFields, type Translations } from "./fields.js";
import { ItemForm } from "./item-form.js";
import type { ItemEditorProps } from "./program-list.js";
import { useItemEditor } from "./use-item-editor.js";

type Reward = ProgramItem<"rewards">;
interface Draft {
  name: string;
  names: Translations;
  cost: string;
  kind: "amount_off" | "percent_off";
  value: string;
}

export const rewardLabel = (reward: Reward, money: (minor: number) => string) => {
  switch (reward.kind) {
    case "amount_off":
      return `${money(reward.amountMinor)} off`;
    case "percent_off":
      return `${reward.percent}% off`;
    case "free_shipping":
      return "Free shipping";
    case "free_product":
      return "A free product";
    case "variable":
      return `${money(reward.unitMinor)} off per ${reward.pointsPerUnit} points`;
    case "experience":
      return "An experience";
    case "donation":
      return `${money(reward.valueMinor)} to ${reward.cause}`;
  }
};

export function RewardEditor(props: ItemEditorProps<"rewards">) {
  const { fmt, store } = useDashboard();
  const editor = useItemEditor(
    "rewards",
    props,
    (item: Reward | null): Draft => ({
      name: item?.name ?? "",
      names: translationsOf(item?.i18n, "name"),
      cost: item ? String(lowestCost(item)) : "",
      kind: item?.kind === "percent_off" ? "percent_off" : "amount_off",
      value: item?.kind === "percent_off" ? String(item.percent) : item?.kind === "amount_off" ? fmt.toAmountText(item.amountMinor) : "",
    }),
    (draft) => ({
      name: draft.name,
      i18n: i18nOf({ name: draft.names }),
      costPoints: numberOrText(draft.cost),
      ...(draft.kind === "percent_off" ? { kind: draft.kind, percent: numberOrText(draft.value) } : { kind: draft.kind, amountMinor: moneyOrText(fmt, draft.value) }),
    }),
  );
  const { draft, set, save } = editor;
  return (
    <ItemForm
      title={props.item ? `Edit “${props.item.name}”` : "New reward"}
      save={save}
      submitLabel="Save reward"
      onSubmit={editor.submit}
      onCancel={editor.cancel}
      describeCurrent={(current) => `“${current.name}” for ${fmt.points(lowestCost(current))}`}
      onTakeCurrent={() => void editor.takeCurrent()}
      onOverwrite={() => void editor.overwrite()}
    >
      <div class="ql-rule-form__grid">
        <TextField label="Name" value={draft.name} onInput={set("name")} error={save.issue("name")} />
        <TextField label="Cost in points" inputMode="numeric" value={draft.cost} onInput={set("cost")} error={save.issue("costPoints")} />
        <SelectField
          label="Discount"
          value={draft.kind}
          options={[
            ["amount_off", `Amount off (${fmt.currency})`],
            ["percent_off", "Percent off"],
          ]}
          onChange={set("kind")}
          error={save.issue("kind")}
        />
        <TextField
          label={draft.kind === "percent_off" ? "Percent" : `Amount (${fmt.currency})`}
          inputMode="decimal"
          value={draft.value}
          onInput={set("value")}
          error={save.issue(draft.kind === "percent_off" ? "percent" : "amountMinor")}
        />
      </div>
      <div class="ql-rule-form__grid">
        <TranslationFields label="Name" field="name" storeLang={store.lang} values={draft.names} onInput={set("names")} issue={save.issue} />
      </div>
    </ItemForm>
  );
}
