import { useState } from "preact/hooks";
import { ApiError, type ApiKeyView } from "../api.js";
import { useDashboard } from "../context.js";
import { Alert } from "../ui/alert.js";
import { SimpleTable } from "../ui/simple-table.js";
import { usePage } from "../ui/use-page.js";

/** The store's keys (never the keys themselves), each revocable after a confirmation. */
export function ApiKeyList({ refreshKey }: { refreshKey: number }) {
  const { api, fmt } = useDashboard();
  const { data, error, reload } = usePage(() => api.apiKeys(), [refreshKey]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  const revoke = async (key: ApiKeyView) => {
    setOutcome(null);
    try {
      await api.revokeApiKey(key.id);
      setOutcome({ tone: "success", text: `Key “${key.name}” revoked: it no longer works.` });
      reload();
    } catch (failure) {
      setOutcome({ tone: "error", text: failure instanceof ApiError ? failure.message : "The key could not be revoked." });
    } finally {
      setConfirming(null);
    }
  };

  const actions = (key: ApiKeyView) =>
    confirming === key.id ? (
      <span class="ql-toolbar">
        <button class="btn btn-primary btn-small" type="button" onClick={() => void revoke(key)}>
          Revoke “{key.name}”
        </button>
        <button class="btn btn-link btn-small" type="button" onClick={() => setConfirming(null)}>
          Keep it
        </button>
      </span>
    ) : (
      <button class="btn btn-default btn-small" type="button" onClick={() => setConfirming(key.id)}>
        Revoke
      </button>
    );

  return (
    <div class="ql-panel" style={{ marginTop: "24px" }}>
      <h3 class="ql-panel__title">Your keys</h3>
      {error && <Alert tone="error">{error}</Alert>}
      {outcome?.tone === "error" && <Alert tone="error">{outcome.text}</Alert>}
      <SimpleTable
        caption="API keys"
        testId="api-keys"
        rows={data?.items ?? []}
        rowKey={(key) => key.id}
        empty={data ? "No API keys yet." : "Loading…"}
        columns={[
          { label: "Name", cell: (key) => key.name },
          { label: "Scope", cell: (key) => (key.scope === "write" ? "Write" : "Read") },
          { label: "Key", cell: (key) => <code style={{ overflowWrap: "anywhere" }}>{key.shown}</code> },
          { label: "Made", cell: (key) => fmt.date(key.createdAt) },
          { label: "Last used", cell: (key) => (key.lastUsedAt ? fmt.dateTime(key.lastUsedAt) : "Never") },
          { label: "Actions", cell: actions },
        ]}
      />
      <p class="ql-status ql-status--ok" role="status" aria-live="polite">
        {outcome?.tone === "success" ? outcome.text : ""}
      </p>
    </div>
  );
}
