import { KeyedMutex } from "./keyed-mutex.js";
import type { StoreRegistry } from "./store-registry.js";
import type { StoreState } from "./store-state.js";
import { UndoLog } from "./undo-log.js";

/**
 * One writer per store: every read or change of a store's document runs under that store's lock.
 * A change that throws is taken back in memory (undo log) and never written. A change that succeeds
 * is acknowledged only once it is on disk; the lock is released before the disk write, so the changes
 * of several transactions share one write (group commit). If that write fails, every transaction in it
 * is refused and the store is reloaded from its file on next use.
 */
export class StoreUnitOfWork {
  readonly #locks = new KeyedMutex<number>();
  #closed = false;

  constructor(private readonly registry: StoreRegistry) {}

  /** Runs `change`; if it throws or the file cannot be written, its changes are undone and the error rethrown. */
  write<T>(storeId: number, change: (state: StoreState, undo: UndoLog) => T | Promise<T>): Promise<T> {
    return this.#write(storeId, change, (state) => state.persist());
  }

  /** As `write`, for a change of inbox events alone: it lands as lines of the store's inbox journal. */
  writeInbox<T>(storeId: number, change: (inbox: StoreState["inbox"], undo: UndoLog) => T): Promise<T> {
    return this.#write(
      storeId,
      (state, undo) => change(state.inbox, undo),
      (state) => state.persistInbox(),
    );
  }

  async #write<T>(storeId: number, change: (state: StoreState, undo: UndoLog) => T | Promise<T>, persist: (state: StoreState) => Promise<void>): Promise<T> {
    let onDisk: Promise<void> = Promise.resolve();
    const result = await this.#locked(storeId, async () => {
      const state = await this.registry.open(storeId);
      const undo = new UndoLog();
      try {
        const outcome = await change(state, undo);
        if (undo.changed) onDisk = persist(state);
        return outcome;
      } catch (error) {
        undo.rollback();
        throw error;
      }
    });
    await onDisk;
    return result;
  }

  /** Runs `query` with repositories that may not write: any change is taken back and refused. */
  readOnly<T>(storeId: number, query: (state: StoreState, undo: UndoLog) => Promise<T>): Promise<T> {
    return this.#locked(storeId, async () => {
      const undo = new UndoLog();
      try {
        const result = await query(await this.registry.open(storeId), undo);
        if (undo.changed) throw new Error(`a read of store ${storeId} tried to write`);
        return result;
      } finally {
        undo.rollback();
      }
    });
  }

  read<T>(storeId: number, query: (state: StoreState) => T | Promise<T>): Promise<T> {
    return this.#locked(storeId, async () => query(await this.registry.open(storeId)));
  }

  purge(storeId: number): Promise<void> {
    return this.#locked(storeId, () => this.registry.drop(storeId));
  }

  /** Refuses new work, then waits for the work already accepted. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#locks.idle();
    await this.registry.close();
  }

  assertOpen(): void {
    if (this.#closed) throw new Error("storage is closed");
  }

  async #locked<T>(storeId: number, task: () => Promise<T>): Promise<T> {
    this.assertOpen();
    return this.#locks.run(storeId, task);
  }
}
