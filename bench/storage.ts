/**
 * Storage adapters side by side: the cost of one ledger write (a store transaction appending one
 * entry, cached balance moved) and one balance read, at 1k, 10k and 100k members in one store.
 * Each member holds two ledger entries. PostgreSQL is measured on the server at BENCH_DATABASE_URL
 * (or TEST_DATABASE_URL, DATABASE_URL, or a local default), in a fresh database that is dropped after.
 *
 * Run: npx tsx bench/storage.ts [sizes=1000,10000,100000]
 */
import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LedgerEntry } from "../server/modules/ledger/ledger-entry.js";
import { freshMemberState, type Member } from "../server/modules/members/member.js";
import { emptyStoreDocument, type StoreDocument } from "../server/storage/lowdb/lowdb-documents.js";
import { createLowdbStorage } from "../server/storage/lowdb/lowdb-storage.js";
import { createPool } from "../server/storage/postgres/postgres-pool.js";
import { createPostgresStorage } from "../server/storage/postgres/postgres-storage.js";
import { withStoreLock } from "../server/storage/postgres/store-lock.js";
import type { Storage } from "../server/storage/storage.port.js";
import { copyStore } from "../scripts/lowdb-to-postgres/copy-store.js";
import { fmt, percentile } from "./measure.js";
import { freshDatabase, postgresReachable } from "./support/postgres-server.js";

const SIZES = (process.argv[2] ?? "1000,10000,100000").split(",").map(Number);
const STORE_ID = 1003;
const OPS = 200;
/** A cell stops early once it has spent this long, so a slow adapter cannot stretch the run. */
const CELL_BUDGET_MS = 20_000;

interface Cell {
  meanMs: number;
  p99Ms: number;
  ops: number;
}

interface Row {
  members: number;
  lowdb: { write: Cell; read: Cell; openS: number; fileMb: number };
  postgres: { write: Cell; read: Cell; seedS: number } | null;
}

const at = (offsetMs: number) => new Date(Date.UTC(2026, 0, 1) + offsetMs).toISOString();

/** A store document with `size` members, each with an earn and an adjustment: the same data for both adapters. */
function storeDocument(size: number): StoreDocument {
  const members: Member[] = [];
  const ledger: LedgerEntry[] = [];
  for (let i = 0; i < size; i++) {
    const id = `mem_${i.toString(36).padStart(8, "0")}`;
    members.push({
      id,
      storeId: STORE_ID,
      email: `shopper${i}@example.com`,
      customerId: 100_000 + i,
      balance: 15,
      stats: { paidOrders: 1, lifetimeSpendMinor: 2_000, firstOrderAt: at(i * 1000), lastOrderAt: at(i * 1000) },
      ...freshMemberState(),
      createdAt: at(i * 1000),
      updatedAt: at(i * 1000),
    });
    ledger.push(
      {
        id: `led_e${i}`,
        storeId: STORE_ID,
        memberId: id,
        delta: 20,
        kind: "earn_order",
        source: { type: "order", id: `O${i}` },
        idempotencyKey: `order:O${i}:earn`,
        actor: "system",
        note: "",
        basis: { amountMinor: 2_000, rate: 1 },
        createdAt: at(i * 1000 + 1),
      },
      {
        id: `led_a${i}`,
        storeId: STORE_ID,
        memberId: id,
        delta: -5,
        kind: "adjust",
        source: { type: "manual", id: `adj${i}` },
        idempotencyKey: `adjust:${id}:1`,
        actor: "owner@shop.example",
        note: "bench",
        basis: null,
        createdAt: at(i * 1000 + 2),
      },
    );
  }
  return { ...emptyStoreDocument(STORE_ID), members, ledger };
}

async function measure(op: (i: number) => Promise<unknown>): Promise<Cell> {
  for (let i = 0; i < 10; i++) await op(-1 - i);
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < OPS && performance.now() - started < CELL_BUDGET_MS; i++) {
    const at = performance.now();
    await op(i);
    times.push(performance.now() - at);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { meanMs: times.reduce((sum, t) => sum + t, 0) / times.length, p99Ms: percentile(sorted, 99), ops: times.length };
}

let run = 0;
/** One write (a transaction appending one entry to a random member) and one balance read, measured apart. */
async function measureAdapter(storage: Storage, size: number): Promise<{ write: Cell; read: Cell }> {
  const pick = () =>
    `mem_${Math.floor(Math.random() * size)
      .toString(36)
      .padStart(8, "0")}`;
  const tag = `${++run}`;
  const write = await measure((i) =>
    storage.transaction(STORE_ID, (tx) =>
      tx.ledger.append(STORE_ID, {
        id: `led_b${tag}_${i}`,
        storeId: STORE_ID,
        memberId: pick(),
        delta: 1,
        kind: "adjust",
        source: { type: "manual", id: `b${tag}_${i}` },
        idempotencyKey: `bench:${tag}:${i}`,
        actor: "system",
        note: "",
        basis: null,
        createdAt: new Date().toISOString(),
      }),
    ),
  );
  const read = await measure(() => storage.transaction(STORE_ID, (tx) => tx.ledger.balance(STORE_ID, pick())));
  return { write, read };
}

async function benchLowdb(doc: StoreDocument): Promise<Row["lowdb"]> {
  const dataDir = await mkdtemp(join(tmpdir(), "questline-bench-"));
  try {
    await mkdir(join(dataDir, "stores"));
    const file = join(dataDir, "stores", `${STORE_ID}.json`);
    await writeFile(file, JSON.stringify(doc));
    const opening = performance.now();
    const storage = await createLowdbStorage({ dataDir });
    const openS = (performance.now() - opening) / 1000;
    try {
      return { ...(await measureAdapter(storage, doc.members.length)), openS, fileMb: (await stat(file)).size / 1e6 };
    } finally {
      await storage.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function benchPostgres(doc: StoreDocument): Promise<Row["postgres"]> {
  const database = await freshDatabase();
  try {
    const storage = await createPostgresStorage({ databaseUrl: database.url });
    try {
      const seeding = performance.now();
      const pool = createPool({ databaseUrl: database.url, maxConnections: 1 });
      await withStoreLock(pool, STORE_ID, (db) => copyStore(db, doc, () => {}));
      await pool.query("ANALYZE");
      await pool.end();
      const seedS = (performance.now() - seeding) / 1000;
      return { ...(await measureAdapter(storage, doc.members.length)), seedS };
    } finally {
      await storage.close();
    }
  } finally {
    await database.drop();
  }
}

const ms = (cell: Cell | undefined) => (cell ? `${fmt(cell.meanMs, 2)} ms` : "        n/a");

async function main(): Promise<void> {
  const withPostgres = await postgresReachable();
  const rows: Row[] = [];
  for (const size of SIZES) {
    const doc = storeDocument(size);
    process.stdout.write(`${size.toLocaleString("en")} members: lowdb...`);
    const lowdb = await benchLowdb(doc);
    process.stdout.write(withPostgres ? " postgres..." : "");
    const postgres = withPostgres ? await benchPostgres(doc) : null;
    process.stdout.write(" done\n");
    rows.push({ members: size, lowdb, postgres });
  }

  console.log(`\nStorage: mean cost of one operation, sequential, one store (each member has 2 ledger entries; ${OPS} ops or ${CELL_BUDGET_MS / 1000} s per cell)`);
  console.log("   members | ledger write: lowdb  postgres | balance read: lowdb  postgres | lowdb file  open | pg seed");
  for (const row of rows) {
    console.log(
      `${row.members.toLocaleString("en").padStart(10)} | ${ms(row.lowdb.write)} ${ms(row.postgres?.write)} | ${ms(row.lowdb.read)} ${ms(row.postgres?.read)} | ${fmt(row.lowdb.fileMb, 1)} MB ${fmt(row.lowdb.openS, 2)} s | ${row.postgres ? `${fmt(row.postgres.seedS, 1)} s` : "n/a"}`,
    );
  }
  const cut = rows.filter((row) => row.lowdb.write.ops < OPS);
  if (cut.length > 0)
    console.log(
      `(lowdb writes at ${cut.map((row) => row.members.toLocaleString("en")).join(", ")} members stopped after ${cut.map((row) => row.lowdb.write.ops).join(", ")} ops: the time budget ran out)`,
    );
  console.log(
    "p99, ms:      " + rows.map((row) => `${row.members}: lowdb write ${row.lowdb.write.p99Ms.toFixed(1)}, pg write ${row.postgres?.write.p99Ms.toFixed(1) ?? "n/a"}`).join("; "),
  );
}

await main();
