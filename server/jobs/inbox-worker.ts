import type { Clock } from "../lib/clock.js";
import { AppError } from "../lib/errors.js";
import type { Logger } from "../lib/logger.js";
import type { Metrics } from "../lib/metrics.js";
import type { InboxEvent } from "../modules/inbox/inbox-event.js";
import type { Storage } from "../storage/storage.port.js";
import { retryDelayMs } from "./inbox-retry.rules.js";

export type EventHandler = (event: InboxEvent) => Promise<void>;

export interface InboxWorkerOptions {
  storage: Storage;
  handlers: Record<string, EventHandler>;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  /** How long a taken event is held; a worker that dies lets it lapse and another takes the event again. */
  leaseMs?: number;
  concurrency?: number;
  idleMs?: number;
  maxAttempts?: number;
}

/**
 * Drains the webhook inbox in the background. Failures go back to the queue with backoff; after the
 * last attempt an event stays `failed`, with its error, for the merchant to see and retry.
 */
export class InboxWorker {
  private running = false;
  private loops: Promise<void>[] = [];
  private wake: (() => void) | null = null;

  constructor(private readonly options: InboxWorkerOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loops = Array.from({ length: this.options.concurrency ?? 4 }, () => this.loop());
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await Promise.all(this.loops);
  }

  /** Processes events until none is available now. Returns how many were taken. */
  async drain(): Promise<number> {
    let taken = 0;
    while (await this.processNext()) taken++;
    return taken;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const worked = await this.processNext().catch((err: unknown) => {
        this.options.logger.error({ err }, "inbox worker could not take an event");
        return false;
      });
      if (!worked && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.idleMs ?? 200);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  private async processNext(): Promise<boolean> {
    const { storage, clock, logger } = this.options;
    const event = await storage.inbox.claimNext(clock.now(), this.options.leaseMs ?? 60_000);
    if (!event) return false;
    const log = logger.child({ eventId: event.eventId, storeId: event.storeId, eventType: event.eventType, attempt: event.attempts });
    const handler = this.options.handlers[event.eventType];
    try {
      if (handler) await handler(event);
      await storage.inbox.complete(event.storeId, event.eventId, clock.now());
      this.options.metrics.inboxEvents.inc({ result: "done" });
      log.debug("event processed");
    } catch (error) {
      if (error instanceof AppError && error.code === "store_not_installed") {
        await storage.inbox.complete(event.storeId, event.eventId, clock.now());
        this.options.metrics.inboxEvents.inc({ result: "dropped" });
        log.info("event dropped: the store is no longer installed");
        return true;
      }
      const message = error instanceof Error ? error.message : String(error);
      const delay = retryDelayMs(event.attempts, this.options.maxAttempts ?? 12);
      const retryAt = delay === null ? null : new Date(clock.now().getTime() + delay);
      await storage.inbox.fail(event.storeId, event.eventId, message, retryAt);
      this.options.metrics.inboxEvents.inc({ result: retryAt ? "retry" : "failed" });
      log.warn({ err: error, retryAt }, retryAt ? "event failed; will retry" : "event failed for good");
    }
    return true;
  }
}
