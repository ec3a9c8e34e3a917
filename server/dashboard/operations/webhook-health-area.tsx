import { useState } from "preact/hooks";
import type { InboxEvent } from "../api.js";
import { useDashboard } from "../context.js";
import { eventTypeLabel } from "../labels.js";
import { Alert } from "../ui/alert.js";
import { Area } from "../ui/area.js";
import { usePage } from "../ui/use-page.js";

const orderOf = (event: InboxEvent) => {
  const id = event.data?.orderId;
  return typeof id === "string" || typeof id === "number" ? String(id) : null;
};

/** Webhook health: events waiting, processed and failed, each failed one with its error and a Retry. */
export function WebhookHealthArea({ refreshKey }: { refreshKey: number }) {
  const { api, fmt } = useDashboard();
  const { data, error, reload } = usePage(() => api.inbox(), [refreshKey]);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const counts = { pending: 0, done: 0, failed: 0, ...data?.counts };
  const failed = data?.failed ?? [];

  async function retry(event: InboxEvent) {
    const orderId = orderOf(event);
    const what = `The “${eventTypeLabel(event.eventType)}” event${orderId ? ` for order #${orderId}` : ""}`;
    try {
      await api.retryEvent(event.eventId);
      setMessage({ tone: "success", text: `${what} is back in the queue.` });
    } catch (failure) {
      setMessage({ tone: "error", text: `${what} could not be retried: ${(failure as Error).message}` });
    }
    reload();
  }

  const summary =
    failed.length > 0
      ? `${fmt.count(failed.length)} ${failed.length === 1 ? "event needs" : "events need"} your attention. Retry once the cause is fixed.`
      : counts.pending > 0
        ? `No failed events. ${fmt.count(counts.pending)} waiting to be processed.`
        : "No failed events. Everything Ecwid sent has been processed.";

  return (
    <Area
      title="Webhook health"
      subtitle="Order updates Ecwid sends Questline, and any that could not be processed."
      actions={
        <button class="btn btn-default btn-small" type="button" onClick={reload}>
          Refresh
        </button>
      }
    >
      {error && <Alert tone="error">Webhook events could not be loaded: {error}</Alert>}
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <dl class="ql-facts ql-facts--three">
        <div class="ql-facts__item">
          <dt>Waiting</dt>
          <dd>{fmt.count(counts.pending)}</dd>
        </div>
        <div class="ql-facts__item">
          <dt>Processed</dt>
          <dd>{fmt.count(counts.done)}</dd>
        </div>
        <div class={`ql-facts__item ${counts.failed > 0 ? "ql-facts__item--alert" : ""}`}>
          <dt>Failed</dt>
          <dd>{fmt.count(counts.failed)}</dd>
        </div>
      </dl>
      {data && (
        <p class={`ql-status ${failed.length === 0 ? "ql-status--ok" : ""}`} role="status">
          {summary}
        </p>
      )}
      {failed.length > 0 && (
        <div class="ql-table-wrap">
          <table class="ql-table ql-table--compact">
            <caption class="ql-visually-hidden">Failed events</caption>
            <thead>
              <tr>
                <th scope="col">Received</th>
                <th scope="col">Event</th>
                <th scope="col">Order</th>
                <th scope="col" class="ql-num">
                  Attempts
                </th>
                <th scope="col">Error</th>
                <th scope="col">
                  <span class="ql-visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {failed.map((event) => {
                const orderId = orderOf(event);
                return (
                  <tr key={event.eventId} data-event-id={event.eventId}>
                    <td data-label="Received">{fmt.dateTime(event.receivedAt)}</td>
                    <td data-label="Event">{eventTypeLabel(event.eventType)}</td>
                    <td data-label="Order">{orderId ? `#${orderId}` : "—"}</td>
                    <td class="ql-num" data-label="Attempts">
                      {fmt.count(event.attempts)}
                    </td>
                    <td class="ql-wrap ql-error-text" data-label="Error">
                      {event.lastError || "No error was recorded."}
                    </td>
                    <td class="ql-actions">
                      <button
                        class="btn btn-default btn-small"
                        type="button"
                        aria-label={`Retry ${eventTypeLabel(event.eventType)}${orderId ? ` for order ${orderId}` : ""}`}
                        onClick={() => void retry(event)}
                      >
                        Retry
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Area>
  );
}
