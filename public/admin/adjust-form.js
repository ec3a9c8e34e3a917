import { newIdempotencyKey } from "./api.js";
import { byId, setFormBusy, showAlert } from "./dom.js";

/**
 * The "Adjust points" form. Each submit carries a fresh Idempotency-Key; server errors are shown
 * inline, next to the fields, and the button is disabled while the request is in flight.
 */
export function bindAdjustForm({ api, fmt, memberId, onAdjusted }) {
  const form = byId("adjust-form");
  const points = byId("adjust-points");
  const reason = byId("adjust-reason");
  const submit = byId("adjust-submit");
  const error = byId("adjust-error");
  const done = byId("adjust-done");

  const busy = (on) => setFormBusy(form, submit, on);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const id = memberId();
    if (!id || submit.disabled) return;
    showAlert(error, "");
    showAlert(done, "");
    const request = { points: Number(points.value), reason: reason.value.trim() };
    busy(true);
    try {
      const result = await api.adjust(id, request, newIdempotencyKey());
      form.reset();
      showAlert(done, `${fmt.signedPoints(result.entry.delta)} points applied. New balance: ${fmt.count(result.balance)}.`);
      onAdjusted(result);
    } catch (err) {
      showAlert(error, err.message);
      // Back to the field the message is about, so the merchant can correct it at once.
      (err.issues?.[0]?.path[0] === "reason" ? reason : points).focus();
    } finally {
      busy(false);
    }
  });

  return {
    reset() {
      form.reset();
      showAlert(error, "");
      showAlert(done, "");
    },
  };
}
