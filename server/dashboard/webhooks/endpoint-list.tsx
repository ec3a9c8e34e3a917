import { useState } from "preact/hooks";
import { ApiError, type EndpointView, type EndpointWithSecret } from "../api.js";
import { useDashboard } from "../context.js";
import { Alert } from "../ui/alert.js";
import { usePage } from "../ui/use-page.js";
import { DeliveryTable } from "./delivery-table.js";

/** Each endpoint with its state, events, actions and latest deliveries; a notice on one turned off after a day of failures. */
export function EndpointList({ refreshKey, onSecret }: { refreshKey: number; onSecret: (made: EndpointWithSecret) => void }) {
  const { api, fmt } = useDashboard();
  const [acted, setActed] = useState(0);
  const { data, error, reload } = usePage(() => api.webhookEndpoints(), [refreshKey]);
  const [failure, setFailure] = useState<string | null>(null);

  /** Runs an action, then reads the endpoints again, and their deliveries too unless the endpoint is gone. */
  const act = async (work: () => Promise<unknown>, deliveriesToo = true) => {
    setFailure(null);
    try {
      await work();
      if (deliveriesToo) setActed((n) => n + 1);
      reload();
    } catch (thrown) {
      setFailure(thrown instanceof ApiError ? thrown.message : "That did not work; try again.");
    }
  };

  const endpoint = (one: EndpointView) => (
    <li key={one.id} class="ql-panel" style={{ marginTop: "16px" }} data-testid="webhook-endpoint">
      <h4 class="ql-panel__title" style={{ overflowWrap: "anywhere" }}>
        {one.url}
      </h4>
      {one.disabledReason === "failing" && (
        <Alert tone="error" title="Turned off after a day of failed deliveries">
          Events for it wait until you fix the endpoint and turn it on again.
        </Alert>
      )}
      <p>
        {one.enabled ? "On" : "Off"}
        {one.description ? ` · ${one.description}` : ""} · added {fmt.date(one.createdAt)}
      </p>
      <p>{one.events.join(", ")}</p>
      <div class="ql-toolbar">
        <button class="btn btn-default btn-small" type="button" onClick={() => void act(() => api.testWebhookEndpoint(one.id))}>
          Send test event
        </button>
        <button class="btn btn-default btn-small" type="button" onClick={() => void act(() => api.updateWebhookEndpoint(one.id, { enabled: !one.enabled }))}>
          {one.enabled ? "Turn off" : "Turn on"}
        </button>
        <button class="btn btn-default btn-small" type="button" onClick={() => void act(async () => onSecret(await api.rollWebhookSecret(one.id)))}>
          Roll secret
        </button>
        <button class="btn btn-link btn-small" type="button" onClick={() => void act(() => api.deleteWebhookEndpoint(one.id), false)}>
          Delete
        </button>
      </div>
      <DeliveryTable endpointId={one.id} refreshKey={acted} />
    </li>
  );

  return (
    <div style={{ marginTop: "24px" }}>
      {error && <Alert tone="error">{error}</Alert>}
      {failure && <Alert tone="error">{failure}</Alert>}
      {data && data.items.length === 0 && <p>No endpoints yet (at most {data.limit}).</p>}
      <ul style={{ listStyle: "none", padding: 0, margin: 0 }}>{data?.items.map(endpoint)}</ul>
    </div>
  );
}
