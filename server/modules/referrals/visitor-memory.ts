import crypto from "node:crypto";

/**
 * Who already visited a code today, so one visitor counts once a day. A visitor is a keyed hash of their network
 * (the caller's address as rate limits see it), user agent and the code: the key is made at start and never
 * leaves the process, so nothing kept can be turned back into an address. The memory holds at most
 * `capacity` visitors and forgets the least recently seen first; a visitor forgotten early may count twice.
 */
export class VisitorMemory {
  readonly #key = crypto.randomBytes(32);
  /** Visitor hash → the UTC day of their last counted visit; insertion order is recency. */
  readonly #seen = new Map<string, string>();

  constructor(private readonly capacity = 50_000) {}

  /** True the first time this visitor follows this code on `day` (YYYY-MM-DD); false on a repeat. */
  firstToday(visitor: { network: string; userAgent: string; code: string }, day: string): boolean {
    const id = crypto.createHmac("sha256", this.#key).update(`${visitor.network}\n${visitor.userAgent}\n${visitor.code}`).digest("base64url");
    const last = this.#seen.get(id);
    this.#seen.delete(id);
    this.#seen.set(id, day);
    if (this.#seen.size > this.capacity) this.#seen.delete(this.#seen.keys().next().value!);
    return last !== day;
  }

  get size(): number {
    return this.#seen.size;
  }
}
