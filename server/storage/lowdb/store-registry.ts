import { storeUnavailable } from "../../lib/errors.js";
import type { Logger } from "../../lib/logger.js";
import type { LowBackend } from "./lowdb-backend.js";
import { InboxFiles } from "./inbox-files.js";
import { checkStoreId, DamagedFileError } from "./lowdb-documents.js";
import { StoreState } from "./store-state.js";

/**
 * The loaded stores. Every store found on disk is loaded when the storage opens, so the inbox
 * drainer sees events of stores nobody has touched since the restart. `open` and `drop` must run
 * under the store's lock (see StoreUnitOfWork), so a store is never loaded twice or revived by a purge.
 *
 * A store whose file is damaged is set aside for the life of the process: its file is never written
 * or deleted, and every use of it is refused with `store_unavailable`, rather than starting it empty
 * (points would be earned again or lost). The other stores are not held up.
 */
export class StoreRegistry {
  readonly #states = new Map<number, StoreState>();
  readonly #damaged = new Set<number>();

  constructor(
    private readonly backend: LowBackend,
    private readonly logger: Logger,
  ) {}

  async loadExisting(): Promise<void> {
    for (const storeId of await this.backend.listStoreIds()) await this.#load(storeId);
  }

  async open(storeId: number): Promise<StoreState> {
    checkStoreId(storeId);
    const state = this.#damaged.has(storeId) ? null : (this.#states.get(storeId) ?? (await this.#load(storeId)));
    if (!state) throw storeUnavailable(storeId);
    return state;
  }

  /** Resolves once every loaded store's writes have landed. */
  async idle(): Promise<void> {
    await Promise.all([...this.#states.values()].map((state) => state.commits.idle()));
  }

  /** Once every write has landed, writes each store's inbox whole if its journal holds lines, and removes the journals. */
  async close(): Promise<void> {
    await this.idle();
    await Promise.all([...this.#states.values()].map((state) => state.fold()));
  }

  /** A snapshot of the stores in memory, for scans such as the inbox's claimNext. */
  loaded(): StoreState[] {
    return [...this.#states.values()];
  }

  /** Stores set aside because their file is damaged, ascending. */
  damaged(): number[] {
    return [...this.#damaged].sort((a, b) => a - b);
  }

  async drop(storeId: number): Promise<void> {
    checkStoreId(storeId);
    if (this.#damaged.has(storeId)) throw storeUnavailable(storeId);
    const state = this.#states.get(storeId);
    await state?.commits.idle();
    await state?.close();
    await this.backend.removeStore(storeId);
    this.#states.delete(storeId);
  }

  /** The store's state, or null once it has been set aside as damaged (logged here, once). */
  async #load(storeId: number): Promise<StoreState | null> {
    let db;
    let inboxFiles;
    try {
      db = await this.backend.openStore(storeId);
      inboxFiles = await InboxFiles.open(db.data, this.backend);
    } catch (error) {
      if (!(error instanceof DamagedFileError)) throw error;
      this.#damaged.add(storeId);
      this.logger.error({ storeId, file: error.path, reason: error.reason }, "store file is damaged: the store is set aside and its file left untouched until repaired");
      return null;
    }
    const state: StoreState = new StoreState(storeId, db, inboxFiles, () => {
      if (this.#states.get(storeId) === state) this.#states.delete(storeId);
      void state.close().catch(() => undefined);
    });
    this.#states.set(storeId, state);
    return state;
  }
}
