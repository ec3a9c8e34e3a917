import { useState } from "preact/hooks";
import type { EmailPreview, Language } from "../api.js";
import { useDashboard } from "../context.js";
import { Alert } from "../ui/alert.js";
import { SelectField } from "../ui/field.js";
import { LANGUAGE_NAMES } from "./fields.js";

/** One email as a member would get it, with sample facts: its subject, the HTML in a sandboxed frame, and the plain text. */
export function EmailPreviewPanel<K extends string>({ kinds, names }: { kinds: K[]; names: Record<K, string> }) {
  const { api, store } = useDashboard();
  const [kind, setKind] = useState<K>(kinds[0]!);
  const [lang, setLang] = useState<Language>((Object.keys(LANGUAGE_NAMES) as Language[]).find((l) => l === store.lang) ?? "en");
  const [preview, setPreview] = useState<EmailPreview | null>(null);
  const [problem, setProblem] = useState("");
  const [busy, setBusy] = useState(false);

  async function show() {
    setBusy(true);
    try {
      setPreview(await api.emailPreview(kind, lang));
      setProblem("");
    } catch (failure) {
      setProblem((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="ql-email-preview">
      <h3 class="ql-rule-form__title">Preview</h3>
      <div class="ql-toolbar">
        <div class="ql-toolbar__grow">
          <SelectField label="Email" value={kind} options={kinds.map((k) => [k, names[k]])} onChange={setKind} />
        </div>
        <div class="ql-toolbar__grow">
          <SelectField label="Language" value={lang} options={Object.entries(LANGUAGE_NAMES) as [Language, string][]} onChange={setLang} />
        </div>
        <button class="btn btn-default btn-medium" type="button" disabled={busy} onClick={() => void show()}>
          Show preview
        </button>
      </div>
      {problem && <Alert tone="error">{problem}</Alert>}
      {preview && (
        <div class="ql-email-preview__mail">
          <p class="ql-email-preview__subject">
            <span class="ql-hint">Subject: </span>
            <strong>{preview.subject}</strong>
            {!preview.enabled && <span class="ql-hint"> (switched off: members do not get this email)</span>}
          </p>
          {/* No scripts, forms or navigation: the frame only shows the email. */}
          <iframe class="ql-email-preview__frame" title={`Preview: ${preview.subject}`} sandbox="" srcDoc={preview.html} />
          <details>
            <summary>Plain-text version</summary>
            <pre class="ql-email-preview__text">{preview.text}</pre>
          </details>
        </div>
      )}
    </div>
  );
}
