/**
 * A token bucket: `capacity` requests at once, refilled evenly over `perMs`.
 * `take()` resolves when a token is available, so callers queue instead of tripping the remote limit.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly capacity: number,
    private readonly perMs: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    this.tokens = capacity;
    this.updatedAt = now();
  }

  take(): Promise<void> {
    const turn = this.queue.then(() => this.waitForToken());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Empties the bucket for `ms`, e.g. when the remote side answered 429 with Retry-After. */
  pauseFor(ms: number): void {
    this.refill();
    this.tokens = Math.min(this.tokens, 0) - (ms * this.capacity) / this.perMs;
  }

  private refill(): void {
    const at = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((at - this.updatedAt) * this.capacity) / this.perMs);
    this.updatedAt = at;
  }

  private async waitForToken(): Promise<void> {
    this.refill();
    while (this.tokens < 1) {
      await this.sleep(Math.ceil(((1 - this.tokens) * this.perMs) / this.capacity));
      this.refill();
    }
    this.tokens -= 1;
  }
}
