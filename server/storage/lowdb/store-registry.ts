import type { LowBackend } from "./lowdb-backend.js";
import { checkStoreId } from "./lowdb-documents.js";
import { StoreState } from "./store-state.js";

/**
 * The loaded stores. Every store found on disk is loaded when the storage opens, so the inbox
 * drainer sees events of stores nobody has touched since the restart. `open` and `drop` must run
 * under the store's lock (see StoreUnitOfWork), so a store is never loaded twice or revived by a purge.
 */
export class StoreRegistry {
  readonly #states = new Map<number, StoreState>();

  constructor(private readonly backend: LowBackend) {}

  async loadExisting(): Promise<void> {
    for (const storeId of await this.backend.listStoreIds()) await this.open(storeId);
  }

  async open(storeId: number): Promise<StoreState> {
    checkStoreId(storeId);
    const loaded = this.#states.get(storeId);
    if (loaded) return loaded;
    const state: StoreState = new StoreState(storeId, await this.backend.openStore(storeId), () => {
      if (this.#states.get(storeId) === state) this.#states.delete(storeId);
    });
    this.#states.set(storeId, state);
    return state;
  }

  /** Resolves once every loaded store's writes have landed. */
  async idle(): Promise<void> {
    await Promise.all([...this.#states.values()].map((state) => state.commits.idle()));
  }

  /** A snapshot of the stores in memory, for scans such as the inbox's claimNext. */
  loaded(): StoreState[] {
    return [...this.#states.values()];
  }

  async drop(storeId: number): Promise<void> {
    checkStoreId(storeId);
    await this.#states.get(storeId)?.commits.idle();
    await this.backend.removeStore(storeId);
    this.#states.delete(storeId);
  }
}
