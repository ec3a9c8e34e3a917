import type { Clock } from "../../lib/clock.js";
import type { Logger } from "../../lib/logger.js";
import type { SecretBox } from "../../lib/secret-box.js";
import type { Storage, UnitOfWork } from "../../storage/storage.port.js";
import type { WebhookDelivery, WebhookEndpoint } from "./webhook-endpoint.js";
import { deliveryVerdict, failedForADay } from "./webhook-retry.rules.js";
import { SIGNATURE_HEADER, signatureHeader } from "./webhook-signature.js";
import type { SendOutcome, WebhookTransport } from "./webhook-transport.js";

/** Deliveries one store sends at once, and stores visited a pass. */
const BATCH = 10;
const STORES_A_PASS = 50;
/** How long a taken delivery is held: longer than a call may take, so a sender that dies lets it go to another. */
const LEASE_MS = 60_000;

export interface WebhookDispatcherDeps {
  storage: UnitOfWork<"webhooks"> & Pick<Storage, "webhookQueue">;
  transport: WebhookTransport;
  secrets: SecretBox;
  clock: Clock;
  logger: Logger;
  random?: () => number;
}

interface Taken {
  delivery: WebhookDelivery;
  endpoint: WebhookEndpoint;
}

/**
 * Sends the queued deliveries. Each is taken under its store's lock and held for a lease (so processes sharing
 * PostgreSQL never send one twice at once, and one taken by a process that died is taken again), sent signed,
 * and its outcome recorded: delivered, tried again later, or given up. An endpoint failing for a day is turned
 * off and its waiting deliveries paused until the merchant turns it on again.
 */
export class WebhookDispatcher {
  constructor(private readonly deps: WebhookDispatcherDeps) {}

  /** One pass over the stores with deliveries due now. Returns how many attempts were made. */
  async runOnce(): Promise<number> {
    const stores = await this.deps.storage.webhookQueue.storesWithDue(this.deps.clock.now(), STORES_A_PASS);
    let attempts = 0;
    for (const storeId of stores) {
      const taken = await this.take(storeId);
      await Promise.all(taken.map((one) => this.attempt(storeId, one)));
      attempts += taken.length;
    }
    return attempts;
  }

  /** Sends until nothing is due now (tests, and catching up). */
  async drain(): Promise<number> {
    let total = 0;
    for (let sent = await this.runOnce(); sent > 0; sent = await this.runOnce()) total += sent;
    return total;
  }

  private take(storeId: number): Promise<Taken[]> {
    const { storage, clock } = this.deps;
    return storage.transaction(storeId, async (tx) => {
      const now = clock.now();
      const endpoints = new Map((await tx.webhooks.listEndpoints(storeId)).map((endpoint) => [endpoint.id, endpoint]));
      const taken: Taken[] = [];
      for (const due of await tx.webhooks.dueDeliveries(storeId, now.toISOString(), BATCH)) {
        const endpoint = endpoints.get(due.endpointId);
        const delivery: WebhookDelivery = endpoint?.enabled ? { ...due, availableAt: new Date(now.getTime() + LEASE_MS).toISOString() } : { ...due, status: "paused" };
        await tx.webhooks.saveDelivery(storeId, delivery);
        if (endpoint?.enabled) taken.push({ delivery, endpoint });
      }
      return taken;
    });
  }

  private async attempt(storeId: number, { delivery, endpoint }: Taken): Promise<void> {
    const { transport, secrets, clock } = this.deps;
    const headers = {
      "content-type": "application/json",
      "user-agent": "Questline-Webhooks/1",
      [SIGNATURE_HEADER]: signatureHeader(secrets.open(endpoint.sealedSecret), delivery.body, clock.now()),
      "Questline-Event-Id": delivery.eventId,
      "Questline-Event-Type": delivery.eventType,
    };
    const outcome = await transport.post(endpoint.url, headers, delivery.body);
    const disabled = await this.record(storeId, delivery, outcome);
    const log = this.deps.logger.child({ storeId, endpointId: endpoint.id, deliveryId: delivery.id });
    if (disabled) log.warn("webhook endpoint turned off after a day of failed deliveries");
    else if (outcome.error || (outcome.status ?? 0) >= 300) log.info({ status: outcome.status, error: outcome.error }, "webhook delivery failed");
  }

  /** Records the outcome, unless the delivery changed meanwhile (its lease lapsed and another took it, or its endpoint went). Says whether the endpoint was turned off. */
  private record(storeId: number, sent: WebhookDelivery, outcome: SendOutcome): Promise<boolean> {
    const { storage, clock } = this.deps;
    return storage.transaction(storeId, async (tx) => {
      const current = await tx.webhooks.getDelivery(storeId, sent.id);
      const endpoint = await tx.webhooks.getEndpoint(storeId, sent.endpointId);
      if (!current || !endpoint || current.status !== "pending" || current.availableAt !== sent.availableAt) return false;
      const now = clock.now();
      const attempts = current.attempts + 1;
      const verdict = deliveryVerdict(outcome, attempts, current.createdAt, now, this.deps.random);
      await tx.webhooks.saveDelivery(storeId, {
        ...current,
        attempts,
        status: verdict.kind === "retry" ? "pending" : verdict.kind,
        availableAt: verdict.kind === "retry" ? verdict.at.toISOString() : current.availableAt,
        lastAttemptAt: now.toISOString(),
        lastStatus: outcome.status,
        lastResponse: outcome.response,
        lastDurationMs: outcome.durationMs,
        lastError: outcome.error ?? (verdict.kind === "failed" ? verdict.reason : null),
      });
      if (verdict.kind === "succeeded") {
        if (endpoint.failingSince) await tx.webhooks.saveEndpoint(storeId, { ...endpoint, failingSince: null });
        return false;
      }
      const failingSince = endpoint.failingSince ?? now.toISOString();
      const turnOff = endpoint.enabled && failedForADay(failingSince, now);
      await tx.webhooks.saveEndpoint(storeId, {
        ...endpoint,
        failingSince,
        ...(turnOff ? { enabled: false, disabledReason: "failing" as const, updatedAt: now.toISOString() } : {}),
      });
      if (turnOff) await tx.webhooks.moveDeliveries(storeId, endpoint.id, "pending", "paused", now.toISOString());
      return turnOff;
    });
  }
}
