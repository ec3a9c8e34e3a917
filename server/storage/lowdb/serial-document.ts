import type { Low } from "lowdb";

type Change<T> = (draft: T) => T;

interface Queued<T> {
  change: Change<T>;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * A document outside store transactions (installs, webhook receipts). Changes queue up and are written
 * together (group commit); a new document becomes visible to readers only once it is on disk, so a
 * failed write changes nothing.
 */
export class SerialDocument<T> {
  #queue: Queued<T>[] = [];
  #draining: Promise<void> | null = null;
  #closed = false;

  constructor(private readonly db: Low<T>) {}

  get data(): T {
    this.assertOpen();
    return this.db.data;
  }

  commit(change: Change<T>): Promise<void> {
    this.assertOpen();
    const done = new Promise<void>((resolve, reject) => this.#queue.push({ change, resolve, reject }));
    this.#draining ??= this.#drain().finally(() => {
      this.#draining = null;
    });
    return done;
  }

  assertOpen(): void {
    if (this.#closed) throw new Error("storage is closed");
  }

  /** Refuses new calls, then waits for the writes already accepted. */
  async close(): Promise<void> {
    this.#closed = true;
    while (this.#draining) await this.#draining;
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0);
      let next = this.db.data;
      const applied: Queued<T>[] = [];
      for (const item of batch) {
        try {
          next = item.change(next);
          applied.push(item);
        } catch (error) {
          item.reject(error);
        }
      }
      try {
        if (applied.length > 0) await this.db.adapter.write(next);
        this.db.data = next;
        for (const item of applied) item.resolve();
      } catch (error) {
        for (const item of applied) item.reject(error);
      }
    }
  }
}
