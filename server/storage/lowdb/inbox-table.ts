import type { InboxEvent } from "../../modules/inbox/inbox-event.js";
import { timeOf } from "./time-ordered-log.js";
import type { UndoRecorder } from "./undo-log.js";

/** Pending, due, and not held by a live lease. */
export function isClaimable(event: InboxEvent, now: number): boolean {
  return event.status === "pending" && timeOf(event.availableAt, "inbox availableAt") <= now && (event.leaseUntil === null || timeOf(event.leaseUntil, "inbox leaseUntil") <= now);
}

/** One store's inbox in arrival order, indexed by event id, with the pending events kept apart for claiming. */
export class InboxTable {
  readonly #position = new Map<string, number>();
  readonly #pending = new Map<string, InboxEvent>();

  constructor(private readonly rows: InboxEvent[]) {
    rows.forEach((event, index) => {
      this.#position.set(event.eventId, index);
      if (event.status === "pending") this.#pending.set(event.eventId, event);
    });
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

  failed(): InboxEvent[] {
    return this.rows.filter((event) => event.status === "failed");
  }

  counts(): Record<InboxEvent["status"], number> {
    const counts = { pending: 0, done: 0, failed: 0 };
    for (const event of this.rows) counts[event.status] += 1;
    return counts;
  }

  #trackPending(event: InboxEvent): void {
    if (event.status === "pending") this.#pending.set(event.eventId, event);
    else this.#pending.delete(event.eventId);
  }
}
