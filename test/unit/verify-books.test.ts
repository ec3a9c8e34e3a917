import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import type { LedgerEntry } from "../../server/modules/ledger/ledger-entry.js";
import { verifyBooks } from "../../server/modules/ledger/verify-books.js";
import { createLowdbStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { insertMember } from "../contract/contract-harness.js";
import { createTestDatabase, postgresSkipReason } from "../support/postgres.js";
import { aLedgerEntry, aStoreId } from "../support/storage-fixtures.js";

const root = path.resolve(import.meta.dirname, "../..");
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Two members with two entries each; returns the first member's id. */
async function seedBooks(storage: Storage, storeId: number): Promise<string> {
  const ids: string[] = [];
  for (const email of ["ana@shopper.example", "bo@shopper.example"]) {
    const member = await insertMember(storage, storeId, { email });
    await storage.transaction(storeId, async (tx) => {
      await tx.ledger.append(storeId, aLedgerEntry(storeId, member.id, { delta: 40 }));
      await tx.ledger.append(storeId, aLedgerEntry(storeId, member.id, { delta: -15 }));
    });
    ids.push(member.id);
  }
  return ids[0]!;
}

async function lowdbStore() {
  const dataDir = await mkdtemp(path.join(tmpdir(), "questline-verify-"));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const storeId = aStoreId();
  const storage = await createLowdbStorage({ dataDir });
  const memberId = await seedBooks(storage, storeId);
  await storage.close();
  const file = path.join(dataDir, "stores", `${storeId}.json`);
  /** Changes the store file the way a bug or a hand edit would, behind the adapter's back. */
  const tamper = async (change: (doc: { members: { id: string; balance: number }[]; ledger: LedgerEntry[] }) => void) => {
    const doc = JSON.parse(await readFile(file, "utf8"));
    change(doc);
    await writeFile(file, JSON.stringify(doc));
  };
  const open = async () => {
    const reopened = await createLowdbStorage({ dataDir });
    cleanups.push(() => reopened.close());
    return reopened;
  };
  return { dataDir, storeId, memberId, tamper, open };
}

/** The command as an operator runs it, from source; only the variables given (vitest's own, such as BASE_URL, stay out). */
const runVerify = (env: Record<string, string>, args: string[] = []) =>
  promisify(execFile)(process.execPath, ["--import", "tsx", "server/verify.ts", ...args], { cwd: root, env: { PATH: process.env.PATH, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

describe("verify books on lowdb", () => {
  it("when every balance equals the sum of its entries, then each store is reported clean with its counts", async () => {
    const { storeId, open } = await lowdbStore();

    const report = await verifyBooks(await open());

    expect(report).toEqual([{ storeId, members: 2, entries: 4, problems: [] }]);
  });

  it("when a cached balance differs from its entries, then that member is reported with both numbers", async () => {
    const { storeId, memberId, tamper, open } = await lowdbStore();
    await tamper((doc) => {
      doc.members.find((member) => member.id === memberId)!.balance = 30;
    });

    const [books] = await verifyBooks(await open(), { storeIds: [storeId] });

    expect(books?.problems).toEqual([{ kind: "balance", memberId, cached: 30, summed: 25 }]);
  });

  it("when two entries share an idempotency key, then the key and both entries are reported", async () => {
    const { tamper, open } = await lowdbStore();
    let twins: string[] = [];
    let key = "";
    await tamper((doc) => {
      const [first, second] = doc.ledger as [LedgerEntry, LedgerEntry];
      second.idempotencyKey = key = first.idempotencyKey;
      twins = [first.id, second.id];
    });

    const [books] = await verifyBooks(await open());
    const problems = books?.problems.map((problem) => (problem.kind === "duplicate_key" ? { ...problem, entryIds: [...problem.entryIds].sort() } : problem));

    expect(problems).toEqual([{ kind: "duplicate_key", idempotencyKey: key, entryIds: twins.sort() }]);
  });

  it("when run as a command on clean books, then it exits 0; on a store that does not add up, it prints the member and exits 1", async () => {
    const { dataDir, storeId, memberId, tamper } = await lowdbStore();
    const clean = await runVerify({ DATA_DIR: dataDir });
    await tamper((doc) => {
      doc.members.find((member) => member.id === memberId)!.balance = 99;
    });

    const broken = await runVerify({ DATA_DIR: dataDir }, ["--store", String(storeId)]);

    expect(clean).toMatchObject({ code: 0, stdout: expect.stringContaining("1 stores, 2 members, 4 entries, 0 problems") });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`store ${storeId}: member ${memberId} has a cached balance of 99 but its entries sum to 25`);
  });
  it("when a store file is damaged, then the command names that store and exits 1, and the other stores are still verified", async () => {
    const { dataDir, storeId } = await lowdbStore();
    const damaged = aStoreId();
    await writeFile(path.join(dataDir, "stores", `${damaged}.json`), '{"version":1,"storeId":');

    const result = await runVerify({ DATA_DIR: dataDir });

    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`store ${damaged}: its file is damaged and could not be read (left untouched)`);
    expect(result.stdout).toContain("1 stores, 2 members, 4 entries, 1 problems");
    expect(result.stdout).not.toContain(`store ${storeId}:`);
  });
});

const skipReason = await postgresSkipReason("verify books on postgres");
if (skipReason) console.log(skipReason);

describe.skipIf(skipReason !== null)("verify books on postgres", () => {
  it("when a cached balance is changed in the database, then verify reports that member and nothing else", async () => {
    const database = await createTestDatabase("verify");
    cleanups.push(() => database.drop());
    const storage = await createPostgresStorage({ databaseUrl: database.url });
    cleanups.push(() => storage.close());
    const [storeId, otherStoreId] = [aStoreId(), aStoreId()];
    const memberId = await seedBooks(storage, storeId);
    await seedBooks(storage, otherStoreId);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query("UPDATE members SET balance = balance + 5 WHERE store_id = $1 AND id = $2", [storeId, memberId]);
    await client.end();

    const report = await verifyBooks(storage);

    expect(report).toEqual(
      expect.arrayContaining([
        { storeId, members: 2, entries: 4, problems: [{ kind: "balance", memberId, cached: 30, summed: 25 }] },
        { storeId: otherStoreId, members: 2, entries: 4, problems: [] },
      ]),
    );
    expect(report).toHaveLength(2);
  });
});
