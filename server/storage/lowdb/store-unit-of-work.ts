import { KeyedMutex } from "./keyed-mutex.js";
import type { StoreRegistry } from "./store-registry.js";
import type { StoreState } from "./store-state.js";
import { UndoLog } from "./undo-log.js";

/**
 * One writer per store: every read or change of a store's document runs under that store's lock,
 * and a change either reaches the file whole or is taken back in memory (undo log) and never written.
 */
export class StoreUnitOfWork {
  readonly #locks = new KeyedMutex<number>();
  #closed = false;

  constructor(private readonly registry: StoreRegistry) {}

  /** Runs `change`; if it throws or the file cannot be written, its changes are undone and the error rethrown. */
  write<T>(storeId: number, change: (state: StoreState, undo: UndoLog) => T | Promise<T>): Promise<T> {
    return this.#locked(storeId, async () => {
      const state = await this.registry.open(storeId);
      const undo = new UndoLog();
      try {
        const result = await change(state, undo);
        if (undo.changed) await state.persist();
        return result;
      } catch (error) {
        undo.rollback();
        throw error;
      }
    });
  }

  read<T>(storeId: number, query: (state: StoreState) => T): Promise<T> {
    return this.#locked(storeId, async () => query(await this.registry.open(storeId)));
  }

  purge(storeId: number): Promise<void> {
    return this.#locked(storeId, () => this.registry.drop(storeId));
  }

  /** Refuses new work, then waits for the work already accepted. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#locks.idle();
  }

  assertOpen(): void {
    if (this.#closed) throw new Error("storage is closed");
  }

  async #locked<T>(storeId: number, task: () => Promise<T>): Promise<T> {
    this.assertOpen();
    return this.#locks.run(storeId, task);
  }
}
