import type { ProgramItem } from "../api.js";
import { useDashboard } from "../context.js";
import { TextField } from "../ui/field.js";
import { i18nOf, translationsOf, moneyOrText, TranslationFields, type Translations } from "./fields.js";
import { ItemForm } from "./item-form.js";
import type { ItemEditorProps } from "./program-list.js";
import { useItemEditor } from "./use-item-editor.js";

interface Draft {
  name: string;
  names: Translations;
  threshold: string;
  perks: string;
}

export function TierEditor(props: ItemEditorProps<"tiers">) {
  const { fmt, store } = useDashboard();
  const editor = useItemEditor(
    "tiers",
    props,
    (item: ProgramItem<"tiers"> | null): Draft => ({
      name: item?.name ?? "",
      names: translationsOf(item?.i18n, "name"),
      threshold: item ? fmt.toAmountText(item.threshold) : "",
      perks: item?.perks ?? "",
    }),
    (draft) => ({ name: draft.name, i18n: i18nOf({ name: draft.names }), threshold: moneyOrText(fmt, draft.threshold), perks: draft.perks }),
  );
  const { draft, set, save } = editor;
  return (
    <ItemForm
      title={props.item ? `Edit “${props.item.name}”` : "New tier"}
      save={save}
      submitLabel="Save tier"
      onSubmit={editor.submit}
      onCancel={editor.cancel}
      describeCurrent={(current) => `“${current.name}” from ${fmt.moneyShort(current.threshold)}`}
      onTakeCurrent={() => void editor.takeCurrent()}
      onOverwrite={() => void editor.overwrite()}
    >
      <div class="ql-rule-form__grid">
        <TextField label="Name" value={draft.name} onInput={set("name")} error={save.issue("name")} />
        <TextField
          label={`Lifetime spend from (${fmt.currency})`}
          inputMode="decimal"
          value={draft.threshold}
          onInput={set("threshold")}
          error={save.moneyIssue(draft.threshold, "threshold")}
          hint="after discounts and refunds, without shipping and tax"
        />
      </div>
      <TextField label="Perks" value={draft.perks} onInput={set("perks")} error={save.issue("perks")} />
      <div class="ql-rule-form__grid">
        <TranslationFields label="Name" field="name" storeLang={store.lang} values={draft.names} onInput={set("names")} issue={save.issue} />
      </div>
    </ItemForm>
  );
}
