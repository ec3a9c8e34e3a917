import type { Storage } from "../storage.port.js";
import { createInboxRepository } from "./inbox.postgres-repository.js";
import { createWebhookQueue } from "./webhooks.postgres-repository.js";
import { createInstallRepository } from "./installs.postgres-repository.js";
import { createMemberSnapshotReader } from "./member-snapshots.postgres-repository.js";
import { createOverviewReader } from "./overview.postgres.js";
import { migrate } from "./migrate.js";
import { OpenGuard } from "./open-guard.js";
import { createPool } from "./postgres-pool.js";
import { postgresRateLimiters } from "../../lib/rate-limit/flexible-rate-limiters.js";
import { createProofPhotoStore } from "./proof-photos.postgres-store.js";
import { createOrderSnapshotStore } from "./order-snapshots.postgres-store.js";
import { createReceiptRepository } from "./receipts.postgres-repository.js";
import { createReferralCodeIndex } from "./referral-codes.postgres-repository.js";
import { purgeStore, runStoreRead, runStoreTransaction } from "./store-transaction.js";

export interface PostgresStorageOptions {
  databaseUrl: string;
  /** Connections this process may hold at once; each open store transaction holds one. */
  maxConnections?: number;
  /** How long one overview statement may run (5 s unless a test shortens it). */
  overviewTimeoutMs?: number;
}

/**
 * PostgreSQL storage: any number of app processes may share one database. Migrations run on open
 * (under an advisory lock, so processes starting together take turns).
 */
export async function createPostgresStorage(options: PostgresStorageOptions): Promise<Storage> {
  const pool = createPool(options);
  // an idle connection that breaks must not crash the process; the next query reports it
  pool.on("error", () => {});
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const guard = new OpenGuard();
  let ended: Promise<void> | undefined;

  return {
    kind: "postgres",
    rateLimiters: postgresRateLimiters(pool),
    installs: createInstallRepository(pool, guard),
    inbox: createInboxRepository(pool, guard),
    webhookQueue: createWebhookQueue(pool, guard),
    receipts: createReceiptRepository(pool, guard),
    memberSnapshots: createMemberSnapshotReader(pool, guard),
    overview: createOverviewReader(pool, guard, options.overviewTimeoutMs),
    proofPhotos: createProofPhotoStore(pool, guard),
    orderSnapshots: createOrderSnapshotStore(pool, guard),
    referralCodes: createReferralCodeIndex(pool, guard),
    async transaction(storeId, work) {
      guard.assertOpen();
      return runStoreTransaction(pool, storeId, work);
    },
    async read(storeId, work) {
      guard.assertOpen();
      return runStoreRead(pool, storeId, work);
    },
    async purgeStoreData(storeId) {
      guard.assertOpen();
      await purgeStore(pool, storeId);
    },
    async storeIds() {
      guard.assertOpen();
      const { rows } = await pool.query<{ store_id: number }>("SELECT DISTINCT store_id FROM members ORDER BY store_id");
      return rows.map((row) => Number(row.store_id));
    },
    damage: () => ({ stores: [], shared: [] }),
    async ping() {
      guard.assertOpen();
      await pool.query("SELECT 1");
    },
    /** Refuses new calls, then waits for the connections in use to come back and closes them all. */
    close() {
      guard.close();
      ended ??= pool.end();
      return ended;
    },
  };
}
