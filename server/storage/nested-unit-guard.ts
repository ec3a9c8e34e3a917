/**
 * Refuses a unit of work on a store that a unit of work on the same store opens as it starts: the inner
 * one would wait for the store's lock, which the outer holds until the inner ends, forever.
 *
 * Only the synchronous start of the outer work (up to its first `await`) is watched. Knowing which call
 * chain a later call belongs to takes an async context, and AsyncLocalStorage turns on promise hooks that
 * tax every `await` in the process, on every route. A nested call after the outer's first `await` is not
 * told from another caller's: it waits, in PostgreSQL until the lock wait times out.
 */
export class NestedUnitGuard {
  readonly #starting = new Set<number>();

  /** Throws if a unit of work on `storeId` is starting in the current call stack. */
  refuseNested(storeId: number): void {
    if (this.#starting.has(storeId)) {
      throw new Error(`the lock of store ${storeId} is already held by this call chain (a nested transaction on the same store?)`);
    }
  }

  /** Runs `start`, the synchronous start of a unit of work holding the lock of `storeId`, and hands back what it returns. */
  starting<T>(storeId: number, start: () => T): T {
    this.#starting.add(storeId);
    try {
      return start();
    } finally {
      this.#starting.delete(storeId);
    }
  }
}
