import { byId, el, setText, showAlert } from "./dom.js";
import { eventTypeLabel } from "./labels.js";

/**
 * The Webhook health area: how many events wait, were processed or failed, and each failed event with its
 * error and a Retry button that puts it back in the queue (the list is read again afterwards).
 */
export function createWebhookHealth({ api, fmt }) {
  const body = byId("health-body");
  const tableWrap = byId("health-table-wrap");
  const status = byId("health-status");
  const error = byId("health-error");
  const refresh = byId("health-refresh");
  let seq = 0;

  const orderOf = (event) => {
    const id = event.data?.orderId;
    return typeof id === "string" || typeof id === "number" ? String(id) : null;
  };

  function row(event) {
    const orderId = orderOf(event);
    const retry = el("button", { type: "button", class: "btn btn-default btn-small", onclick: () => void retryEvent(event, retry) }, "Retry");
    retry.setAttribute("aria-label", `Retry ${eventTypeLabel(event.eventType)}${orderId ? ` for order ${orderId}` : ""}`);
    return el(
      "tr",
      { "data-event-id": event.eventId },
      el("td", { "data-label": "Received" }, fmt.dateTime(event.receivedAt)),
      el("td", { "data-label": "Event" }, eventTypeLabel(event.eventType)),
      el("td", { "data-label": "Order" }, orderId ? `#${orderId}` : "—"),
      el("td", { class: "ql-num", "data-label": "Attempts" }, fmt.count(event.attempts)),
      el("td", { class: "ql-wrap ql-error-text", "data-label": "Error" }, event.lastError || "No error was recorded."),
      el("td", { class: "ql-actions" }, retry),
    );
  }

  function summary(counts, failed) {
    if (failed > 0) return `${fmt.count(failed)} ${failed === 1 ? "event needs" : "events need"} your attention. Retry once the cause is fixed.`;
    if (counts.pending > 0) return `No failed events. ${fmt.count(counts.pending)} waiting to be processed.`;
    return "No failed events. Everything Ecwid sent has been processed.";
  }

  async function load(message = "") {
    const mine = ++seq;
    showAlert(error, "");
    refresh.disabled = true;
    try {
      const inbox = await api.inbox();
      if (mine !== seq) return;
      const counts = { pending: 0, done: 0, failed: 0, ...inbox.counts };
      setText("health-pending", fmt.count(counts.pending));
      setText("health-done", fmt.count(counts.done));
      setText("health-failed", fmt.count(counts.failed));
      byId("health-failed-item").classList.toggle("ql-facts__item--alert", counts.failed > 0);
      body.replaceChildren(...inbox.failed.map(row));
      tableWrap.hidden = inbox.failed.length === 0;
      status.textContent = [message, summary(counts, inbox.failed.length)].filter(Boolean).join(" ");
      status.classList.toggle("ql-status--ok", inbox.failed.length === 0);
    } catch (err) {
      if (mine === seq) showAlert(error, `Webhook events could not be loaded: ${err.message}`);
    } finally {
      if (mine === seq) refresh.disabled = false;
    }
  }

  async function retryEvent(event, button) {
    button.disabled = true;
    button.classList.add("btn-loading");
    showAlert(error, "");
    const orderId = orderOf(event);
    const what = `The “${eventTypeLabel(event.eventType)}” event${orderId ? ` for order #${orderId}` : ""}`;
    try {
      await api.retryEvent(event.eventId);
      await load(`${what} is back in the queue.`);
    } catch (err) {
      // 404: someone else retried it already; the fresh list shows where it is.
      if (err.status === 404) await load();
      button.disabled = false;
      button.classList.remove("btn-loading");
      showAlert(error, `${what} could not be retried: ${err.message}`);
    }
    // A retried row is gone: keep the keyboard in the list, else on Refresh.
    (button.isConnected ? button : (body.querySelector("button") ?? refresh)).focus();
  }

  refresh.addEventListener("click", () => void load());
  return { load };
}
