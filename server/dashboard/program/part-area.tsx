import type { ComponentChildren } from "preact";
import { Alert } from "../ui/alert.js";
import { Area } from "../ui/area.js";
import { ItemForm } from "./item-form.js";
import type { useSave } from "../ui/use-save.js";

/** What a part's area needs of usePartEditor's answer. */
interface PartEditor<V, D> {
  read: { value: V } | null;
  draft: D | null;
  save: ReturnType<typeof useSave<V>>;
  loadError: string;
  saved: boolean;
  edit: () => void;
  cancel: () => void;
  submit: () => void;
  takeCurrent: () => Promise<void>;
  overwrite: () => Promise<void>;
}

interface PartAreaProps<V, D> {
  title: string;
  subtitle: string;
  editor: PartEditor<V, D>;
  /** The part as it is now, in one line. */
  describe: (value: V) => string;
  editLabel: string;
  formTitle: string;
  submitLabel: string;
  savedText: string;
  fields: (draft: D) => ComponentChildren;
  /** Shown under the summary whether or not the form is open (e.g. email previews). */
  extra?: ComponentChildren;
  /** Shown in the form above its buttons (e.g. who saving would move). */
  footer?: ComponentChildren;
}

/** A small piece of the program shown as one line with an Edit button that opens its form (redemption policy, expiry, emails). */
export function PartArea<V, D>({ title, subtitle, editor, describe, editLabel, formTitle, submitLabel, savedText, fields, extra, footer }: PartAreaProps<V, D>) {
  const { read, draft, save } = editor;
  return (
    <Area title={title} subtitle={subtitle}>
      {editor.loadError && <Alert tone="error">{editor.loadError}</Alert>}
      {read && (
        <div class="feature-element ql-rule">
          <div class="feature-element__core">
            <div class="feature-element__status">{describe(read.value)}</div>
          </div>
          <div class="ql-rule__action">
            <button class="btn btn-default btn-medium" type="button" aria-expanded={Boolean(draft)} onClick={editor.edit}>
              {editLabel}
            </button>
          </div>
        </div>
      )}
      {editor.saved && <Alert tone="success">{savedText}</Alert>}
      {draft && (
        <ItemForm
          title={formTitle}
          save={save}
          submitLabel={submitLabel}
          onSubmit={editor.submit}
          onCancel={editor.cancel}
          describeCurrent={describe}
          onTakeCurrent={() => void editor.takeCurrent()}
          onOverwrite={() => void editor.overwrite()}
          footer={footer}
        >
          {fields(draft)}
        </ItemForm>
      )}
      {extra}
    </Area>
  );
}
