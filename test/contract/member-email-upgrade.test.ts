import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { freshGame } from "../../server/modules/members/member.js";
import { emptyStoreDocument } from "../../server/storage/lowdb/lowdb-documents.js";
import { createLowdbStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import { loadMigrations, migrate } from "../../server/storage/postgres/migrate.js";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import { createTestDatabase, postgresSkipReason } from "../support/postgres.js";
import { aMember, aStoreId } from "../support/storage-fixtures.js";

const skipReason = await postgresSkipReason("member email upgrade (PostgreSQL)");
if (skipReason) console.log(skipReason);

/** A member as a version before emails saved it: no language, unsubscribe or warned expiry, nor the game's state. */
function legacyMember(storeId: number) {
  const { lang: _lang, unsubscribedAt: _unsubscribedAt, expiryWarnedFor: _warned, game: _game, ...member } = aMember(storeId, { email: "old@shopper.example" });
  return member;
}

describe("members saved before emails", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("when lowdb opens such a store file, then the member reads as subscribed, in the store's language, never warned, without a birthday, off the leaderboard, and can unsubscribe", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "questline-member-emails-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const storeId = aStoreId();
    const old = legacyMember(storeId);
    await mkdir(join(dataDir, "stores"), { recursive: true });
    await writeFile(join(dataDir, "stores", `${storeId}.json`), JSON.stringify({ ...emptyStoreDocument(storeId), members: [old] }));
    const storage = await createLowdbStorage({ dataDir });
    cleanups.push(() => storage.close());
    const member = await storage.read(storeId, (tx) => tx.members.get(storeId, old.id));
    expect(member).toEqual({ ...old, lang: null, unsubscribedAt: null, expiryWarnedFor: null, game: freshGame() });
    await storage.transaction(storeId, (tx) => tx.members.update(storeId, { ...member!, unsubscribedAt: "2027-01-01T00:00:00.000Z" }));
    expect((await storage.read(storeId, (tx) => tx.members.get(storeId, old.id)))?.unsubscribedAt).toBe("2027-01-01T00:00:00.000Z");
  });

  it.skipIf(skipReason !== null)(
    "when PostgreSQL migrates such rows, then the member reads as subscribed, in the store's language, never warned, without a birthday, off the leaderboard",
    async () => {
      const database = await createTestDatabase("member_emails");
      cleanups.push(() => database.drop());
      const pool = new pg.Pool({ connectionString: database.url });
      cleanups.push(() => pool.end());
      const migrations = await loadMigrations();
      await migrate(
        pool,
        migrations.filter((migration) => migration.version < 7),
      );
      const storeId = aStoreId();
      const old = legacyMember(storeId);
      await pool.query("INSERT INTO members (store_id, id, email, email_key, balance, stats, created_at, updated_at) VALUES ($1, $2, $3, $3, 0, $4, $5, $5)", [
        storeId,
        old.id,
        old.email,
        JSON.stringify(old.stats),
        old.createdAt,
      ]);
      await migrate(pool, migrations);
      const storage = await createPostgresStorage({ databaseUrl: database.url });
      cleanups.push(() => storage.close());
      expect(await storage.read(storeId, (tx) => tx.members.get(storeId, old.id))).toEqual({ ...old, lang: null, unsubscribedAt: null, expiryWarnedFor: null, game: freshGame() });
    },
  );
});
