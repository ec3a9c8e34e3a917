import type { Container } from "../container.js";
import { runPeriodically, type Periodic } from "../lib/periodic.js";

const SECOND_MS = 1000;

/** Every second: the outgoing webhook deliveries due are sent (WebhookDispatcher). Passes in this process never overlap. */
export function startWebhookDeliveries(container: Pick<Container, "webhookDispatcher" | "logger">, intervalMs = SECOND_MS): Periodic {
  const log = container.logger.child({ component: "webhook-jobs" });
  return runPeriodically(
    intervalMs,
    () => container.webhookDispatcher.drain(),
    (err) => log.error({ err }, "sending webhooks failed"),
  );
}
