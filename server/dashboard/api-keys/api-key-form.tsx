import { useState } from "preact/hooks";
import { ApiError, type ApiKeyCreated, type ApiKeyInput } from "../api.js";
import { useDashboard } from "../context.js";
import { Alert } from "../ui/alert.js";
import { SelectField, TextField } from "../ui/field.js";

/** Makes a key: a name saying what it is for, and read or write. */
export function ApiKeyForm({ onCreated }: { onCreated: (created: ApiKeyCreated) => void }) {
  const { api } = useDashboard();
  const [draft, setDraft] = useState<ApiKeyInput>({ name: "", scope: "read" });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const issue = (field: string) => error?.issues.find((item) => item.path[0] === field)?.message;

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onCreated(await api.createApiKey(draft));
      setDraft({ name: "", scope: "read" });
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError(0, "unknown", "The key could not be made."));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Make an API key">
      {error && error.issues.length === 0 && <Alert tone="error">{error.message}</Alert>}
      <TextField
        label="Name"
        hint="What the key is for, e.g. the tool that uses it."
        value={draft.name}
        maxLength={60}
        error={issue("name")}
        onInput={(name) => setDraft({ ...draft, name })}
      />
      <SelectField
        label="Scope"
        value={draft.scope}
        options={[
          ["read", "Read: look at members, points and the program"],
          ["write", "Write: also change points and the program"],
        ]}
        error={issue("scope")}
        onChange={(scope) => setDraft({ ...draft, scope })}
      />
      <div class="ql-form-actions">
        <button class="btn btn-primary btn-medium" type="submit" disabled={busy} aria-busy={busy}>
          {busy ? "Making the key…" : "Make key"}
        </button>
      </div>
    </form>
  );
}
