import { useState } from "preact/hooks";
import type { ProgramItem, ProgramPreview } from "../api.js";
import { useDashboard } from "../context.js";
import { Alert } from "../ui/alert.js";
import { Checkbox, TextField } from "../ui/field.js";
import { useSave } from "../ui/use-save.js";
import { goalBody, goalDraft, GoalFields, goalWords, i18nOf, translationsOf, numberOrText, TranslationFields, type GoalDraft, type Translations } from "./fields.js";
import { ItemForm } from "./item-form.js";
import type { ItemEditorProps } from "./program-list.js";
import { useItemEditor } from "./use-item-editor.js";

type Challenge = ProgramItem<"challenges">;
interface Draft {
  title: string;
  description: string;
  titles: Translations;
  points: string;
  goal: GoalDraft;
  countFrom: string | null;
}

/** A challenge is measured against members' past orders when it is new or its goal changes: that needs a preview first. */
const reachesHistory = (item: Challenge | null, body: { goal: unknown }) => !item || JSON.stringify(item.goal) !== JSON.stringify(body.goal);

export function ChallengeEditor(props: ItemEditorProps<"challenges">) {
  const { fmt, store, api } = useDashboard();
  const fromItem = (item: Challenge | null): Draft => ({
    title: item?.title ?? "",
    description: item?.description ?? "",
    titles: translationsOf(item?.i18n, "title"),
    points: item ? String(item.points) : "",
    goal: goalDraft(fmt, item?.goal),
    countFrom: item?.countFrom ?? null,
  });
  const toBody = (draft: Draft) => ({
    title: draft.title,
    description: draft.description,
    i18n: i18nOf({ title: draft.titles }),
    points: numberOrText(draft.points),
    goal: goalBody(fmt, draft.goal),
    countFrom: draft.countFrom,
  });
  const editor = useItemEditor("challenges", props, fromItem, toBody);
  const { draft, set, save } = editor;
  const previewing = useSave<never>(1);
  const [preview, setPreview] = useState<{ result: ProgramPreview; body: string } | null>(null);
  const issue = (...path: (string | number)[]) => save.issue(...path) ?? previewing.issue(...path);
  const moneyIssue = (text: string, ...path: (string | number)[]) => save.moneyIssue(text, ...path) ?? previewing.moneyIssue(text, ...path);

  const body = toBody(draft);
  const confirmed = preview?.body === JSON.stringify(body);

  async function submit() {
    if (!reachesHistory(props.item, body) || confirmed) return editor.submit();
    const result = await previewing.run(() => api.preview({ challenge: { ...body, id: props.item?.id ?? "ch_preview" } as Challenge }));
    if (result) setPreview({ result, body: JSON.stringify(body) });
  }

  return (
    <ItemForm
      title={props.item ? `Edit “${props.item.title}”` : "New challenge"}
      save={save}
      submitLabel={reachesHistory(props.item, body) && !confirmed ? "Check what it pays" : "Save challenge"}
      onSubmit={() => void submit()}
      onCancel={editor.cancel}
      describeCurrent={(current) => `“${current.title}”, ${fmt.points(current.points)} for ${goalWords(fmt, current.goal)}`}
      onTakeCurrent={() => void editor.takeCurrent()}
      onOverwrite={() => void editor.overwrite()}
      footer={
        <>
          {previewing.error && <Alert tone="error">{previewing.error}</Alert>}
          {preview && confirmed && (
            <Alert
              tone="info"
              title={`Saving would pay ${fmt.count(preview.result.members)} ${preview.result.members === 1 ? "member" : "members"} ${fmt.points(preview.result.points)} now`}
            >
              <p>Measured against the order history of {fmt.count(preview.result.measured)} members. Points are paid in the background within seconds of saving.</p>
            </Alert>
          )}
          <Checkbox
            label="Count only orders from now on"
            checked={draft.countFrom !== null}
            onChange={(on) => {
              set("countFrom")(on ? new Date().toISOString() : null);
              setPreview(null);
            }}
          />
        </>
      }
    >
      <div class="ql-rule-form__grid">
        <TextField label="Title" value={draft.title} onInput={set("title")} error={issue("title")} maxLength={200} />
        <TextField label="Points paid" inputMode="numeric" value={draft.points} onInput={set("points")} error={issue("points")} />
        <GoalFields goal={draft.goal} onChange={set("goal")} issue={issue} moneyIssue={moneyIssue} fmt={fmt} />
      </div>
      <TextField label="Description" value={draft.description} onInput={set("description")} error={issue("description")} />
      <div class="ql-rule-form__grid">
        <TranslationFields label="Title" field="title" storeLang={store.lang} values={draft.titles} onInput={set("titles")} issue={issue} />
      </div>
    </ItemForm>
  );
}
