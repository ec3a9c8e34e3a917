import type { InboxEvent } from "../../modules/inbox/inbox-event.js";
import { timeOf } from "./time-ordered-log.js";
import type { UndoRecorder } from "./undo-log.js";

/** A pending event with its times parsed once, for claiming. */
interface Waiting {
  event: InboxEvent;
  received: number;
  available: number;
  leaseUntil: number | null;
  /** Position in the store's rows: among events received at the same time, the one added first goes first. */
  index: number;
}

const isClaimableAt = (waiting: Waiting, now: number) => waiting.available <= now && (waiting.leaseUntil === null || waiting.leaseUntil <= now);
const isBefore = (a: Waiting, b: Waiting) => a.received < b.received || (a.received === b.received && a.index < b.index);

function waitingFor(event: InboxEvent, index: number): Waiting {
  return {
    event,
    received: timeOf(event.receivedAt, "inbox receivedAt"),
    available: timeOf(event.availableAt, "inbox availableAt"),
    leaseUntil: event.leaseUntil === null ? null : timeOf(event.leaseUntil, "inbox leaseUntil"),
    index,
  };
}

/** Pending, due, and not held by a live lease. */
export function isClaimable(event: InboxEvent, now: number): boolean {
  return event.status === "pending" && isClaimableAt(waitingFor(event, 0), now);
}

/**
 * One store's inbox in arrival order, indexed by event id. The pending events are also kept in the order
 * they are claimed in (oldest received first), with their times parsed, and the leased ones apart: a claim
 * looks at the few leased events at the head of the queue, never at the whole inbox.
 */
export class InboxTable {
  readonly #position = new Map<string, number>();
  /** Pending events, oldest received first. */
  #queue: Waiting[] = [];
  readonly #waiting = new Map<string, Waiting>();
  readonly #leased = new Set<Waiting>();
  /** Events added or changed since the inbox last landed on disk. */
  readonly #changed = new Set<string>();
  /** Whether events went (a prune), which only a whole inbox can say. */
  #rewritten = false;

  constructor(private readonly rows: InboxEvent[]) {
    this.#index();
  }

  get(eventId: string): InboxEvent | undefined {
    const index = this.#position.get(eventId);
    return index === undefined ? undefined : this.rows[index];
  }

  /** False, changing nothing, when an event with this id is already here. */
  add(event: InboxEvent, undo: UndoRecorder): boolean {
    if (this.#position.has(event.eventId)) return false;
    timeOf(event.receivedAt, "inbox receivedAt");
    timeOf(event.availableAt, "inbox availableAt");
    this.#position.set(event.eventId, this.rows.length);
    this.rows.push(event);
    this.#track(event);
    this.#changed.add(event.eventId);
    undo.record(() => {
      this.#untrack(event.eventId);
      this.rows.pop();
      this.#position.delete(event.eventId);
    });
    return true;
  }

  replace(next: InboxEvent, undo: UndoRecorder): void {
    const index = this.#position.get(next.eventId);
    const previous = index === undefined ? undefined : this.rows[index];
    if (index === undefined || !previous) throw new Error(`inbox event ${next.eventId} not found`);
    this.rows[index] = next;
    this.#track(next);
    this.#changed.add(next.eventId);
    undo.record(() => {
      this.rows[index] = previous;
      this.#track(previous);
    });
  }

  /** The earliest received event that can be taken at `now`; ties go to the one added first. */
  oldestClaimable(now: number): InboxEvent | undefined {
    return this.#queue.find((waiting) => isClaimableAt(waiting, now))?.event;
  }

  /** Pending events a worker holds a live lease on at `now`. */
  leased(now: number): number {
    let count = 0;
    for (const waiting of this.#leased) if (waiting.leaseUntil !== null && waiting.leaseUntil > now) count++;
    return count;
  }

  /** Deletes the events done before `cutoff`, keeping the others in order. Returns how many went. */
  pruneDone(cutoff: number, undo: UndoRecorder): number {
    const before = [...this.rows];
    const kept = before.filter((event) => event.status !== "done" || timeOf(event.processedAt ?? event.receivedAt, "inbox processedAt") >= cutoff);
    if (kept.length === before.length) return 0;
    this.#refill(kept);
    undo.record(() => this.#refill(before));
    return before.length - kept.length;
  }

  /** The events changed since the last call (as they stand now; one taken back since is as it was), and whether any went; then forgets them. */
  takeChanges(): { events: InboxEvent[]; rewritten: boolean } {
    const events = [...this.#changed].flatMap((eventId) => this.get(eventId) ?? []);
    const rewritten = this.#rewritten;
    this.#changed.clear();
    this.#rewritten = false;
    return { events, rewritten };
  }

  failed(): InboxEvent[] {
    return this.rows.filter((event) => event.status === "failed");
  }

  counts(): Record<InboxEvent["status"], number> {
    const counts = { pending: 0, done: 0, failed: 0 };
    for (const event of this.rows) counts[event.status] += 1;
    return counts;
  }

  /** Replaces the rows in place (the document holds this very array) and rebuilds the indexes. */
  #refill(rows: InboxEvent[]): void {
    this.#rewritten = true;
    this.rows.length = 0;
    for (const event of rows) this.rows.push(event);
    this.#index();
  }

  #index(): void {
    this.#position.clear();
    this.#queue = [];
    this.#waiting.clear();
    this.#leased.clear();
    this.rows.forEach((event, index) => {
      this.#position.set(event.eventId, index);
      this.#track(event);
    });
  }

  /** Files the event's current state: queued while pending (leased apart), forgotten otherwise. */
  #track(event: InboxEvent): void {
    this.#untrack(event.eventId);
    if (event.status !== "pending") return;
    const waiting = waitingFor(event, this.#position.get(event.eventId) ?? this.rows.length);
    this.#waiting.set(event.eventId, waiting);
    if (waiting.leaseUntil !== null) this.#leased.add(waiting);
    let low = 0;
    let high = this.#queue.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (isBefore(waiting, this.#queue[middle]!)) high = middle;
      else low = middle + 1;
    }
    this.#queue.splice(low, 0, waiting);
  }

  #untrack(eventId: string): void {
    const waiting = this.#waiting.get(eventId);
    if (!waiting) return;
    this.#waiting.delete(eventId);
    this.#leased.delete(waiting);
    this.#queue.splice(this.#queue.indexOf(waiting), 1);
  }
}
