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
import { aMemberReferral } from "../support/referral-fixtures.js";
import { aMember, aStoreId } from "../support/storage-fixtures.js";

const skipReason = await postgresSkipReason("member referral upgrade (PostgreSQL)");
if (skipReason) console.log(skipReason);

/** A member as a version before the referral program saved it: no `referral`. */
function legacyMember(storeId: number) {
  const { referral: _referral, ...member } = aMember(storeId, { email: "old@shopper.example" });
  return member;
}

describe("members saved before the referral program", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("when lowdb opens such a store file, then the member has no code, the file has no referrals, and a code given now is found by it", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "questline-member-referral-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const storeId = aStoreId();
    const old = legacyMember(storeId);
    const { referrals: _referrals, ...olderDocument } = emptyStoreDocument(storeId);
    await mkdir(join(dataDir, "stores"), { recursive: true });
    await writeFile(join(dataDir, "stores", `${storeId}.json`), JSON.stringify({ ...olderDocument, members: [old] }));
    const storage = await createLowdbStorage({ dataDir });
    cleanups.push(() => storage.close());

    const member = await storage.read(storeId, (tx) => tx.members.get(storeId, old.id));
    expect(member).toEqual({ ...old, referral: null });
    expect(await storage.read(storeId, (tx) => tx.referrals.page(storeId, { limit: 10, offset: 0 }))).toEqual({ total: 0, items: [] });
    await storage.transaction(storeId, (tx) => tx.members.update(storeId, { ...member!, referral: aMemberReferral({ code: "OLD-2345" }) }));
    expect((await storage.read(storeId, (tx) => tx.members.findByReferralCode(storeId, "old-2345")))?.id).toBe(old.id);
  });

  it.skipIf(skipReason !== null)("when PostgreSQL migrates such rows, then the member has no code", async () => {
    const database = await createTestDatabase("member_referral");
    cleanups.push(() => database.drop());
    const pool = new pg.Pool({ connectionString: database.url });
    cleanups.push(() => pool.end());
    const migrations = await loadMigrations();
    await migrate(
      pool,
      migrations.filter((migration) => migration.version < 13),
    );
    const storeId = aStoreId();
    const old = legacyMember(storeId);
    await pool.query("INSERT INTO members (store_id, id, email, email_key, balance, stats, lang, game, created_at, updated_at) VALUES ($1, $2, $3, $3, 0, $4, NULL, $5, $6, $6)", [
      storeId,
      old.id,
      old.email,
      JSON.stringify(old.stats),
      JSON.stringify(old.game),
      old.createdAt,
    ]);
    await migrate(pool, migrations);
    const storage = await createPostgresStorage({ databaseUrl: database.url });
    cleanups.push(() => storage.close());
    expect(await storage.read(storeId, (tx) => tx.members.get(storeId, old.id))).toEqual({ ...old, referral: null });
  });
});
