import { useState } from "preact/hooks";
import { ApiError, type EndpointCreate, type EndpointWithSecret } from "../api.js";
import { useDashboard } from "../context.js";
import { Alert } from "../ui/alert.js";
import { Checkbox, TextField } from "../ui/field.js";
import { EVENT_LABELS } from "./event-labels.js";

const fresh = (): EndpointCreate => ({ url: "", description: "", events: ["member.points_changed"], enabled: true });

/** Adds an endpoint: its https URL, a note, and the events it receives. */
export function EndpointForm({ onCreated }: { onCreated: (made: EndpointWithSecret) => void }) {
  const { api } = useDashboard();
  const [draft, setDraft] = useState<EndpointCreate>(fresh);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const issue = (field: string) => error?.issues.find((item) => item.path[0] === field)?.message;
  const toggle = (type: EndpointCreate["events"][number], on: boolean) =>
    setDraft({ ...draft, events: on ? [...draft.events, type] : draft.events.filter((event) => event !== type) });

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onCreated(await api.createWebhookEndpoint(draft));
      setDraft(fresh());
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError(0, "unknown", "The endpoint could not be added."));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Add a webhook endpoint">
      {error && error.issues.length === 0 && <Alert tone="error">{error.message}</Alert>}
      <TextField
        label="Endpoint URL"
        hint="An https address that accepts POST requests."
        value={draft.url}
        maxLength={2000}
        error={issue("url")}
        onInput={(url) => setDraft({ ...draft, url })}
      />
      <TextField
        label="Description"
        hint="Optional: what listens there."
        value={draft.description}
        maxLength={200}
        onInput={(description) => setDraft({ ...draft, description })}
      />
      <fieldset style={{ border: "none", padding: 0, margin: "0 0 16px" }}>
        <legend>Events</legend>
        {issue("events") && <p class="field__error">Choose at least one event.</p>}
        {Object.entries(EVENT_LABELS).map(([type, label]) => (
          <Checkbox key={type} label={label} checked={draft.events.includes(type as never)} onChange={(on) => toggle(type as EndpointCreate["events"][number], on)} />
        ))}
      </fieldset>
      <div class="ql-form-actions">
        <button class="btn btn-primary btn-medium" type="submit" disabled={busy} aria-busy={busy}>
          {busy ? "Adding…" : "Add endpoint"}
        </button>
      </div>
    </form>
  );
}
