import { spawn } from "node:child_process";
import { access, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLowdbStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import { crashMemberId, deltaFor, entriesPerCommit, expectedBalance, seedEntries } from "../support/lowdb-crash-writer.js";
import { aStoreId } from "../support/storage-fixtures.js";
import { sleep } from "./contract-harness.js";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const writerScript = fileURLToPath(new URL("../support/lowdb-crash-writer.ts", import.meta.url));

interface WriterRun {
  /** The last entry count the writer said it committed. */
  lastReported: number;
  /** Whether its temp file was on disk when it died, i.e. it was killed in the middle of a write. */
  killedMidWrite: boolean;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * Starts the writer, lets it commit for a random while, SIGKILLs it. Aimed, the kill waits for the writer's temp
 * file to appear, so some kills surely land inside a write however busy the machine is.
 */
async function runAndKill(dataDir: string, storeId: number, tempFile: string, aimed: boolean): Promise<WriterRun> {
  const child = spawn(process.execPath, ["--import", "tsx", writerScript, dataDir, String(storeId)], { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on("close", () => resolve()));

  const started = Date.now();
  while (!stdout.includes("ready")) {
    if (child.exitCode !== null || Date.now() - started > 20_000) throw new Error(`writer did not start: ${stderr}`);
    await sleep(10);
  }
  await sleep(50 + Math.random() * 400);
  for (const giveUp = Date.now() + 5_000; aimed && Date.now() < giveUp && !(await exists(tempFile)););
  if (child.exitCode !== null) throw new Error(`writer died on its own: ${stderr}`);
  child.kill("SIGKILL");
  await exited;
  const killedMidWrite = await exists(tempFile);

  const counts = [...stdout.matchAll(/(?:ready|committed) (\d+)/g)].map((match) => Number(match[1]));
  return { lastReported: Math.max(...counts), killedMidWrite };
}

/** The raw file, checked without the adapter: it parses and its entries, balance and stats agree. */
async function entriesOnDisk(storeFile: string): Promise<number> {
  const document = JSON.parse(await readFile(storeFile, "utf8")) as {
    members: { id: string; balance: number; stats: { paidOrders: number } }[];
    ledger: { idempotencyKey: string; delta: number }[];
  };
  const member = document.members.find((candidate) => candidate.id === crashMemberId);
  const entries = document.ledger.length;
  expect(entries % entriesPerCommit).toBe(0);
  expect(document.ledger.every((entry, index) => entry.idempotencyKey === `crash:${index}` && entry.delta === deltaFor(index))).toBe(true);
  expect(member?.balance).toBe(expectedBalance(entries));
  expect(member?.stats.paidOrders).toBe(entries / entriesPerCommit);
  return entries;
}

describe("lowdb crash safety", () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "questline-crash-"));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("when the writer is SIGKILLed at random moments, then the store file always holds a state it committed and the adapter reopens it", { timeout: 120_000 }, async () => {
    const storeId = aStoreId();
    const storeFile = join(dataDir, "stores", `${storeId}.json`);
    const tempFile = join(dataDir, "stores", `.${storeId}.json.tmp`);
    let kills = 0;
    let midWriteKills = 0;
    let previous = 0;

    while (kills < 4 || (midWriteKills === 0 && kills < 25)) {
      const run = await runAndKill(dataDir, storeId, tempFile, kills % 2 === 1);
      kills += 1;
      if (run.killedMidWrite) midWriteKills += 1;

      const entries = await entriesOnDisk(storeFile);
      // Either the last state it reported, or the next one, written but killed before it could say so.
      expect([run.lastReported, run.lastReported + entriesPerCommit]).toContain(entries);
      expect(entries).toBeGreaterThanOrEqual(Math.max(previous, seedEntries));
      previous = entries;

      const storage = await createLowdbStorage({ dataDir });
      await storage.transaction(storeId, async (tx) => {
        expect(await tx.ledger.balance(storeId, crashMemberId)).toBe(expectedBalance(entries));
        expect(await tx.ledger.sumEntries(storeId, crashMemberId)).toBe(expectedBalance(entries));
        expect((await tx.ledger.listForMember(storeId, crashMemberId, { limit: 1, offset: 0 })).total).toBe(entries);
        expect(await tx.ledger.findByKey(storeId, `crash:${entries}`)).toBeNull();
      });
      await storage.close();
    }

    expect(midWriteKills).toBeGreaterThan(0);
  });
});
