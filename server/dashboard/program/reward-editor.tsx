import type { ProgramItem } from "../api.js";
import { useDashboard } from "../context.js";
import { SelectField, TextField } from "../ui/field.js";
import { i18nOf, translationsOf, numberOrText, TranslationFields, type Translations } from "./fields.js";
import { ItemForm } from "./item-form.js";
import type { ItemEditorProps } from "./program-list.js";
import { useItemEditor } from "./use-item-editor.js";

type Reward = ProgramItem<"rewards">;
interface Draft {
  name: string;
  names: Translations;
  cost: string;
  type: Reward["discount"]["type"];
  value: string;
}

export const discountLabel = (reward: Reward, money: (minor: number) => string, precision: number) =>
  reward.discount.type === "PERCENT" ? `${reward.discount.value}% off` : `${money(Math.round(reward.discount.value * 10 ** precision))} off`;

export function RewardEditor(props: ItemEditorProps<"rewards">) {
  const { fmt, store } = useDashboard();
  const editor = useItemEditor(
    "rewards",
    props,
    (item: Reward | null): Draft => ({
      name: item?.name ?? "",
      names: translationsOf(item?.i18n, "name"),
      cost: item ? String(item.costPoints) : "",
      type: item?.discount.type ?? "ABS",
      value: item ? String(item.discount.value) : "",
    }),
    (draft) => ({ name: draft.name, i18n: i18nOf({ name: draft.names }), costPoints: numberOrText(draft.cost), discount: { type: draft.type, value: numberOrText(draft.value) } }),
  );
  const { draft, set, save } = editor;
  return (
    <ItemForm
      title={props.item ? `Edit “${props.item.name}”` : "New reward"}
      save={save}
      submitLabel="Save reward"
      onSubmit={editor.submit}
      onCancel={editor.cancel}
      describeCurrent={(current) => `“${current.name}” for ${fmt.points(current.costPoints)}`}
      onTakeCurrent={() => void editor.takeCurrent()}
      onOverwrite={() => void editor.overwrite()}
    >
      <div class="ql-rule-form__grid">
        <TextField label="Name" value={draft.name} onInput={set("name")} error={save.issue("name")} />
        <TextField label="Cost in points" inputMode="numeric" value={draft.cost} onInput={set("cost")} error={save.issue("costPoints")} />
        <SelectField
          label="Discount"
          value={draft.type}
          options={[
            ["ABS", `Amount off (${fmt.currency})`],
            ["PERCENT", "Percent off"],
          ]}
          onChange={set("type")}
          error={save.issue("discount", "type")}
        />
        <TextField
          label={draft.type === "PERCENT" ? "Percent" : `Amount (${fmt.currency})`}
          inputMode="decimal"
          value={draft.value}
          onInput={set("value")}
          error={save.issue("discount", "value")}
        />
      </div>
      <div class="ql-rule-form__grid">
        <TranslationFields label="Name" field="name" storeLang={store.lang} values={draft.names} onInput={set("names")} issue={save.issue} />
      </div>
    </ItemForm>
  );
}
