import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OverviewSpan } from "../../server/modules/insights/overview-span.rules.js";
import { loadMigrations, migrate } from "../../server/storage/postgres/migrate.js";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { createTestDatabase, postgresSkipReason, type TestDatabase } from "../support/postgres.js";
import { aLedgerEntry, aStoreId } from "../support/storage-fixtures.js";
import { insertMember } from "./contract-harness.js";
import { anOrderRecord } from "./program.contract.js";

const skipReason = await postgresSkipReason("overview rollups (PostgreSQL)");
if (skipReason) console.log(skipReason);

const at = (time: string) => `2026-03-01T${time}:00.000Z`;
/** One bucket from `start` to `end`, as the reader takes it. */
const span = (start: string, end: string): OverviewSpan => ({ start: at(start), end: at(end), bucket: "day", labels: ["2026-03-01"], bucketStarts: [at(start)] });

/** The migration's triggers keep the overview's rollups; these tests read the tables and compare the reader's ways of summing. */
describe.skipIf(skipReason !== null)("the overview's rollups on PostgreSQL", () => {
  let database: TestDatabase;
  let storage: Storage;
  let pool: pg.Pool;
  const storeId = aStoreId();
  const otherStoreId = aStoreId();

  beforeAll(async () => {
    database = await createTestDatabase("overview_rollups");
    storage = await createPostgresStorage({ databaseUrl: database.url });
    pool = new pg.Pool({ connectionString: database.url });
  });
  afterAll(async () => {
    await pool?.end();
    await storage?.close();
    await database?.drop();
  });

  const rows = async (sql: string, store = storeId, db = pool) => (await db.query(sql, [store])).rows;
  const ledgerSlots = (store = storeId, db = pool) =>
    rows(
      "SELECT to_char(slot AT TIME ZONE 'UTC', 'HH24:MI') AS slot, kind, imported, gained::int, lost::int FROM ledger_slots WHERE store_id = $1 ORDER BY slot, kind, imported",
      store,
      db,
    );
  const orderSlots = (store = storeId, db = pool) =>
    rows(
      "SELECT to_char(slot AT TIME ZONE 'UTC', 'HH24:MI') AS slot, member, orders::int, revenue::int FROM order_slots WHERE store_id = $1 AND orders <> 0 ORDER BY slot, member",
      store,
      db,
    );
  const activity = (store = storeId, db = pool) =>
    rows(
      `SELECT member_id, to_char(last_entry_at AT TIME ZONE 'UTC', 'HH24:MI') AS entry, to_char(last_order_at AT TIME ZONE 'UTC', 'HH24:MI') AS last,
         to_char(previous_order_at AT TIME ZONE 'UTC', 'HH24:MI') AS previous FROM member_activity WHERE store_id = $1 ORDER BY member_id`,
      store,
      db,
    );
  const save = (memberId: string | null, orderId: string, placedAt: string, overrides = {}) =>
    storage.transaction(storeId, (tx) => tx.orders.save(storeId, anOrderRecord(storeId, memberId as string, { orderId, placedAt: at(placedAt), ...overrides })));

  it("when entries are appended and orders are recorded, refunded, corrected and deleted, then the rollups hold their sums by 15-minute slot", async () => {
    for (const id of ["ana", "ben", "cleo"]) await insertMember(storage, storeId, { id });
    await insertMember(storage, otherStoreId, { id: "ana" });
    const entry = (memberId: string, time: string, delta: number, kind: string, source = "manual") =>
      aLedgerEntry(storeId, memberId, { delta, kind: kind as never, createdAt: at(time), source: { type: source as never, id: `${kind}-${time}` } });
    await storage.transaction(storeId, (tx) =>
      tx.ledger.appendMany(storeId, [
        entry("ana", "10:01", 40, "earn_order", "order"),
        entry("ben", "10:20", 25, "earn_task", "task"),
        entry("ana", "11:40", -30, "redeem", "redemption"),
        entry("cleo", "12:10", 10, "adjust"),
        entry("cleo", "12:11", -5, "adjust"),
      ]),
    );
    await storage.transaction(storeId, (tx) => tx.ledger.append(storeId, entry("ben", "13:00", -5, "expire", "expiry")));
    await storage.transaction(storeId, (tx) => tx.ledger.append(storeId, entry("ana", "13:30", -10, "reverse", "order")));
    await storage.transaction(storeId, (tx) => tx.ledger.append(storeId, entry("cleo", "13:31", 100, "adjust", "import")));
    await storage.transaction(otherStoreId, (tx) => tx.ledger.append(otherStoreId, aLedgerEntry(otherStoreId, "ana", { createdAt: at("10:02") })));
    await storage.transaction(otherStoreId, (tx) => tx.orders.save(otherStoreId, anOrderRecord(otherStoreId, "ana", { placedAt: at("10:03") })));
    await save("ana", "A1", "10:05", { eligibleMinor: 4200 });
    await save("ana", "A2", "11:00", { eligibleMinor: 3000 });
    await save("ben", "B1", "12:30", { eligibleMinor: 1500 });
    await save(null, "G1", "12:45", { eligibleMinor: 2500 });
    await save("cleo", "C1", "13:10", { eligibleMinor: 900 });
    expect(await activity()).toEqual([
      { member_id: "ana", entry: "13:30", last: "11:00", previous: "10:05" },
      { member_id: "ben", entry: "10:20", last: "12:30", previous: null },
      { member_id: "cleo", entry: "12:11", last: "13:10", previous: null },
    ]);

    await save("ben", "B1", "12:30", { eligibleMinor: 0, counted: false, paymentStatus: "REFUNDED" });
    await save("ana", "A2", "11:00", { eligibleMinor: 2000 });
    await pool.query("DELETE FROM order_records WHERE store_id = $1 AND order_id = 'C1'", [storeId]);

    expect(await ledgerSlots()).toEqual([
      { slot: "10:00", kind: "earn_order", imported: false, gained: 40, lost: 0 },
      { slot: "10:15", kind: "earn_task", imported: false, gained: 25, lost: 0 },
      { slot: "11:30", kind: "redeem", imported: false, gained: 0, lost: -30 },
      { slot: "12:00", kind: "adjust", imported: false, gained: 10, lost: -5 },
      { slot: "13:00", kind: "expire", imported: false, gained: 0, lost: -5 },
      { slot: "13:30", kind: "adjust", imported: true, gained: 100, lost: 0 },
      { slot: "13:30", kind: "reverse", imported: false, gained: 0, lost: -10 },
    ]);
    expect(await orderSlots()).toEqual([
      { slot: "10:00", member: true, orders: 1, revenue: 4200 },
      { slot: "11:00", member: true, orders: 1, revenue: 2000 },
      { slot: "12:45", member: false, orders: 1, revenue: 2500 },
    ]);
    // Expiries and imports are not activity; Ben's refunded and Cleo's deleted orders are no longer theirs.
    expect(await activity()).toEqual([
      { member_id: "ana", entry: "13:30", last: "11:00", previous: "10:05" },
      { member_id: "ben", entry: "10:20", last: null, previous: null },
      { member_id: "cleo", entry: "12:11", last: null, previous: null },
    ]);
  });

  it("when a span's bounds are on slots, off them, or activity follows its end, then the reader's figures are the same", async () => {
    const onSlots = await storage.overview.facts(storeId, span("10:00", "14:00"));
    // No row lies in 09:53-10:00 or 13:53-14:00, so the same rows, summed from the rows themselves.
    const offSlots = await storage.overview.facts(storeId, span("09:53", "13:53"));
    expect(offSlots).toEqual(onSlots);
    expect(onSlots.members.active).toBe(3);
    expect(onSlots.points).toEqual({ issued: 75, takenBack: 15, redeemed: 30, expired: 5, imported: 100 });
    const members = { orders: 2, revenueMinor: 6200, customers: 1, repeatCustomers: 1 };
    const guests = { orders: 1, revenueMinor: 2500, customers: null, repeatCustomers: null };
    expect(onSlots.orders).toEqual({ members, guests });
    expect(onSlots.lifetime).toEqual({ members, guests });
    expect(onSlots.series.memberRevenueMinor).toEqual([6200]);

    // Ben orders after the span: its customers are counted from the orders, its sums still from the slots.
    await save("ben", "B2", "15:00", { eligibleMinor: 700 });
    expect(await storage.overview.facts(storeId, span("10:00", "14:00"))).toEqual(onSlots);
    expect((await storage.overview.facts(storeId, span("11:00", "16:00"))).orders.members).toEqual({ orders: 2, revenueMinor: 2700, customers: 2, repeatCustomers: 0 });
  });

  it("when every order of the store is deleted, then it has no paid orders per slot and its members no latest orders", async () => {
    await pool.query("DELETE FROM order_records WHERE store_id = $1", [storeId]);
    expect(await rows("SELECT * FROM order_slots WHERE store_id = $1")).toEqual([]);
    expect(await activity()).toEqual([
      { member_id: "ana", entry: "13:30", last: null, previous: null },
      { member_id: "ben", entry: "10:20", last: null, previous: null },
      { member_id: "cleo", entry: "12:11", last: null, previous: null },
    ]);
    expect(await orderSlots(otherStoreId)).toEqual([{ slot: "10:00", member: true, orders: 1, revenue: 4200 }]);
  });

  it("when the store's data is purged, then its rollups go with it and another store's stay", async () => {
    await storage.purgeStoreData(storeId);
    for (const table of ["ledger_slots", "order_slots", "member_activity"]) {
      expect(await rows(`SELECT * FROM ${table} WHERE store_id = $1`), table).toEqual([]);
      expect(await rows(`SELECT * FROM ${table} WHERE store_id = $1`, otherStoreId), table).not.toEqual([]);
    }
  });

  it("when PostgreSQL migrates a store recorded before the rollups, then they hold its entries and paid orders", async () => {
    const older = await createTestDatabase("overview_rollups_upgrade");
    const db = new pg.Pool({ connectionString: older.url });
    try {
      await migrate(
        db,
        (await loadMigrations()).filter((migration) => migration.version < 24),
      );
      await db.query(
        `INSERT INTO members (store_id, id, email, email_key, customer_id, balance, stats, created_at, updated_at)
        VALUES ($1, 'ana', 'ana@example.com', 'ana@example.com', 1, 0, '{}', $2, $2)`,
        [storeId, at("09:00")],
      );
      await db.query(
        `INSERT INTO ledger_entries (store_id, id, member_id, delta, kind, source_type, source_id, idempotency_key, actor, note, created_at)
         VALUES ($1, 'l1', 'ana', 40, 'earn_order', 'order', 'A1', 'k1', 'system', '', $2), ($1, 'l2', 'ana', 100, 'adjust', 'import', 'f', 'k2', 'system', '', $3),
           ($1, 'l3', 'ana', -40, 'expire', 'expiry', 'x', 'k3', 'system', '', $4)`,
        [storeId, at("10:01"), at("10:14"), at("12:00")],
      );
      await db.query(
        `INSERT INTO order_records (store_id, order_id, member_id, payment_status, counted, eligible_minor, placed_at, revision, updated_at)
         VALUES ($1, 'A1', 'ana', 'PAID', true, 4000, $2, 1, $2), ($1, 'A2', 'ana', 'REFUNDED', false, 0, $3, 1, $3), ($1, 'G1', NULL, 'PAID', true, 2500, $3, 1, $3)`,
        [storeId, at("10:00"), at("11:00")],
      );
      await migrate(db);
      expect(await ledgerSlots(storeId, db)).toEqual([
        { slot: "10:00", kind: "adjust", imported: true, gained: 100, lost: 0 },
        { slot: "10:00", kind: "earn_order", imported: false, gained: 40, lost: 0 },
        { slot: "12:00", kind: "expire", imported: false, gained: 0, lost: -40 },
      ]);
      expect(await orderSlots(storeId, db)).toEqual([
        { slot: "10:00", member: true, orders: 1, revenue: 4000 },
        { slot: "11:00", member: false, orders: 1, revenue: 2500 },
      ]);
      expect(await activity(storeId, db)).toEqual([{ member_id: "ana", entry: "10:01", last: "10:00", previous: null }]);
    } finally {
      await db.end();
      await older.drop();
    }
  });
});
