import type { ProgramSettings } from "../api.js";
import { Alert } from "../ui/alert.js";
import { Area } from "../ui/area.js";
import { SelectField, TextField } from "../ui/field.js";
import { ItemForm } from "./item-form.js";
import { usePartEditor } from "./use-part-editor.js";

type Theme = ProgramSettings["theme"];

/** The widget's look: its colours, corner and launcher text. */
export function ThemeArea() {
  const editor = usePartEditor(
    "theme",
    (theme): Theme => ({ ...theme }),
    (draft) => draft,
  );
  const { read, draft, save, set } = editor;
  const theme = read?.value;
  const describe = (current: Theme) => `${current.primaryColor} with ${current.textColor} text, ${current.position}`;
  return (
    <Area title="Widget look" subtitle="How the loyalty launcher and panel look on your storefront.">
      {editor.loadError && <Alert tone="error">{editor.loadError}</Alert>}
      {theme && !draft && (
        <div class="feature-element ql-rule">
          <div class="feature-element__core">
            <div class="feature-element__title">
              <span class="ql-swatch" style={{ background: theme.primaryColor, color: theme.textColor }}>
                {theme.launcherText || "Rewards"}
              </span>
            </div>
            <div class="feature-element__status">{describe(theme)}</div>
          </div>
          <div class="ql-rule__action">
            <button class="btn btn-default btn-medium" type="button" onClick={editor.edit}>
              Edit look
            </button>
          </div>
        </div>
      )}
      {editor.saved && <Alert tone="success">Widget look saved.</Alert>}
      {draft && (
        <ItemForm
          title="Change the widget look"
          save={save}
          submitLabel="Save look"
          onSubmit={editor.submit}
          onCancel={editor.cancel}
          describeCurrent={describe}
          onTakeCurrent={() => void editor.takeCurrent()}
          onOverwrite={() => void editor.overwrite()}
        >
          <div class="ql-rule-form__grid">
            <TextField label="Main colour" value={draft.primaryColor} onInput={set("primaryColor")} error={save.issue("primaryColor")} hint="like #1f6feb" />
            <TextField label="Text colour" value={draft.textColor} onInput={set("textColor")} error={save.issue("textColor")} hint="like #ffffff" />
            <SelectField
              label="Corner"
              value={draft.position}
              options={[
                ["bottom-right", "Bottom right"],
                ["bottom-left", "Bottom left"],
              ]}
              onChange={set("position")}
              error={save.issue("position")}
            />
            <TextField label="Launcher text" value={draft.launcherText} onInput={set("launcherText")} error={save.issue("launcherText")} maxLength={60} />
          </div>
        </ItemForm>
      )}
    </Area>
  );
}
