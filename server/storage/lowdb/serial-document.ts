import type { Low } from "lowdb";
import { KeyedMutex } from "./keyed-mutex.js";

/**
 * A document outside store transactions (installs, webhook receipts). Writes are serialised, and the
 * new document becomes visible to readers only once it is on disk, so a failed write changes nothing.
 */
export class SerialDocument<T> {
  readonly #lock = new KeyedMutex<"document">();
  #closed = false;

  constructor(private readonly db: Low<T>) {}

  get data(): T {
    this.assertOpen();
    return this.db.data;
  }

  commit(change: (draft: T) => T): Promise<void> {
    this.assertOpen();
    return this.#lock.run("document", async () => {
      const next = change(this.db.data);
      await this.db.adapter.write(next);
      this.db.data = next;
    });
  }

  assertOpen(): void {
    if (this.#closed) throw new Error("storage is closed");
  }

  /** Refuses new calls, then waits for the writes already accepted. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#lock.idle();
  }
}
