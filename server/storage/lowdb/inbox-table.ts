import type { InboxEvent } from "../../modules/inbox/inbox-event.js";
import { timeOf } from "./time-ordered-log.js";
import type { UndoRecorder } from "./undo-log.js";

/** Pending, due, and not held by a live lease. */
export function isClaimable(event: InboxEvent, now: number): boolean {
  return event.status === "pending" && timeOf(event.availableAt, "inbox availableAt") <= now && !isLeased(event, now);
}

function isLeased(event: InboxEvent, now: number): boolean {
  return event.leaseUntil !== null && timeOf(event.leaseUntil, "inbox leaseUntil") > now;
}

/** One store's inbox in arrival order, indexed by event id, with the pending events kept apart for claiming. */
export class InboxTable {
  readonly #position = new Map<string, number>();
  readonly #pending = new Map<string, InboxEvent>();

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
    this.#trackPending(event);
    undo.record(() => {
      this.#pending.delete(event.eventId);
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
    this.#trackPending(next);
    undo.record(() => {
      this.rows[index] = previous;
      this.#trackPending(previous);
    });
  }

  /** The earliest received event that can be taken at `now`; ties go to the one added first. */
  oldestClaimable(now: number): InboxEvent | undefined {
    let oldest: { event: InboxEvent; time: number; index: number } | undefined;
    for (const event of this.#pending.values()) {
      if (!isClaimable(event, now)) continue;
      const time = timeOf(event.receivedAt, "inbox receivedAt");
      const index = this.#position.get(event.eventId) ?? 0;
      if (!oldest || time < oldest.time || (time === oldest.time && index < oldest.index)) oldest = { event, time, index };
    }
    return oldest?.event;
  }

  /** Pending events a worker holds a live lease on at `now`. */
  leased(now: number): number {
    let count = 0;
    for (const event of this.#pending.values()) if (isLeased(event, now)) count++;
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
    this.rows.length = 0;
    for (const event of rows) this.rows.push(event);
    this.#index();
  }

  #index(): void {
    this.#position.clear();
    this.#pending.clear();
    this.rows.forEach((event, index) => {
      this.#position.set(event.eventId, index);
      this.#trackPending(event);
    });
  }

  #trackPending(event: InboxEvent): void {
    if (event.status === "pending") this.#pending.set(event.eventId, event);
    else this.#pending.delete(event.eventId);
  }
}
