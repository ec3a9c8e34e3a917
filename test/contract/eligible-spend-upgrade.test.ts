import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import type { LedgerEntry } from "../../server/modules/ledger/ledger-entry.js";
import { emptyStoreDocument } from "../../server/storage/lowdb/lowdb-documents.js";
import { createLowdbStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import { loadMigrations, migrate } from "../../server/storage/postgres/migrate.js";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { createTestDatabase, postgresSkipReason } from "../support/postgres.js";
import { aLedgerEntry, aMember, aStoreId, minutesAfter } from "../support/storage-fixtures.js";

const skipReason = await postgresSkipReason("eligible spend upgrade (PostgreSQL)");
if (skipReason) console.log(skipReason);

/**
 * A store as an older version left it: order records hold what was paid (shipping and tax included).
 * Ana's A1 paid 113.00 for 90.00 of goods, then a quarter was refunded (its latest line was computed on
 * 67.50 kept); A2 paid 15.00 but earned no point (no line); A3 was refunded in full.
 */
function legacyStore(storeId: number) {
  const ana = aMember(storeId, { stats: { paidOrders: 2, lifetimeSpendMinor: 11_975, firstOrderAt: minutesAfter(1), lastOrderAt: minutesAfter(2) } });
  const bo = aMember(storeId, { stats: { paidOrders: 0, lifetimeSpendMinor: 0, firstOrderAt: null, lastOrderAt: null } });
  const line = (delta: number, kind: LedgerEntry["kind"], keptMinor: number, step: number) =>
    aLedgerEntry(storeId, ana.id, { delta, kind, source: { type: "order", id: "A1" }, idempotencyKey: `order:A1:${step}`, basis: { keptMinor }, createdAt: minutesAfter(step) });
  const ledger = [line(90, "earn_order", 9_000, 1), line(-23, "reverse", 6_750, 2)];
  const record = (orderId: string, counted: boolean, netSpendMinor: number) => ({
    orderId,
    internalId: null,
    storeId,
    memberId: ana.id,
    paymentStatus: counted ? "PAID" : "REFUNDED",
    counted,
    netSpendMinor,
    placedAt: minutesAfter(1),
    revision: 1,
    updatedAt: minutesAfter(1),
  });
  return { ana: { ...ana, balance: 67 }, bo, ledger, orders: [record("A1", true, 10_475), record("A2", true, 1_500), record("A3", false, 0)] };
}

async function expectUpgraded(storage: Storage, storeId: number, seeded: ReturnType<typeof legacyStore>) {
  await storage.read(storeId, async (tx) => {
    const orders = await tx.orders.listForMember(storeId, seeded.ana.id);
    expect(Object.fromEntries(orders.map((record) => [record.orderId, record.eligibleMinor]))).toEqual({ A1: 6_750, A2: 1_500, A3: 0 });
    expect(orders.every((record) => !("netSpendMinor" in record))).toBe(true);
    expect((await tx.members.get(storeId, seeded.ana.id))?.stats).toMatchObject({ paidOrders: 2, lifetimeSpendMinor: 8_250 });
    expect((await tx.members.get(storeId, seeded.bo.id))?.stats.lifetimeSpendMinor).toBe(0);
  });
}

describe("order records written before the eligible amount", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("when lowdb opens such a store file, then each record holds the kept eligible amount its ledger was computed on, and member spend follows", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "questline-eligible-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const storeId = aStoreId();
    const seeded = legacyStore(storeId);
    await mkdir(join(dataDir, "stores"), { recursive: true });
    const document = { ...emptyStoreDocument(storeId), members: [seeded.ana, seeded.bo], ledger: seeded.ledger, orders: seeded.orders };
    await writeFile(join(dataDir, "stores", `${storeId}.json`), JSON.stringify(document));
    const storage = await createLowdbStorage({ dataDir });
    cleanups.push(() => storage.close());
    await expectUpgraded(storage, storeId, seeded);
  });

  it.skipIf(skipReason !== null)("when PostgreSQL migrates such rows, then each holds the kept eligible amount its ledger was computed on, and member spend follows", async () => {
    const database = await createTestDatabase("eligible");
    cleanups.push(() => database.drop());
    const pool = new pg.Pool({ connectionString: database.url });
    await migrate(
      pool,
      (await loadMigrations()).filter((migration) => migration.version < 3),
    );
    const storeId = aStoreId();
    const seeded = legacyStore(storeId);
    for (const member of [seeded.ana, seeded.bo]) {
      await pool.query("INSERT INTO members (store_id, id, email, email_key, balance, stats, created_at, updated_at) VALUES ($1, $2, $3, $3, $4, $5, $6, $6)", [
        storeId,
        member.id,
        member.email,
        member.balance,
        JSON.stringify(member.stats),
        member.createdAt,
      ]);
    }
    for (const entry of seeded.ledger) {
      await pool.query(
        "INSERT INTO ledger_entries (store_id, id, member_id, delta, kind, source_type, source_id, idempotency_key, actor, note, basis, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        [
          storeId,
          entry.id,
          entry.memberId,
          entry.delta,
          entry.kind,
          entry.source.type,
          entry.source.id,
          entry.idempotencyKey,
          entry.actor,
          entry.note,
          JSON.stringify(entry.basis),
          entry.createdAt,
        ],
      );
    }
    for (const record of seeded.orders) {
      await pool.query(
        "INSERT INTO order_records (store_id, order_id, internal_id, member_id, payment_status, counted, net_spend_minor, placed_at, revision, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        [
          storeId,
          record.orderId,
          record.internalId,
          record.memberId,
          record.paymentStatus,
          record.counted,
          record.netSpendMinor,
          record.placedAt,
          record.revision,
          record.updatedAt,
        ],
      );
    }
    await pool.end();
    const storage = await createPostgresStorage({ databaseUrl: database.url });
    cleanups.push(() => storage.close());
    await expectUpgraded(storage, storeId, seeded);
  });
});
