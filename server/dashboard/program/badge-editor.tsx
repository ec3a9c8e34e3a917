import type { ProgramItem } from "../api.js";
import { useDashboard } from "../context.js";
import { TextField } from "../ui/field.js";
import { goalBody, goalDraft, GoalFields, i18nOf, translationsOf, TranslationFields, type GoalDraft, type Translations } from "./fields.js";
import { ItemForm } from "./item-form.js";
import type { ItemEditorProps } from "./program-list.js";
import { useItemEditor } from "./use-item-editor.js";

interface Draft {
  name: string;
  description: string;
  names: Translations;
  goal: GoalDraft;
}

export function BadgeEditor(props: ItemEditorProps<"badges">) {
  const { fmt, store } = useDashboard();
  const editor = useItemEditor(
    "badges",
    props,
    (item: ProgramItem<"badges"> | null): Draft => ({
      name: item?.name ?? "",
      description: item?.description ?? "",
      names: translationsOf(item?.i18n, "name"),
      goal: goalDraft(fmt, item?.goal),
    }),
    (draft) => ({ name: draft.name, description: draft.description, i18n: i18nOf({ name: draft.names }), goal: goalBody(fmt, draft.goal) }),
  );
  const { draft, set, save } = editor;
  return (
    <ItemForm
      title={props.item ? `Edit “${props.item.name}”` : "New badge"}
      save={save}
      submitLabel="Save badge"
      onSubmit={editor.submit}
      onCancel={editor.cancel}
      describeCurrent={(current) => `“${current.name}”`}
      onTakeCurrent={() => void editor.takeCurrent()}
      onOverwrite={() => void editor.overwrite()}
    >
      <div class="ql-rule-form__grid">
        <TextField label="Name" value={draft.name} onInput={set("name")} error={save.issue("name")} />
        <GoalFields goal={draft.goal} onChange={set("goal")} issue={save.issue} moneyIssue={save.moneyIssue} fmt={fmt} />
      </div>
      <TextField label="Description" value={draft.description} onInput={set("description")} error={save.issue("description")} />
      <div class="ql-rule-form__grid">
        <TranslationFields label="Name" field="name" storeLang={store.lang} values={draft.names} onInput={set("names")} issue={save.issue} />
      </div>
    </ItemForm>
  );
}
