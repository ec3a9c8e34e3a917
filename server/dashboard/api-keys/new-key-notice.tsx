import { useRef, useState } from "preact/hooks";
import type { ApiKeyCreated } from "../api.js";
import { Alert } from "../ui/alert.js";

/** The key just made, shown this once: Questline keeps only its fingerprint. */
export function NewKeyNotice({ created, onDone }: { created: ApiKeyCreated; onDone: () => void }) {
  const [copy, setCopy] = useState<"idle" | "copied" | "by-hand">("idle");
  const field = useRef<HTMLInputElement>(null);
  // Ecwid's iframe may not grant clipboard access: then the key is selected for the merchant to copy with the keyboard.
  const copyKey = async () => {
    try {
      await navigator.clipboard.writeText(created.token);
      setCopy("copied");
    } catch {
      field.current?.focus();
      field.current?.select();
      setCopy("by-hand");
    }
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
          ref={field}
          readOnly
          value={created.token}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button class="btn btn-default btn-small" type="button" onClick={() => void copyKey()}>
          {copy === "copied" ? "Copied" : "Copy"}
        </button>
        <button class="btn btn-link btn-small" type="button" onClick={onDone}>
          I have saved it
        </button>
      </div>
      <p role="status" class="ql-hint">
        {copy === "by-hand" ? "This page may not copy for you: the key is selected, press Ctrl+C (⌘C on a Mac) to copy it." : ""}
      </p>
    </Alert>
  );
}
