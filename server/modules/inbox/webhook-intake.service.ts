import { createSecretKey, type KeyObject } from "node:crypto";
import type { WebhookEvent } from "../../ecwid/webhook-event.js";
import { isWebhookSignatureValid } from "../../ecwid/webhook-signature.js";
import type { ChangeSignal } from "../../lib/change-signal.js";
import type { Clock } from "../../lib/clock.js";
import { AppError } from "../../lib/errors.js";
import { ExpiringCache } from "../../lib/expiring-cache.js";
import { fingerprint } from "../../lib/fingerprint.js";
import type { Logger } from "../../lib/logger.js";
import type { Storage } from "../../storage/storage.port.js";
import { pendingInboxEvent } from "./inbox-event.js";
import type { Install } from "../stores/install.js";
import type { InstallService } from "../stores/install.service.js";

export const MAX_EVENT_AGE_SECONDS = 48 * 60 * 60;
/** How far ahead of our clock Ecwid's may run. Beyond it an event would pass the age check forever. */
export const MAX_CLOCK_SKEW_SECONDS = 10 * 60;
/** Order events are queued for the worker; everything else Ecwid may send is acknowledged and dropped. */
export const QUEUED_EVENT_TYPES = new Set(["order.created", "order.updated", "order.deleted"]);

const ACTIVE_INSTALL_TTL_MS = 5_000;

export type IntakeOutcome = "queued" | "duplicate" | "uninstalled" | "ignored" | "unknown_store";

/**
 * Checks a webhook in a fixed order, each failure named: signature, age, replay, store. Only then is the
 * event acted on: an uninstall at once, order events into the inbox for the worker (an order event for an
 * installed store is checked for replay and stored with its receipt in one write). Nothing refused is
 * stored; a signed event for a store that is unknown or uninstalled is acknowledged and dropped. Only
 * `eventCreated.eventId` is signed, so a receipt of every accepted event's unsigned body refuses a
 * captured signature replayed with another store, order or type.
 */
export class WebhookIntakeService {
  /** Active installs, re-read every few seconds: an event queued for a store uninstalled meanwhile is dropped by the worker. */
  private readonly activeInstalls: ExpiringCache<number, Install | null>;
  private readonly signingKey: KeyObject;

  constructor(
    private readonly deps: {
      storage: Pick<Storage, "inbox" | "receipts" | "installs">;
      installs: InstallService;
      clientSecret: string;
      clock: Clock;
      logger: Logger;
      /** Told of every event queued, so a sleeping worker here takes it at once. */
      queued: ChangeSignal<number>;
    },
  ) {
    this.activeInstalls = new ExpiringCache(ACTIVE_INSTALL_TTL_MS, () => deps.clock.now().getTime());
    this.signingKey = createSecretKey(Buffer.from(deps.clientSecret, "utf8"));
  }

  verifySignature(signature: string | undefined, event: Record<string, unknown>): void {
    const { eventCreated, eventId } = event;
    const signable = (typeof eventCreated === "number" || typeof eventCreated === "string") && typeof eventId === "string";
    if (!signature) throw new AppError("unauthorized", "The X-Ecwid-Webhook-Signature header is missing");
    if (!signable || !isWebhookSignatureValid(signature, eventCreated, eventId, this.signingKey)) {
      throw new AppError("unauthorized", "The webhook signature does not match");
    }
  }

  async accept(event: WebhookEvent): Promise<IntakeOutcome> {
    const { storage, clock } = this.deps;
    const ageSeconds = clock.now().getTime() / 1000 - event.eventCreated;
    if (ageSeconds > MAX_EVENT_AGE_SECONDS) throw new AppError("bad_request", "The event is older than 48 hours");
    if (ageSeconds < -MAX_CLOCK_SKEW_SECONDS) throw new AppError("bad_request", "The event was created in the future");

    const print = fingerprint({ storeId: event.storeId, entityId: event.entityId, eventType: event.eventType, data: event.data });
    const now = clock.now();
    const receipt = { eventId: event.eventId, storeId: event.storeId, fingerprint: print, receivedAt: now.toISOString() };
    if (QUEUED_EVENT_TYPES.has(event.eventType) && (await this.isActive(event.storeId))) {
      // Nearly every webhook: the event and its receipt in one write, unless the receipt shows it was seen.
      const { created, seenFingerprint } = await storage.inbox.addWithReceipt(event.storeId, pendingInboxEvent(event, now), receipt);
      if (seenFingerprint !== null) return seenBefore(seenFingerprint, print);
      if (created) this.deps.queued.notify(event.storeId);
      return created ? "queued" : "duplicate";
    }
    const seen = await storage.receipts.find(event.eventId);
    if (seen) return seenBefore(seen.fingerprint, print);

    const outcome = await this.act(event);
    await storage.receipts.remember(receipt);
    return outcome;
  }

  private async isActive(storeId: number): Promise<boolean> {
    const install = await this.activeInstalls.get(
      storeId,
      () => this.deps.storage.installs.get(storeId),
      (found) => found?.status === "active",
    );
    return install?.status === "active";
  }

  /** Idempotent, so an event acted on but not yet remembered (a crash in between) can safely come again. */
  private async act(event: WebhookEvent): Promise<IntakeOutcome> {
    const { storage, installs } = this.deps;
    if (event.eventType === "application.uninstalled") {
      const install = await storage.installs.get(event.storeId);
      // Ecwid retries for a day in any order: an uninstall from before the current install is old news.
      if (install && event.eventCreated < Math.floor(Date.parse(install.installedAt) / 1000)) return "ignored";
      if (install) {
        await installs.uninstall(event.storeId);
        this.activeInstalls.forget(event.storeId);
        return "uninstalled";
      }
    }
    if (!(await this.isActive(event.storeId))) {
      // Ecwid retries anything but 2xx for a day and may switch off an app's webhooks: acknowledge and drop.
      this.deps.logger.warn({ storeId: event.storeId, eventId: event.eventId, eventType: event.eventType }, "signed webhook for a store that has not installed Questline dropped");
      return "unknown_store";
    }
    return "ignored";
  }
}

/** A delivery seen before: Ecwid retrying (same body) or a captured signature replayed with another body. */
function seenBefore(seenFingerprint: string, fingerprint: string): IntakeOutcome {
  if (seenFingerprint !== fingerprint) throw new AppError("unauthorized", "This event id was already delivered with a different body");
  return "duplicate";
}
