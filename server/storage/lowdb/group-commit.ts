import { nextTurn } from "./next-turn.js";

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/**
 * Group commit: many changes made in memory while one write is on its way to disk share the next write.
 * `flush()` resolves once a write that began after the call has landed, so whoever awaits it knows their
 * change is on disk. A failed write rejects every waiter and calls `onFailure` (which drops the in-memory
 * state so the next use reloads what is on disk); after that every flush is refused.
 */
export class GroupCommit {
  #pending: Deferred | null = null;
  #draining: Promise<void> | null = null;
  #failure: unknown = null;

  constructor(
    private readonly write: () => Promise<void>,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  flush(): Promise<void> {
    if (this.#failure !== null) return Promise.reject(this.#failure);
    this.#pending ??= deferred();
    const waiting = this.#pending.promise;
    this.#draining ??= nextTurn()
      .then(() => this.#drain())
      .finally(() => {
        this.#draining = null;
      });
    return waiting;
  }

  /** Resolves when no write is under way. */
  async idle(): Promise<void> {
    while (this.#draining) await this.#draining;
  }

  async #drain(): Promise<void> {
    while (this.#pending) {
      const batch = this.#pending;
      this.#pending = null;
      try {
        await this.write();
        batch.resolve();
      } catch (error) {
        this.#failure = error;
        batch.reject(error);
        const waitingForNext = this.#pending as Deferred | null;
        waitingForNext?.reject(error);
        this.#pending = null;
        this.onFailure(error);
      }
    }
  }
}
