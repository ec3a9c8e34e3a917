import { parseArgs } from "node:util";
import { loadConfig } from "./config.js";
import { describeProblem, verifyBooks } from "./modules/ledger/verify-books.js";
import { createStorage } from "./storage/index.js";

/**
 * `npm run verify [-- --store N]`: recomputes every balance from the ledger on the storage the config
 * selects (DATABASE_URL, else DATA_DIR) and exits 1 when any book does not add up or a lowdb file could
 * not be read, 2 when it cannot run.
 * With lowdb, stop the app first or accept that writes made meanwhile are not seen.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { store: { type: "string" } } });
  const storeId = values.store === undefined ? undefined : Number(values.store);
  if (storeId !== undefined && (!Number.isSafeInteger(storeId) || storeId <= 0)) {
    process.stderr.write(`verify: --store must be a store id, got ${values.store}\n`);
    return 2;
  }
  const config = loadConfig();
  const storage = await createStorage(config.storage);
  try {
    const report = await verifyBooks(storage, storeId === undefined ? {} : { storeIds: [storeId] });
    const damage = storage.damage();
    const problems = [
      ...damage.shared.map((file) => `${file}: the file is damaged and could not be read (left untouched)`),
      ...damage.stores.map((damaged) => `store ${damaged}: its file is damaged and could not be read (left untouched)`),
      ...report.flatMap((books) => books.problems.map((problem) => describeProblem(books.storeId, problem))),
    ];
    for (const line of problems) process.stdout.write(`${line}\n`);
    const members = report.reduce((sum, books) => sum + books.members, 0);
    const entries = report.reduce((sum, books) => sum + books.entries, 0);
    process.stdout.write(`verify (${storage.kind}): ${report.length} stores, ${members} members, ${entries} entries, ${problems.length} problems\n`);
    return problems.length === 0 ? 0 : 1;
  } finally {
    await storage.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`verify: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
