import type { WebhookReceipt } from "./webhook-receipt.js";

/** A verified Ecwid webhook event waiting for (or done with) processing. */
export interface InboxEvent {
  eventId: string;
  storeId: number;
  eventType: string;
  entityId: string;
  data: Record<string, unknown> | null;
  /** UNIX seconds, as Ecwid sent it. */
  eventCreated: number;
  receivedAt: string;
  status: "pending" | "done" | "failed";
  attempts: number;
  /** Not to be taken before this time (backoff after a failure). */
  availableAt: string;
  /** Held by a worker until this time; a worker that dies lets the lease lapse and the event is taken again. */
  leaseUntil: string | null;
  lastError: string | null;
  processedAt: string | null;
}

export interface InboxRepository {
  /** Stores the event unless one with the same id is already there; says which. */
  add(storeId: number, event: InboxEvent): Promise<{ created: boolean }>;
  /**
   * A webhook's event and its receipt stored together (PostgreSQL: one statement, one commit), unless a
   * receipt for the event id is already there: then nothing is stored and that receipt's fingerprint is
   * returned, for the caller to tell a retry from a replay.
   */
  addWithReceipt(storeId: number, event: InboxEvent, receipt: WebhookReceipt): Promise<{ created: boolean; seenFingerprint: string | null }>;
  get(storeId: number, eventId: string): Promise<InboxEvent | null>;
  /**
   * Leases an available pending event, or returns null. Stores take turns: the event comes from the store
   * holding the fewest live leases, oldest received first within it and between stores that hold as many,
   * so one store's flood never queues another's events behind it. A store already holding `perStoreLimit`
   * live leases is passed over.
   */
  claimNext(now: Date, leaseMs: number, options?: ClaimOptions): Promise<InboxEvent | null>;
  complete(storeId: number, eventId: string, now: Date): Promise<void>;
  /** Records a failed attempt: back to pending at `retryAt`, or failed for good when `retryAt` is null. */
  fail(storeId: number, eventId: string, error: string, retryAt: Date | null): Promise<void>;
  listFailed(storeId: number): Promise<InboxEvent[]>;
  /** Puts a failed event back in the queue. */
  requeue(storeId: number, eventId: string, now: Date): Promise<void>;
  /** Counts by status, for readiness and metrics. */
  counts(storeId: number): Promise<Record<InboxEvent["status"], number>>;
  /** Deletes the events of every store done before `cutoff`; pending and failed events stay. Returns how many. */
  pruneDone(cutoff: Date): Promise<number>;
}

export interface ClaimOptions {
  /** Live leases one store may hold at once; unbounded when absent. */
  perStoreLimit?: number;
}

/** Refuses a lease that is not a positive whole number of milliseconds, or a per-store limit below one. */
export function checkClaim(leaseMs: number, options: ClaimOptions): void {
  if (!Number.isSafeInteger(leaseMs) || leaseMs <= 0) throw new Error(`lease must be a positive whole number of milliseconds, got ${leaseMs}`);
  const limit = options.perStoreLimit;
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 1)) throw new Error(`perStoreLimit must be a whole number of at least 1, got ${limit}`);
}

/** A new event, waiting to be taken from `now` on. */
export function pendingInboxEvent(event: Pick<InboxEvent, "eventId" | "storeId" | "eventType" | "entityId" | "data" | "eventCreated">, now: Date): InboxEvent {
  const at = now.toISOString();
  // Field by field: spreading a parsed body and adding fields makes V8 build a new object shape per call (~15 µs).
  const { eventId, storeId, eventType, entityId, data, eventCreated } = event;
  return {
    eventId,
    storeId,
    eventType,
    entityId,
    data,
    eventCreated,
    receivedAt: at,
    status: "pending",
    attempts: 0,
    availableAt: at,
    leaseUntil: null,
    lastError: null,
    processedAt: null,
  };
}
