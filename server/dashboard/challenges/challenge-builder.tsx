import type { ComponentChildren } from "preact";
import { useId, useState } from "preact/hooks";
import type { ProgramItem, ProgramPreview } from "../api.js";
import { useDashboard } from "../context.js";
import { Alert } from "../ui/alert.js";
import { IconPicker } from "../ui/icon-picker.js";
import { SelectField, TextField } from "../ui/field.js";
import { useSave } from "../ui/use-save.js";
import { TranslationFields } from "../program/fields.js";
import { ItemForm } from "../program/item-form.js";
import { useItemEditor } from "../program/use-item-editor.js";
import { AudienceFields } from "./audience-fields.js";
import { CardPreview } from "./card-preview.js";
import { challengeBody, challengeDraft, ORDER_KINDS, REFERRAL_KINDS, type Challenge, type Status } from "./challenge-draft.js";
import { goalWords, statusWords } from "./challenge-words.js";
import { GoalFields } from "./goal-fields.js";
import { LimitsFields } from "./limits-fields.js";
import { PaysFields, type ProgramChoices } from "./pays-fields.js";
import { useCatalogNames } from "./use-catalog-names.js";
import { WhenFields } from "./when-fields.js";

interface BuilderProps {
  item: ProgramItem<"challenges"> | null;
  version: string;
  choices: ProgramChoices;
  theme: { primaryColor: string; textColor: string };
  onDone: () => void;
}

/** A challenge of an order or referral kind reaches members' history when it is new or its goal changes: that needs a preview first. */
const reachesHistory = (item: Challenge | null, body: ReturnType<typeof challengeBody>) =>
  [...ORDER_KINDS, ...REFERRAL_KINDS].includes(body.goal.kind) && body.status !== "draft" && (!item || JSON.stringify(item.goal) !== JSON.stringify(body.goal));

function Part({ title, children }: { title: string; children: ComponentChildren }) {
  const id = useId();
  return (
    <section class="ql-builder__part" aria-labelledby={id}>
      <h4 class="ql-builder__part-title" id={id}>
        {title}
      </h4>
      {children}
    </section>
  );
}

/** Every option of one challenge, its errors beside each field, and beside it the widget's card as shoppers will see it. */
export function ChallengeBuilder({ item, version, choices, theme, onDone }: BuilderProps) {
  const { fmt, store, api } = useDashboard();
  const editor = useItemEditor(
    "challenges",
    { item, version, onDone },
    (current: Challenge | null) => challengeDraft(fmt, current),
    (draft) => challengeBody(fmt, draft),
  );
  const { draft, set, save } = editor;
  useCatalogNames(item, editor.setDraft);
  const previewing = useSave<never>(1);
  const [preview, setPreview] = useState<{ result: ProgramPreview; body: string } | null>(null);
  const issue = (...path: (string | number)[]) => save.issue(...path) ?? previewing.issue(...path);
  const moneyIssue = (text: string, ...path: (string | number)[]) => save.moneyIssue(text, ...path) ?? previewing.moneyIssue(text, ...path);
  const parts = { draft, set, issue, moneyIssue, fmt };

  const body = challengeBody(fmt, draft);
  const confirmed = preview?.body === JSON.stringify(body);
  const now = new Date();
  async function submit() {
    if (!reachesHistory(item, body) || confirmed) return editor.submit();
    const result = await previewing.run(() => api.preview({ challenge: { ...body, id: item?.id ?? "ch_preview" } as Challenge }));
    if (result) setPreview({ result, body: JSON.stringify(body) });
  }
  const named = <T extends { id: string }>(list: T[], ids: string[], name: (item: T) => string) => list.filter((entry) => ids.includes(entry.id)).map(name);
  const shownStatus = statusWords({ status: draft.status, window: body.window as Challenge["window"] }, now);

  return (
    <div class="ql-builder">
      <div class="ql-builder__form a-card a-card--normal">
        <div class="a-card__paddings">
          <ItemForm
            title={item ? `Edit “${item.title}”` : "New challenge"}
            save={save}
            submitLabel={reachesHistory(item, body) && !confirmed ? "Check what it pays" : "Save challenge"}
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
              </>
            }
          >
            <Part title="What it asks">
              <GoalFields {...parts} />
            </Part>
            <Part title="How it looks">
              <div class="ql-rule-form__grid">
                <TextField label="Title" value={draft.title} onInput={set("title")} error={issue("title")} maxLength={120} />
                <SelectField<Status>
                  label={`Status (now: ${shownStatus})`}
                  value={draft.status}
                  options={[
                    ["draft", "Draft: only you see it"],
                    ["active", "Active (scheduled until its start)"],
                    ["ended", "Ended"],
                  ]}
                  onChange={set("status")}
                  error={issue("status")}
                />
              </div>
              <TextField label="Description" value={draft.description} onInput={set("description")} error={issue("description")} maxLength={500} />
              <IconPicker label="Icon" value={draft.icon} onChange={set("icon")} color={theme.primaryColor} error={issue("icon")} />
              <details
                class="ql-builder__more"
                open={Object.keys(save.issues).some((key) => key.startsWith("i18n")) || Object.values({ ...draft.titles, ...draft.descriptions }).some(Boolean)}
              >
                <summary>Texts in other languages</summary>
                <div class="ql-rule-form__grid">
                  <TranslationFields label="Title" field="title" storeLang={store.lang} values={draft.titles} onInput={set("titles")} issue={issue} />
                  <TranslationFields label="Description" field="description" storeLang={store.lang} values={draft.descriptions} onInput={set("descriptions")} issue={issue} />
                </div>
              </details>
            </Part>
            <Part title="What it pays">
              <PaysFields {...parts} choices={choices} />
            </Part>
            <Part title="When and how often">
              <WhenFields {...parts} />
            </Part>
            <Part title="Who takes part">
              <AudienceFields {...parts} choices={choices} />
            </Part>
            <Part title="Winners, budgets and options">
              <LimitsFields {...parts} />
            </Part>
          </ItemForm>
        </div>
      </div>
      <aside class="ql-builder__preview" aria-label="Preview in the widget">
        <p class="ql-builder__preview-title">In the widget</p>
        <CardPreview
          draft={draft}
          fmt={fmt}
          theme={theme}
          storeName={store.storeName}
          badgeNames={named(choices.badges, draft.badgeIds, (badge) => badge.name)}
          rewardNames={named(choices.rewards, draft.rewardIds, (reward) => reward.name)}
          now={now}
        />
        <p class="ql-hint">A sample shopper part way there. It follows your changes as you type.</p>
      </aside>
    </div>
  );
}
