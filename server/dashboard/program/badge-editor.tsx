import { useEffect, useState } from "preact/hooks";
import type { ProgramItem } from "../api.js";
import { useDashboard } from "../context.js";
import { Checkbox, TextField } from "../ui/field.js";
import { IconPicker } from "../ui/icon-picker.js";
import type { BadgeIcon } from "../../modules/program/badge-icons.js";
import { goalBody, goalDraft, ORDER_KINDS, type GoalDraft } from "../challenges/challenge-draft.js";
import { KIND_NAMES } from "../challenges/challenge-words.js";
import { GoalFields } from "../challenges/goal-fields.js";
import { i18nOf, translationsOf, TranslationFields, type Translations } from "./fields.js";
import { ItemForm } from "./item-form.js";
import type { ItemEditorProps } from "./program-list.js";
import { useItemEditor } from "./use-item-editor.js";

interface Draft extends GoalDraft {
  name: string;
  description: string;
  names: Translations;
  icon: BadgeIcon;
  /** A milestone the member's orders reach; without one the badge is given only by the challenges that name it. */
  milestone: boolean;
}

const MILESTONE_KINDS = KIND_NAMES.filter(([kind]) => ORDER_KINDS.includes(kind));

export function BadgeEditor(props: ItemEditorProps<"badges">) {
  const { fmt, store, api } = useDashboard();
  const [color, setColor] = useState("#1f6feb");
  useEffect(() => {
    api.part("theme").then(
      (theme) => setColor(theme.value.primaryColor),
      () => undefined,
    );
  }, []);
  const editor = useItemEditor(
    "badges",
    props,
    (item: ProgramItem<"badges"> | null): Draft => ({
      ...goalDraft(fmt, item?.goal),
      name: item?.name ?? "",
      description: item?.description ?? "",
      names: translationsOf(item?.i18n, "name"),
      icon: item?.icon ?? "award",
      milestone: item ? item.goal !== null : true,
    }),
    (draft) => ({
      name: draft.name,
      description: draft.description,
      i18n: i18nOf({ name: draft.names }),
      icon: draft.icon,
      goal: draft.milestone ? goalBody(fmt, draft) : null,
    }),
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
      </div>
      <TextField label="Description" value={draft.description} onInput={set("description")} error={save.issue("description")} />
      <IconPicker label="Icon (in your widget's colour)" value={draft.icon} onChange={set("icon")} color={color} error={save.issue("icon")} />
      <Checkbox label="Earned by reaching a milestone (else only by the challenges that give it)" checked={draft.milestone} onChange={set("milestone")} />
      {draft.milestone && <GoalFields draft={draft} set={set} issue={save.issue} moneyIssue={save.moneyIssue} fmt={fmt} kinds={MILESTONE_KINDS} label="Milestone" />}
      <div class="ql-rule-form__grid">
        <TranslationFields label="Name" field="name" storeLang={store.lang} values={draft.names} onInput={set("names")} issue={save.issue} />
      </div>
    </ItemForm>
  );
}
