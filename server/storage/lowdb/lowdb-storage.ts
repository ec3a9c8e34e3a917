import { createRootLogger, type Logger } from "../../lib/logger.js";
import type { SharedRecord, Storage } from "../storage.port.js";
import { createFileBackend } from "./file-backend.js";
import { createInboxRepository } from "./inbox.lowdb-repository.js";
import { createInstallRepository } from "./installs.lowdb-repository.js";
import { memoryRateLimiters } from "../../lib/rate-limit/flexible-rate-limiters.js";
import { createReceiptRepository } from "./receipts.lowdb-repository.js";
import type { LowBackend } from "./lowdb-backend.js";
import { hasDueDelivery } from "./webhooks.lowdb-repository.js";
import { checkStoreId, DamagedFileError } from "./lowdb-documents.js";
import { createMemoryBackend } from "./memory-backend.js";
import { memberSnapshotsFromReads } from "../member-snapshots-from-reads.js";
import type { ProofPhotoStore } from "../../modules/program/proof-photo.js";
import { createFileProofPhotoStore } from "./proof-photos.file-store.js";
import { createMemoryProofPhotoStore } from "./proof-photos.memory-store.js";
import type { OrderSnapshotStore } from "../../modules/simulations/order-snapshot.js";
import { createFileOrderSnapshotStore } from "./order-snapshots.file-store.js";
import { createMemoryOrderSnapshotStore } from "./order-snapshots.memory-store.js";
import { createReferralCodeIndex } from "./referral-codes.lowdb-repository.js";
import { refusedInstallRepository, refusedReceiptRepository, refusedReferralCodeIndex } from "./refused-repositories.js";
import { createOverviewReader } from "./overview.lowdb.js";
import { StoreRegistry } from "./store-registry.js";
import { runStoreTransaction } from "./store-transaction.js";
import { StoreUnitOfWork } from "./store-unit-of-work.js";

/**
 * The default storage: `${dataDir}/installs.json`, `${dataDir}/stores/${storeId}.json` and proof photos under
 * `${dataDir}/proofs/`. One process only.
 * Damaged files are reported to `logger` (by default, error lines on stdout) and set aside.
 */
export async function createLowdbStorage(options: { dataDir: string; logger?: Logger }): Promise<Storage> {
  return openStorage(
    await createFileBackend(options.dataDir),
    { proofPhotos: createFileProofPhotoStore(options.dataDir), orderSnapshots: createFileOrderSnapshotStore(options.dataDir) },
    options.logger ?? createRootLogger({ level: "error" }),
  );
}

/** The same adapter on lowdb's Memory adapter: nothing survives the process. For tests and demos. */
export async function createMemoryStorage(): Promise<Storage> {
  return openStorage(createMemoryBackend(), { proofPhotos: createMemoryProofPhotoStore(), orderSnapshots: createMemoryOrderSnapshotStore() }, createRootLogger({ level: "error" }));
}

/** What lowdb keeps beside the store documents: files under the data folder, or Maps in memory. */
interface SideStores {
  proofPhotos: ProofPhotoStore;
  orderSnapshots: OrderSnapshotStore;
}

async function openStorage(backend: LowBackend, { proofPhotos, orderSnapshots }: SideStores, logger: Logger): Promise<Storage> {
  const registry = new StoreRegistry(backend, logger);
  await registry.loadExisting();
  const units = new StoreUnitOfWork(registry);
  const damagedShared: SharedRecord[] = [];
  /** A damaged shared file is left as it is and its repository refuses every call, so nothing is written over it. */
  const openShared = async <R>(record: SharedRecord, open: () => Promise<R>, refused: () => R, consequence: string): Promise<R> => {
    try {
      return await open();
    } catch (error) {
      if (!(error instanceof DamagedFileError)) throw error;
      damagedShared.push(record);
      logger.error({ file: error.path, reason: error.reason }, `${record} file is damaged and left untouched until repaired: ${consequence}`);
      return refused();
    }
  };
  const installs = await openShared("installs", async () => createInstallRepository(await backend.openInstalls()), refusedInstallRepository, "no store can be served");
  const receipts = await openShared(
    "receipts",
    async () => createReceiptRepository(await backend.openReceipts(), await backend.openReceiptLog()),
    refusedReceiptRepository,
    "webhooks (which Ecwid retries for a day) and OAuth installs are refused",
  );
  const referralCodes = await openShared(
    "referralCodes",
    async () => createReferralCodeIndex(await backend.openReferralCodes()),
    refusedReferralCodeIndex,
    "no referral code is issued or followed",
  );

  const read: Storage["read"] = (storeId, work) => units.readOnly(storeId, (state, undo) => runStoreTransaction(state, undo, work));
  return {
    kind: backend.kind,
    rateLimiters: memoryRateLimiters(),
    proofPhotos,
    orderSnapshots,
    installs,
    receipts,
    referralCodes,
    inbox: createInboxRepository(units, registry, receipts),
    webhookQueue: {
      storesWithDue: async (now, limit) =>
        registry
          .loaded()
          .filter((state) => hasDueDelivery(state.webhookDeliveries, now.toISOString()))
          .slice(0, limit)
          .map((state) => state.storeId),
    },
    transaction: (storeId, work) => units.write(storeId, (state, undo) => runStoreTransaction(state, undo, work)),
    read,
    memberSnapshots: memberSnapshotsFromReads({ read }),
    overview: createOverviewReader(units),
    purgeStoreData: async (storeId) => {
      checkStoreId(storeId);
      await units.purge(storeId);
      await proofPhotos.purge(storeId);
      await orderSnapshots.purge(storeId);
      await referralCodes.purge(storeId);
    },
    storeIds: async () =>
      registry
        .loaded()
        .filter((state) => state.document.members.length > 0)
        .map((state) => state.storeId)
        .sort((a, b) => a - b),
    damage: () => ({ stores: registry.damaged(), shared: [...damagedShared] }),
    ping: async () => {
      units.assertOpen();
      await backend.ping();
    },
    close: async () => {
      await Promise.all([units.close(), installs.close(), receipts.close(), referralCodes.close()]);
    },
  };
}
