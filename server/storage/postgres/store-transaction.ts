import type pg from "pg";
import type { StoreTransaction } from "../storage.port.js";
import { createApiKeyRepository } from "./api-keys.postgres-repository.js";
import { createAuditRepository } from "./audit.postgres-repository.js";
import type { BackfillJob } from "../../modules/orders/backfill-job.js";
import type { ProgramMeasurement } from "../../modules/program/program-measurement.js";
import { createJobDocumentRepository } from "./job-documents.postgres-repository.js";
import { createLedgerRepository } from "./ledger.postgres-repository.js";
import { createMemberRepository } from "./members.postgres-repository.js";
import { createOrderRecordRepository } from "./orders.postgres-repository.js";
import { createRedemptionRepository } from "./redemptions.postgres-repository.js";
import { createReferralRepository } from "./referrals.postgres-repository.js";
import { createSettingsRepository } from "./settings.postgres-repository.js";
import { createSignInCodeRepository } from "./sign-in-codes.postgres-repository.js";
import { withStoreLock, withStoreSnapshot } from "./store-lock.js";
import { createTaskCompletionRepository } from "./task-completions.postgres-repository.js";
import { createTierChangeRepository } from "./tier-changes.postgres-repository.js";
import type { Queryable } from "./sql-values.js";
import { createWebhookRepository } from "./webhooks.postgres-repository.js";
import { TransactionScope } from "../transaction-scope.js";

/** Hands `work` the store's repositories, all on the connection holding the store's lock, and closes them when it ends. */
export function runStoreTransaction<T>(pool: pg.Pool, storeId: number, work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
  return withStoreLock(pool, storeId, (db) => withRepositories(db, storeId, work));
}

/** The same repositories on a read-only snapshot that does not wait for the store's lock. */
export function runStoreRead<T>(pool: pg.Pool, storeId: number, work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
  return withStoreSnapshot(pool, storeId, (db) => withRepositories(db, storeId, work));
}

async function withRepositories<T>(db: Queryable, storeId: number, work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
  const scope = new TransactionScope(storeId);
  try {
    return await work({
      members: createMemberRepository(db, scope),
      ledger: createLedgerRepository(db, scope),
      audit: createAuditRepository(db, scope),
      apiKeys: createApiKeyRepository(db, scope),
      orders: createOrderRecordRepository(db, scope),
      settings: createSettingsRepository(db, scope),
      backfills: createJobDocumentRepository<BackfillJob>(db, scope, "backfill_jobs", "a backfill job"),
      measurements: createJobDocumentRepository<ProgramMeasurement>(db, scope, "program_measurements", "a program measurement"),
      signInCodes: createSignInCodeRepository(db, scope),
      redemptions: createRedemptionRepository(db, scope),
      tasks: createTaskCompletionRepository(db, scope),
      referrals: createReferralRepository(db, scope),
      tierChanges: createTierChangeRepository(db, scope),
      webhooks: createWebhookRepository(db, scope),
    });
  } finally {
    scope.end();
  }
}

/** Tables holding a store's program data, children first (and its referral codes). Installs and webhook receipts are not among them. */
export const STORE_TABLES = [
  "webhook_deliveries",
  "webhook_endpoints",
  "tier_changes",
  "referrals",
  "redemptions",
  "ledger_entries",
  "members",
  "audit_entries",
  "api_keys",
  "inbox_events",
  // the orders before the overview's rollups, which their trigger writes: whatever it leaves is then emptied
  "order_records",
  "ledger_slots",
  "order_slots",
  "member_activity",
  "program_settings",
  "backfill_jobs",
  "program_measurements",
  "sign_in_codes",
  "task_completions",
  "proof_photos",
  "referral_codes",
  "snapshot_orders",
  "order_fetches",
] as const;

/** Deletes every row of the store's program data, under the store's lock. */
export function purgeStore(pool: pg.Pool, storeId: number): Promise<void> {
  return withStoreLock(pool, storeId, async (db) => {
    for (const table of STORE_TABLES) await db.query(`DELETE FROM ${table} WHERE store_id = $1`, [storeId]);
  });
}
