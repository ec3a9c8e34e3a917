/**
 * Moves Questline's data from lowdb files into PostgreSQL, store by store, printing progress.
 * Stop the app first (lowdb is one process only; a running app would keep writing to the files).
 *
 *   npx tsx scripts/migrate-lowdb-to-postgres.ts --data-dir ./data --database-url postgres://... [--store 1003]
 *
 * Safe to run twice: rows that change (installs, members, orders, inbox, jobs, codes, settings) are
 * upserted, so the files win; append-only rows (ledger, audit, receipts) are inserted with
 * ON CONFLICT DO NOTHING. Each store is copied in one transaction holding that store's lock and is
 * committed only when every member's balance equals the sum of its entries and the balance the files
 * held. Exits 1 when any store did not add up (that store is left as it was).
 */
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type pg from "pg";
import type { WebhookReceipt } from "../server/modules/inbox/webhook-receipt.js";
import type { Install } from "../server/modules/stores/install.js";
import { saveInstallRow } from "../server/storage/postgres/installs.postgres-repository.js";
import { migrate } from "../server/storage/postgres/migrate.js";
import { createPool } from "../server/storage/postgres/postgres-pool.js";
import { rememberReceiptRow } from "../server/storage/postgres/receipts.postgres-repository.js";
import { withStoreLock } from "../server/storage/postgres/store-lock.js";
import { copyStore, verifyStore, type Progress } from "./lowdb-to-postgres/copy-store.js";
import { lowdbFiles } from "./lowdb-to-postgres/read-lowdb.js";

export interface MigrationOptions {
  dataDir: string;
  databaseUrl: string;
  /** Only this store (its install, receipts and program data); every store when omitted. */
  storeId?: number;
  progress?: Progress;
}

export interface MigrationReport {
  installs: number;
  receipts: number;
  stores: { storeId: number; copied: Record<string, number>; problems: string[] }[];
}

export async function migrateLowdbToPostgres(options: MigrationOptions): Promise<MigrationReport> {
  const progress = options.progress ?? (() => {});
  const files = lowdbFiles(options.dataDir);
  const pool = createPool({ databaseUrl: options.databaseUrl, maxConnections: 2 });
  try {
    await migrate(pool);
    const report: MigrationReport = { installs: 0, receipts: 0, stores: [] };
    const wanted = (storeId: number) => options.storeId === undefined || storeId === options.storeId;

    const installs = Object.values((await files.installs()).installs).filter((install) => wanted(install.storeId));
    const receipts = Object.values((await files.receipts()).receipts).filter((receipt) => wanted(receipt.storeId));
    const storeIds = (await files.storeIds()).filter(wanted).sort((a, b) => a - b);
    if (options.storeId !== undefined && storeIds.length === 0) progress(`store ${options.storeId}: no store file under ${options.dataDir}`);

    // A store's install and receipts go in with its data, so a store that does not add up is left out whole.
    const withFile = new Set(storeIds);
    const loose = { installs: installs.filter((install) => !withFile.has(install.storeId)), receipts: receipts.filter((receipt) => !withFile.has(receipt.storeId)) };
    for (const install of loose.installs) await saveInstallRow(pool, install);
    for (const receipt of loose.receipts) await rememberReceiptRow(pool, receipt);
    report.installs += loose.installs.length;
    report.receipts += loose.receipts.length;
    if (loose.installs.length > 0) progress(`installs without program data: ${loose.installs.length} copied`);

    for (const [index, storeId] of storeIds.entries()) {
      const own = { install: installs.find((install) => install.storeId === storeId) ?? null, receipts: receipts.filter((receipt) => receipt.storeId === storeId) };
      const outcome = await migrateStore(pool, storeId, await files.store(storeId), own, `(${index + 1}/${storeIds.length})`, progress);
      if (outcome.problems.length === 0) {
        report.installs += own.install ? 1 : 0;
        report.receipts += own.receipts.length;
      }
      report.stores.push(outcome);
    }
    return report;
  } finally {
    await pool.end();
  }
}

async function migrateStore(
  pool: pg.Pool,
  storeId: number,
  doc: Awaited<ReturnType<ReturnType<typeof lowdbFiles>["store"]>>,
  own: { install: Install | null; receipts: WebhookReceipt[] },
  position: string,
  progress: Progress,
) {
  progress(`store ${storeId} ${position}: ${doc.members.length} members, ${doc.ledger.length} ledger entries, ${doc.inbox.length} inbox events`);
  const started = performance.now();
  let copied: Record<string, number> = {};
  let problems: string[] = [];
  const rejected = new Error("the copy does not add up");
  try {
    await withStoreLock(pool, storeId, async (db) => {
      copied = await copyStore(db, doc, progress);
      problems = await verifyStore(db, doc);
      if (problems.length > 0) throw rejected;
      if (own.install) await saveInstallRow(db, own.install);
      for (const receipt of own.receipts) await rememberReceiptRow(db, receipt);
    });
  } catch (error) {
    if (error !== rejected) throw error;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (problems.length === 0) progress(`store ${storeId}: copied and verified in ${seconds}s, every balance equals the sum of its entries`);
  else {
    progress(`store ${storeId}: NOT copied, ${problems.length} balance(s) do not add up:`);
    for (const problem of problems.slice(0, 10)) progress(`  ${problem}`);
  }
  return { storeId, copied, problems };
}

function parseCommandLine(argv: string[]): MigrationOptions {
  const { values } = parseArgs({
    args: argv,
    options: { "data-dir": { type: "string" }, "database-url": { type: "string" }, store: { type: "string" } },
  });
  const databaseUrl = values["database-url"] ?? process.env.DATABASE_URL;
  if (!values["data-dir"] || !databaseUrl) {
    throw new Error("usage: npx tsx scripts/migrate-lowdb-to-postgres.ts --data-dir ./data --database-url postgres://... [--store 1003]");
  }
  const storeId = values.store === undefined ? undefined : Number(values.store);
  if (storeId !== undefined && (!Number.isSafeInteger(storeId) || storeId <= 0)) throw new Error(`--store must be a store id, got ${values.store}`);
  return { dataDir: values["data-dir"], databaseUrl, storeId };
}

async function main(): Promise<void> {
  const options = parseCommandLine(process.argv.slice(2));
  const report = await migrateLowdbToPostgres({ ...options, progress: (line) => console.log(line) });
  const failed = report.stores.filter((store) => store.problems.length > 0);
  console.log(
    `done: ${report.stores.length - failed.length} of ${report.stores.length} stores copied${failed.length ? `; not copied: ${failed.map((store) => store.storeId).join(", ")}` : ""}`,
  );
  if (failed.length > 0) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
