import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { emptyStoreDocument } from "../../server/storage/lowdb/lowdb-documents.js";
import { createLowdbStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import { loadMigrations, migrate } from "../../server/storage/postgres/migrate.js";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import { createTestDatabase, postgresSkipReason } from "../support/postgres.js";
import { aStoreId } from "../support/storage-fixtures.js";
import { aRedemption } from "./redemptions.contract.js";

const skipReason = await postgresSkipReason("granted rewards upgrade (PostgreSQL)");
if (skipReason) console.log(skipReason);

/** A redemption as a version before challenges granted rewards saved it: no `grantedBy`. */
function legacy(storeId: number) {
  const { grantedBy: _grantedBy, ...redemption } = aRedemption(storeId, { id: "rdm_old" });
  return redemption;
}

describe("redemptions saved before challenges granted rewards", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("when lowdb opens such a file, then the redemption reads as bought with points (granted by nothing)", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "questline-grants-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const storeId = aStoreId();
    const redemption = legacy(storeId);
    await mkdir(join(dataDir, "stores"), { recursive: true });
    await writeFile(join(dataDir, "stores", `${storeId}.json`), JSON.stringify({ ...emptyStoreDocument(storeId), redemptions: [redemption] }));
    const storage = await createLowdbStorage({ dataDir });
    cleanups.push(() => storage.close());
    expect(await storage.read(storeId, (tx) => tx.redemptions.get(storeId, "rdm_old"))).toEqual({ ...redemption, grantedBy: null });
  });

  it.skipIf(skipReason !== null)("when PostgreSQL migrates such a row, then it reads as bought with points (granted by nothing)", async () => {
    const database = await createTestDatabase("granted_rewards");
    cleanups.push(() => database.drop());
    const pool = new pg.Pool({ connectionString: database.url });
    cleanups.push(() => pool.end());
    const migrations = await loadMigrations();
    await migrate(
      pool,
      migrations.filter((migration) => migration.version < 11),
    );
    const storeId = aStoreId();
    const r = legacy(storeId);
    await pool.query(
      `INSERT INTO redemptions (store_id, id, member_id, reward_id, reward_name, reward_kind, points, value_minor, status, coupon, coupon_code, coupon_expires_at,
         reason, request_key, request_fingerprint, check_after, checks, used_by_order_id, fulfilled_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)`,
      [
        storeId,
        r.id,
        r.memberId,
        r.rewardId,
        r.rewardName,
        r.rewardKind,
        r.points,
        r.valueMinor,
        r.status,
        JSON.stringify(r.coupon),
        r.coupon?.code,
        r.coupon?.expiresAt,
        r.reason,
        r.requestKey,
        r.requestFingerprint,
        r.checkAfter,
        r.checks,
        r.usedByOrderId,
        r.fulfilledBy,
        r.createdAt,
        r.updatedAt,
      ],
    );
    await migrate(pool, migrations);
    const storage = await createPostgresStorage({ databaseUrl: database.url });
    cleanups.push(() => storage.close());
    expect(await storage.read(storeId, (tx) => tx.redemptions.get(storeId, "rdm_old"))).toEqual({ ...r, grantedBy: null });
  });
});
