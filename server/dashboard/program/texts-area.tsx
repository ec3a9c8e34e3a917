import type { Language } from "../../modules/settings/program-settings.js";
import type { ProgramSettings } from "../api.js";
import { Alert } from "../ui/alert.js";
import { Area } from "../ui/area.js";
import { SelectField, TextField } from "../ui/field.js";
import { LANGUAGE_NAMES } from "./fields.js";
import { ItemForm } from "./item-form.js";
import { usePartEditor } from "./use-part-editor.js";

type Texts = ProgramSettings["texts"];
type Row = { lang: Language; key: string; text: string };

const rowsOf = (texts: Texts): Row[] =>
  (Object.entries(texts) as [Language, Record<string, string>][]).flatMap(([lang, byKey]) => Object.entries(byKey).map(([key, text]) => ({ lang, key, text })));
const textsOf = (rows: Row[]) => {
  const texts: Partial<Record<Language, Record<string, string>>> = {};
  for (const { lang, key, text } of rows) if (key.trim()) texts[lang] = { ...texts[lang], [key.trim()]: text };
  return texts;
};
const languageOptions = Object.entries(LANGUAGE_NAMES) as [Language, string][];

/** The merchant's own wording of any widget text, per language (the text's key, as in the widget). */
export function TextsArea() {
  const editor = usePartEditor("texts", rowsOf, textsOf);
  const { read, draft, save, setDraft } = editor;
  const rows = read ? rowsOf(read.value) : [];
  const change = (index: number, row: Partial<Row>) => setDraft((current) => current?.map((existing, i) => (i === index ? { ...existing, ...row } : existing)) ?? null);
  return (
    <Area title="Widget texts" subtitle="Your own words for any text of the widget, per language.">
      {editor.loadError && <Alert tone="error">{editor.loadError}</Alert>}
      {read && !draft && (
        <div class="feature-element ql-rule">
          <div class="feature-element__core">
            <div class="feature-element__title">{rows.length === 0 ? "The widget's own texts" : `${rows.length} ${rows.length === 1 ? "text" : "texts"} of your own`}</div>
            {rows.map((row) => (
              <div class="feature-element__content" key={`${row.lang}.${row.key}`}>
                {LANGUAGE_NAMES[row.lang]} · {row.key}: “{row.text}”
              </div>
            ))}
          </div>
          <div class="ql-rule__action">
            <button class="btn btn-default btn-medium" type="button" onClick={editor.edit}>
              Edit texts
            </button>
          </div>
        </div>
      )}
      {editor.saved && <Alert tone="success">Widget texts saved.</Alert>}
      {draft && (
        <ItemForm
          title="Change the widget texts"
          save={save}
          submitLabel="Save texts"
          onSubmit={editor.submit}
          onCancel={editor.cancel}
          describeCurrent={(current) => `${rowsOf(current).length} texts of your own`}
          onTakeCurrent={() => void editor.takeCurrent()}
          onOverwrite={() => void editor.overwrite()}
        >
          {draft.map((row, index) => (
            <div class="ql-rule-form__grid" key={index}>
              <SelectField label="Language" value={row.lang} options={languageOptions} onChange={(lang) => change(index, { lang })} />
              <TextField label="Text key" value={row.key} onInput={(key) => change(index, { key })} hint="e.g. launcher.title" />
              <TextField label="Your text" value={row.text} onInput={(text) => change(index, { text })} error={save.issue(row.lang, row.key)} />
            </div>
          ))}
          <button class="btn btn-default btn-small" type="button" onClick={() => setDraft([...draft, { lang: "en", key: "", text: "" }])}>
            Add a text
          </button>
        </ItemForm>
      )}
    </Area>
  );
}
