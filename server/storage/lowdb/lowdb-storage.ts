import type { Storage } from "../storage.port.js";
import { createFileBackend } from "./file-backend.js";
import { createInboxRepository } from "./inbox.lowdb-repository.js";
import { createInstallRepository } from "./installs.lowdb-repository.js";
import { createReceiptRepository } from "./receipts.lowdb-repository.js";
import type { LowBackend } from "./lowdb-backend.js";
import { checkStoreId } from "./lowdb-documents.js";
import { createMemoryBackend } from "./memory-backend.js";
import { StoreRegistry } from "./store-registry.js";
import { runStoreTransaction } from "./store-transaction.js";
import { StoreUnitOfWork } from "./store-unit-of-work.js";

/** The default storage: `${dataDir}/installs.json` and `${dataDir}/stores/${storeId}.json`. One process only. */
export async function createLowdbStorage(options: { dataDir: string }): Promise<Storage> {
  return openStorage(await createFileBackend(options.dataDir));
}

/** The same adapter on lowdb's Memory adapter: nothing survives the process. For tests and demos. */
export async function createMemoryStorage(): Promise<Storage> {
  return openStorage(createMemoryBackend());
}

async function openStorage(backend: LowBackend): Promise<Storage> {
  const registry = new StoreRegistry(backend);
  await registry.loadExisting();
  const units = new StoreUnitOfWork(registry);
  const installs = createInstallRepository(await backend.openInstalls());
  const receipts = createReceiptRepository(await backend.openReceipts());

  return {
    kind: backend.kind,
    installs,
    receipts,
    inbox: createInboxRepository(units, registry),
    transaction: (storeId, work) => units.write(storeId, (state, undo) => runStoreTransaction(state, undo, work)),
    read: (storeId, work) => units.readOnly(storeId, (state, undo) => runStoreTransaction(state, undo, work)),
    purgeStoreData: async (storeId) => {
      checkStoreId(storeId);
      await units.purge(storeId);
    },
    storeIds: async () =>
      registry
        .loaded()
        .filter((state) => state.document.members.length > 0)
        .map((state) => state.storeId)
        .sort((a, b) => a - b),
    ping: async () => {
      units.assertOpen();
      await backend.ping();
    },
    close: async () => {
      await Promise.all([units.close(), installs.close(), receipts.close()]);
    },
  };
}
