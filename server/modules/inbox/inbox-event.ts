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
  get(storeId: number, eventId: string): Promise<InboxEvent | null>;
  /** Leases the oldest available pending event of any store, or returns null. */
  claimNext(now: Date, leaseMs: number): Promise<InboxEvent | null>;
  complete(storeId: number, eventId: string, now: Date): Promise<void>;
  /** Records a failed attempt: back to pending at `retryAt`, or failed for good when `retryAt` is null. */
  fail(storeId: number, eventId: string, error: string, retryAt: Date | null): Promise<void>;
  listFailed(storeId: number): Promise<InboxEvent[]>;
  /** Puts a failed event back in the queue. */
  requeue(storeId: number, eventId: string, now: Date): Promise<void>;
  /** Counts by status, for readiness and metrics. */
  counts(storeId: number): Promise<Record<InboxEvent["status"], number>>;
}

/** A new event, waiting to be taken from `now` on. */
export function pendingInboxEvent(event: Pick<InboxEvent, "eventId" | "storeId" | "eventType" | "entityId" | "data" | "eventCreated">, now: Date): InboxEvent {
  const at = now.toISOString();
  return { ...event, receivedAt: at, status: "pending", attempts: 0, availableAt: at, leaseUntil: null, lastError: null, processedAt: null };
}
