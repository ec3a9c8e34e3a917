/**
 * The CSV balance import at size: a fresh store takes a file of 10,000 and of 50,000 new members (`email,points`), on
 * lowdb files and on PostgreSQL (a fresh database, dropped after), through BalanceImportService as the route calls it.
 * Beside each import, its dry run in the same run (the file read, every row checked and looked up, nothing written):
 * the import's own cost is the difference. MAX_IMPORT_ROWS is set from the PostgreSQL figure (about 10 s a file).
 *
 * Run: npx tsx bench/import.ts
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BalanceImportService } from "../server/modules/balance-import/balance-import.service.js";
import type { Install } from "../server/modules/stores/install.js";
import { systemClock } from "../server/lib/clock.js";
import { createLowdbStorage } from "../server/storage/lowdb/lowdb-storage.js";
import { createPostgresStorage } from "../server/storage/postgres/postgres-storage.js";
import type { Storage } from "../server/storage/storage.port.js";
import { unitOfWork } from "../server/storage/unit-of-work.js";
import { freshDatabase, postgresReachable } from "./support/postgres-server.js";

const SIZES = [10_000, 50_000];

const fileOf = (rows: number) => Buffer.from(`email,points\n${Array.from({ length: rows }, (_, i) => `shopper${i}@example.com,${(i % 500) + 1}`).join("\n")}\n`);

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

async function measure(name: string, storage: Storage): Promise<void> {
  const installs = { requireActive: async (storeId: number) => ({ storeId }) as Install };
  const service = new BalanceImportService({ storage: unitOfWork(storage, "members", "ledger", "audit", "webhooks"), installs, clock: systemClock });
  for (const [index, rows] of SIZES.entries()) {
    const storeId = 2000 + index;
    const file = fileOf(rows);
    const [dry] = await timed(() => service.run(storeId, file, { dryRun: true, actor: "bench" }));
    const [applied, report] = await timed(() => service.run(storeId, file, { dryRun: false, actor: "bench" }));
    const s = (ms: number) => `${(ms / 1000).toFixed(1).padStart(6)} s`;
    console.log(`bench/import: ${name.padEnd(10)} ${rows.toLocaleString("en").padStart(6)} rows: dry run ${s(dry)}, import ${s(applied)} (${report.created} created)`);
  }
}

const dataDir = await mkdtemp(join(tmpdir(), "bench-import-"));
const lowdb = await createLowdbStorage({ dataDir });
try {
  await measure("lowdb", lowdb);
} finally {
  await lowdb.close();
  await rm(dataDir, { recursive: true, force: true });
}

if (await postgresReachable()) {
  const database = await freshDatabase();
  const storage = await createPostgresStorage({ databaseUrl: database.url });
  try {
    await measure("PostgreSQL", storage);
  } finally {
    await storage.close();
    await database.drop();
  }
}
