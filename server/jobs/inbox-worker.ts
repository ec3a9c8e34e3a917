import type { Clock } from "../lib/clock.js";
import { AppError } from "../lib/errors.js";
import type { Logger } from "../lib/logger.js";
import type { Metrics } from "../lib/metrics.js";
import type { InboxEvent } from "../modules/inbox/inbox-event.js";
import type { Storage } from "../storage/storage.port.js";
import { retryDelayMs } from "./inbox-retry.rules.js";
import { openLanes } from "./inbox-yield.rules.js";

export type EventHandler = (event: InboxEvent) => Promise<void>;

export interface InboxWorkerOptions {
  storage: Pick<Storage, "inbox">;
  handlers: Record<string, EventHandler>;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  /** How long a taken event is held; a worker that dies lets it lapse and another takes the event again. */
  leaseMs?: number;
  concurrency?: number;
  /** Live leases one store may hold at once, so a store's flood leaves the other lanes to other stores. Default: half the lanes, at least one. */
  perStoreLimit?: number;
  idleMs?: number;
  maxAttempts?: number;
  /** HTTP requests this process is answering now; in a flood the worker leaves the CPU to them (inbox-yield.rules). */
  requestsInFlight?: () => number;
}

/**
 * Drains the webhook inbox in the background. Failures go back to the queue with backoff; after the
 * last attempt an event stays `failed`, with its error, for the merchant to see and retry.
 */
export class InboxWorker {
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly sleepers = new Set<() => void>();
  private readonly resting = new Set<() => void>();
  private readonly inFlight = new Set<InboxEvent>();

  constructor(private readonly options: InboxWorkerOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loops = Array.from({ length: this.options.concurrency ?? 4 }, (_, lane) => this.loop(lane));
  }

  /**
   * Takes no new event and waits for the events in hand. Those not finished after `handBackAfterMs` are
   * handed back (pending again, lease released) for the next worker, here or in another process; their
   * work may still end before the process does, which is as harmless as any repeated event.
   */
  async stop(handBackAfterMs = Number.POSITIVE_INFINITY): Promise<{ handedBack: number }> {
    this.running = false;
    this.wake();
    for (const wake of this.resting) wake();
    if (await settlesWithin(Promise.all(this.loops), handBackAfterMs)) return { handedBack: 0 };
    const unfinished = [...this.inFlight];
    const { storage, clock, logger } = this.options;
    for (const event of unfinished) await storage.inbox.fail(event.storeId, event.eventId, "handed back unfinished at shutdown", clock.now());
    logger.warn({ events: unfinished.map((event) => ({ storeId: event.storeId, eventId: event.eventId })) }, "unfinished events handed back at shutdown");
    return { handedBack: unfinished.length };
  }

  /** Wakes the loops asleep for lack of work, e.g. because an event was just queued in this process. */
  wake(): void {
    for (const wake of this.sleepers) wake();
  }

  /** Processes events until none is available now. Returns how many were taken. */
  async drain(): Promise<number> {
    let taken = 0;
    while (await this.processNext()) taken++;
    return taken;
  }

  private async loop(lane: number): Promise<void> {
    while (this.running) {
      if (lane >= openLanes(this.options.concurrency ?? 4, this.options.requestsInFlight?.() ?? 0)) {
        // a new webhook would wake a sleeper only for it to rest again: only stop() ends a rest early
        await this.sleep(this.resting);
        continue;
      }
      const worked = await this.processNext().catch((err: unknown) => {
        this.options.logger.error({ err }, "inbox worker could not take an event");
        return false;
      });
      if (!worked && this.running) await this.sleep(this.sleepers);
    }
  }

  /** Sleeps `idleMs`, or until a waker in `wakers` is called. */
  private sleep(wakers: Set<() => void>): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, this.options.idleMs ?? 200);
      wakers.add(wake);
    });
  }

  private async processNext(): Promise<boolean> {
    const { storage, clock } = this.options;
    const perStoreLimit = this.options.perStoreLimit ?? Math.max(1, Math.floor((this.options.concurrency ?? 4) / 2));
    const event = await storage.inbox.claimNext(clock.now(), this.options.leaseMs ?? 60_000, { perStoreLimit });
    if (!event) return false;
    this.inFlight.add(event);
    try {
      await this.process(event);
    } finally {
      this.inFlight.delete(event);
    }
    return true;
  }

  private async process(event: InboxEvent): Promise<void> {
    const { storage, clock, logger } = this.options;
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
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      const delay = retryDelayMs(event.attempts, this.options.maxAttempts ?? 12);
      const retryAt = delay === null ? null : new Date(clock.now().getTime() + delay);
      await storage.inbox.fail(event.storeId, event.eventId, message, retryAt);
      this.options.metrics.inboxEvents.inc({ result: retryAt ? "retry" : "failed" });
      log.warn({ err: error, retryAt }, retryAt ? "event failed; will retry" : "event failed for good");
    }
  }
}

/** Whether `work` settles within `ms`. */
async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  if (!Number.isFinite(ms)) return work.then(() => true);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}
