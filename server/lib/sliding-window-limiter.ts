/**
 * Counts events per key over a rolling window in memory (per process). Used where a shared count is not
 * needed for correctness: the per-IP brake on sign-in codes. Keys idle past the window are dropped.
 */
export class SlidingWindowLimiter {
  readonly #hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a hit and says whether it is within the limit. */
  allow(key: string): boolean {
    const at = this.now();
    const recent = (this.#hits.get(key) ?? []).filter((time) => time > at - this.windowMs);
    if (recent.length >= this.limit) {
      this.#hits.set(key, recent);
      return false;
    }
    recent.push(at);
    this.#hits.set(key, recent);
    if (this.#hits.size > 10_000) this.#prune(at);
    return true;
  }

  #prune(at: number): void {
    for (const [key, times] of this.#hits) if (times.every((time) => time <= at - this.windowMs)) this.#hits.delete(key);
  }
}
