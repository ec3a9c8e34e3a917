/**
 * The merchant's overview on PostgreSQL at size: one store with 100,000 members, 1,000,000 ledger entries and 300,000
 * order records (one in ten naming no shopper) spread over the last year, bulk-inserted with generate_series into a
 * fresh database that is dropped after. Times the overview's work (storeOverview: the program read and every sum) for
 * the last 30 days, the last 12 months and the 12 months to a month ago (activity after its end: its active members and
 * customers are counted from the rows), beside `SELECT count(*)` of the store's ledger in the same run.
 *
 * Then what the rollups' triggers cost a write: a store transaction appending one ledger entry, and one saving an order
 * record (an upsert, as the webhook path saves them), with the triggers on and off in turns (on, off, off, on).
 *
 * Run: npx tsx bench/overview.ts
 */
import { storeOverview } from "../server/modules/insights/overview.service.js";
import type { Install } from "../server/modules/stores/install.js";
import type { Storage } from "../server/storage/storage.port.js";
import { createPool } from "../server/storage/postgres/postgres-pool.js";
import { createPostgresStorage } from "../server/storage/postgres/postgres-storage.js";
import { fmt, percentile } from "./measure.js";
import { freshDatabase, postgresReachable } from "./support/postgres-server.js";

const STORE_ID = 1003;
const MEMBERS = 100_000;
const ENTRIES = 1_000_000;
const ORDERS = 300_000;
const RUNS = 7;

const SEED = [
  `INSERT INTO members (store_id, id, email, email_key, customer_id, balance, stats, created_at, updated_at)
   SELECT $1, 'mem_' || i, 'shopper' || i || '@example.com', 'shopper' || i || '@example.com', 100000 + i, i % 500,
     '{"paidOrders":0,"lifetimeSpendMinor":0,"firstOrderAt":null,"lastOrderAt":null}', now() - (i % 365) * interval '1 day', now()
   FROM generate_series(1, ${MEMBERS}) i`,
  // 70% order earnings, 10% challenge payouts, 10% redemptions, 5% expiries, 5% merchant adjustments.
  `INSERT INTO ledger_entries (store_id, id, member_id, delta, kind, source_type, source_id, idempotency_key, actor, note, created_at)
   SELECT $1, 'led_' || i, 'mem_' || (i % ${MEMBERS} + 1),
     CASE WHEN i % 20 < 14 THEN 40 WHEN i % 20 < 16 THEN 25 WHEN i % 20 < 18 THEN -100 WHEN i % 20 = 18 THEN -30 ELSE 10 END,
     CASE WHEN i % 20 < 14 THEN 'earn_order' WHEN i % 20 < 16 THEN 'earn_task' WHEN i % 20 < 18 THEN 'redeem' WHEN i % 20 = 18 THEN 'expire' ELSE 'adjust' END,
     CASE WHEN i % 20 < 14 THEN 'order' WHEN i % 20 < 16 THEN 'task' WHEN i % 20 < 18 THEN 'redemption' WHEN i % 20 = 18 THEN 'expiry' ELSE 'manual' END,
     CASE WHEN i % 20 BETWEEN 14 AND 15 THEN 'ch_' || (i % 7) ELSE 'src_' || i END,
     'key_' || i, 'system', '', now() - (i % 365) * interval '1 day' - (i % 86400) * interval '1 second'
   FROM generate_series(1, ${ENTRIES}) i`,
  `INSERT INTO order_records (store_id, order_id, member_id, payment_status, counted, eligible_minor, placed_at, revision, updated_at)
   SELECT $1, 'ord_' || i, CASE WHEN i % 10 = 0 THEN NULL ELSE 'mem_' || (i % ${MEMBERS} + 1) END, 'PAID', i % 25 <> 0, 1000 + i % 9000,
     now() - (i % 365) * interval '1 day' - (i % 86400) * interval '1 second', 1, now()
   FROM generate_series(1, ${ORDERS}) i`,
];

const day = (daysBack: number) => new Date(Date.now() - daysBack * 86_400_000).toISOString().slice(0, 10);

async function timed(work: () => Promise<unknown>): Promise<{ median: number; p90: number }> {
  await work();
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p90: percentile(times, 90) };
}

const WRITES = 50;
let written = 0;
/** WRITES appends of one entry to a member's ledger, each in its own store transaction. */
const appends = (storage: Storage) => async () => {
  for (let i = 0; i < WRITES; i++) {
    const n = ++written;
    await storage.transaction(STORE_ID, (tx) =>
      tx.ledger.append(STORE_ID, {
        id: `led_w${n}`,
        storeId: STORE_ID,
        memberId: `mem_${(n % MEMBERS) + 1}`,
        delta: 1,
        kind: "adjust",
        source: { type: "manual", id: `w${n}` },
        idempotencyKey: `bench:${n}`,
        actor: "system",
        note: "",
        basis: null,
        createdAt: new Date().toISOString(),
      }),
    );
  }
};
/** WRITES order records saved, each in its own store transaction: new ones, and seeded ones replaced. */
const saves = (storage: Storage) => async () => {
  for (let i = 0; i < WRITES; i++) {
    const n = ++written;
    const now = new Date().toISOString();
    await storage.transaction(STORE_ID, (tx) =>
      tx.orders.save(STORE_ID, {
        orderId: n % 2 === 0 ? `new_${n}` : `ord_${(n % ORDERS) + 1}`,
        internalId: n,
        storeId: STORE_ID,
        memberId: `mem_${(n % MEMBERS) + 1}`,
        paymentStatus: "PAID",
        counted: true,
        eligibleMinor: 2500,
        items: [],
        placedAt: now,
        revision: 2,
        updatedAt: now,
      }),
    );
  }
};

if (await postgresReachable()) {
  const database = await freshDatabase();
  const storage = await createPostgresStorage({ databaseUrl: database.url });
  const pool = createPool({ databaseUrl: database.url, maxConnections: 2 });
  try {
    const seeding = performance.now();
    for (const statement of SEED) await pool.query(statement, [STORE_ID]);
    await pool.query("VACUUM ANALYZE");
    console.log(
      `seeded ${MEMBERS.toLocaleString("en")} members, ${ENTRIES.toLocaleString("en")} ledger entries, ${ORDERS.toLocaleString("en")} orders in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
    );

    const install = { storeId: STORE_ID, timeZone: "Europe/Amsterdam", currency: "USD", currencyPrecision: 2 } as Install;
    const deps = { storage, installs: { requireActive: async () => install } };
    const baseline = await timed(() => pool.query("SELECT count(*) FROM ledger_entries WHERE store_id = $1", [STORE_ID]));
    const month = await timed(() => storeOverview(deps, STORE_ID, { from: day(29), to: day(0) }));
    const year = await timed(() => storeOverview(deps, STORE_ID, { from: day(364), to: day(0) }));
    // Activity after the range's end: its active members and customers are counted from the rows, not the rollups.
    const past = await timed(() => storeOverview(deps, STORE_ID, { from: day(394), to: day(30) }));
    console.log(`                               median ms   p90 ms`);
    console.log(`count(*) of the ledger (base)  ${fmt(baseline.median)} ${fmt(baseline.p90)}`);
    console.log(`overview, last 30 days         ${fmt(month.median)} ${fmt(month.p90)}`);
    console.log(`overview, last 12 months       ${fmt(year.median)} ${fmt(year.p90)}`);
    console.log(`overview, year to a month ago  ${fmt(past.median)} ${fmt(past.p90)}`);

    const triggers = (on: boolean) =>
      pool.query(`ALTER TABLE ledger_entries ${on ? "ENABLE" : "DISABLE"} TRIGGER USER; ALTER TABLE order_records ${on ? "ENABLE" : "DISABLE"} TRIGGER USER`);
    const cost: Record<string, number[]> = {};
    for (const on of [true, false, false, true]) {
      await triggers(on);
      for (const [name, work] of [
        ["ledger append", appends(storage)],
        ["order saved", saves(storage)],
      ] as const) {
        const key = `${name}, rollups ${on ? "kept" : "off"}`;
        (cost[key] ??= []).push((await timed(work)).median / WRITES);
      }
    }
    await triggers(true);
    console.log(`                               ms a write (median of ${RUNS} runs of ${WRITES}, a turn, on, off, off, on)`);
    for (const [key, turns] of Object.entries(cost)) console.log(`${key.padEnd(31)}${turns.map((ms) => fmt(ms, 2)).join(" ")}`);
  } finally {
    await pool.end();
    await storage.close();
    await database.drop();
  }
}
