import { useState } from "preact/hooks";
import type { ApiKeyCreated } from "../api.js";
import { Alert } from "../ui/alert.js";

/** The key just made, shown this once: Questline keeps only its fingerprint. */
export function NewKeyNotice({ created, onDone }: { created: ApiKeyCreated; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(created.token).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <Alert tone="success" title={`Key “${created.key.name}” made`}>
      <p>Copy it now: it is shown only this once. If it is lost, revoke it and make another.</p>
      <div class="ql-toolbar">
        <label class="ql-visually-hidden" for="ql-new-key">
          The new API key
        </label>
        <input
          id="ql-new-key"
          class="field__input"
          style={{ fontFamily: "monospace", flex: "1 1 18em", minWidth: 0 }}
          readOnly
          value={created.token}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button class="btn btn-default btn-small" type="button" onClick={() => void copy()}>
          {copied ? "Copied" : "Copy"}
        </button>
        <button class="btn btn-link btn-small" type="button" onClick={onDone}>
          I have saved it
        </button>
      </div>
    </Alert>
  );
}
