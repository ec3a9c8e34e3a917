import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../server/lib/ids.js";
import { createStorage } from "../../server/storage/index.js";
import { loadMigrations, migrate } from "../../server/storage/postgres/migrate.js";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { createTestDatabase, postgresSkipReason, type TestDatabase } from "../support/postgres.js";
import { aLedgerEntry, anInboxEvent, aStoreId, minutesAfter } from "../support/storage-fixtures.js";
import { at, insertMember } from "./contract-harness.js";

const skipReason = await postgresSkipReason("postgres engine tests");
if (skipReason) console.log(skipReason);

/** What only the PostgreSQL adapter has: migrations, and several processes (here: several storages) on one database. */
describe.skipIf(skipReason !== null)("postgres engine", () => {
  let database: TestDatabase;
  const opened: Storage[] = [];
  const open = async (url = database.url) => {
    const storage = await createPostgresStorage({ databaseUrl: url });
    opened.push(storage);
    return storage;
  };

  beforeAll(async () => {
    database = await createTestDatabase("engine");
  });
  afterEach(async () => {
    for (const storage of opened.splice(0)) await storage.close();
    await database.truncate();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("when several processes start on an empty database at once, then each migration is applied exactly once and all of them work", async () => {
    const fresh = await createTestDatabase("migrate");
    try {
      const storages = await Promise.all([1, 2, 3, 4].map(() => open(fresh.url)));
      for (const storage of storages) await expect(storage.ping()).resolves.toBeUndefined();
      const client = new pg.Client({ connectionString: fresh.url });
      await client.connect();
      const { rows } = await client.query<{ version: number }>("SELECT version FROM schema_migrations ORDER BY version");
      await client.end();
      expect(rows.map((row) => row.version)).toEqual((await loadMigrations()).map((migration) => migration.version));
    } finally {
      for (const storage of opened.splice(0)) await storage.close();
      await fresh.drop();
    }
  });

  it("when the schema is up to date, then migrating again applies nothing", async () => {
    await open();
    const pool = new pg.Pool({ connectionString: database.url });
    try {
      expect(await migrate(pool)).toEqual([]);
    } finally {
      await pool.end();
    }
  });

  it("when createStorage gets a database URL, then it opens PostgreSQL", async () => {
    const storage = await createStorage({ dataDir: "/nonexistent", databaseUrl: database.url });
    opened.push(storage);
    expect(storage.kind).toBe("postgres");
  });

  it("when an idempotency key is written twice behind the adapter's back, then the database itself refuses the second", async () => {
    const storage = await open();
    const storeId = aStoreId();
    const member = await insertMember(storage, storeId);
    await storage.transaction(storeId, (tx) => tx.ledger.append(storeId, aLedgerEntry(storeId, member.id, { idempotencyKey: "order:1:earn" })));
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const insert = client.query(
        "INSERT INTO ledger_entries (store_id, id, member_id, delta, kind, source_type, source_id, idempotency_key, actor, note, created_at) VALUES ($1, $2, $3, 1, 'adjust', 'manual', 'x', 'order:1:earn', 'system', '', now())",
        [storeId, newId("led"), member.id],
      );
      await expect(insert).rejects.toMatchObject({ code: "23505" });
    } finally {
      await client.end();
    }
  });

  it("when a transaction opens another on the same store, then it is refused instead of waiting forever", async () => {
    const storage = await open();
    const storeId = aStoreId();
    await expect(storage.transaction(storeId, () => storage.transaction(storeId, async () => "inner"))).rejects.toThrow("already held");
    expect(await storage.transaction(storeId, async () => "free again")).toBe("free again");
  });

  it("when a store's writer holds its lock, then reads of that store and work on other stores do not wait for it", async () => {
    const storage = await open();
    const busy = aStoreId();
    const other = aStoreId();
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const writer = storage.transaction(busy, () => held);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await storage.read(busy, (tx) => tx.settings.get(busy));
    await storage.transaction(other, (tx) => tx.settings.get(other));
    expect(Date.now() - started).toBeLessThan(1_000);
    release();
    await writer;
  });

  it("when a repository call is still running as its transaction fails, then none of its statements land outside it", async () => {
    const storage = await open();
    const storeId = aStoreId();
    const now = new Date();
    const code = {
      id: "sic_late",
      storeId,
      email: "late@example.com",
      codeHash: "h",
      expiresAt: new Date(now.getTime() + 60_000).toISOString(),
      attempts: 0,
      consumedAt: null,
      createdAt: now.toISOString(),
    };
    let late: Promise<unknown> | undefined;
    await expect(
      storage.transaction(storeId, async (tx) => {
        late = tx.signInCodes.insert(storeId, code).catch((error: unknown) => error);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    await late;
    expect(await storage.read(storeId, (tx) => tx.signInCodes.latestActive(storeId, code.email, now))).toBeNull();
  });

  it("when two processes drain one inbox at once, then every event is taken exactly once", async () => {
    const [first, second] = [await open(), await open()];
    const events = Array.from({ length: 200 }, (_, i) => anInboxEvent(aStoreId(), { receivedAt: minutesAfter(i / 100) }));
    for (const event of events) await first!.inbox.add(event.storeId, event);
    const now = at(minutesAfter(10));
    const taken: string[] = [];
    const worker = async (storage: Storage) => {
      for (let event = await storage.inbox.claimNext(now, 60_000); event; event = await storage.inbox.claimNext(now, 60_000)) taken.push(event.eventId);
    };
    await Promise.all([worker(first!), worker(second!), worker(first!), worker(second!)]);
    expect(taken.sort()).toEqual(events.map((event) => event.eventId).sort());
  });

  it("when two processes redeem from one balance at once, then the balance never goes below zero and no debit is lost", async () => {
    const [first, second] = [await open(), await open()];
    const storeId = aStoreId();
    const member = await insertMember(first!, storeId);
    await first!.transaction(storeId, (tx) => tx.ledger.append(storeId, aLedgerEntry(storeId, member.id, { delta: 100 })));
    const redeem = (storage: Storage) =>
      storage.transaction(storeId, async (tx) => {
        const current = await tx.members.get(storeId, member.id);
        if (!current || current.balance < 7) return false;
        await tx.ledger.append(storeId, aLedgerEntry(storeId, member.id, { delta: -7, kind: "redeem" }));
        return true;
      });
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => redeem(i % 2 ? first! : second!)));
    const accepted = results.filter(Boolean).length;
    expect(accepted).toBe(14);
    await first!.transaction(storeId, async (tx) => {
      expect(await tx.ledger.balance(storeId, member.id)).toBe(100 - 7 * accepted);
      expect(await tx.ledger.sumEntries(storeId, member.id)).toBe(100 - 7 * accepted);
    });
  });
});
