import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../server/lib/errors.js";
import { createLowdbStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { capturedLog } from "../support/captured-log.js";
import { aLedgerEntry, anInboxEvent, anInstall, aStoreId, minutesAfter } from "../support/storage-fixtures.js";
import { insertMember } from "./contract-harness.js";

const ERROR = 50;

/** Ways a store file is found damaged, each made from the good file's own text. */
const damages: { kind: string; damage: (good: string, storeId: number) => string }[] = [
  { kind: "truncated", damage: (good) => good.slice(0, Math.floor(good.length / 2)) },
  { kind: "empty", damage: () => "" },
  { kind: "not JSON", damage: () => "<html>502 Bad Gateway</html>" },
  { kind: "another store's", damage: (good, storeId) => good.replace(`"storeId":${storeId}`, `"storeId":${storeId + 1}`) },
  { kind: "of the wrong shape", damage: () => JSON.stringify({ version: 1, members: "none" }) },
  { kind: "JSON null", damage: () => "null" },
];

const refusal = { code: "store_unavailable" };

describe("lowdb files that are damaged", () => {
  let dataDir: string;
  const opened: Storage[] = [];
  const open = async (logger = capturedLog().logger) => {
    const storage = await createLowdbStorage({ dataDir, logger });
    opened.push(storage);
    return storage;
  };
  const path = (...parts: string[]) => join(dataDir, ...parts);

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "questline-lowdb-damaged-"));
  });

  afterEach(async () => {
    for (const storage of opened.splice(0)) await storage.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Two stores with a member, points and a queued event each; then one store's file is damaged. */
  async function twoStoresOneDamaged(damage: (good: string, storeId: number) => string) {
    const [good, damaged] = [aStoreId(), aStoreId()];
    const first = await open();
    const members = new Map<number, string>();
    for (const storeId of [good, damaged]) {
      await first.installs.save(storeId, anInstall(storeId));
      const member = await insertMember(first, storeId);
      await first.transaction(storeId, (tx) => tx.ledger.append(storeId, aLedgerEntry(storeId, member.id, { delta: 40 })));
      await first.inbox.add(storeId, anInboxEvent(storeId, { receivedAt: minutesAfter(storeId === damaged ? 0 : 1) }));
      members.set(storeId, member.id);
    }
    await first.close();
    const damagedFile = path("stores", `${damaged}.json`);
    const bytes = Buffer.from(damage(await readFile(damagedFile, "utf8"), damaged), "utf8");
    await writeFile(damagedFile, bytes);
    return { good, damaged, goodMember: members.get(good)!, damagedFile, bytes };
  }

  for (const { kind, damage } of damages) {
    it(`when a store file is ${kind}, then the storage opens, reports it once, refuses that store, serves the others and leaves the file byte for byte`, async () => {
      const { good, damaged, goodMember, damagedFile, bytes } = await twoStoresOneDamaged(damage);
      const damagedInbox = await readFile(path("stores", `${damaged}.inbox.json`));
      const log = capturedLog();

      const storage = await open(log.logger);

      expect(storage.damage()).toEqual({ stores: [damaged], shared: [] });
      await storage.transaction(good, (tx) => tx.ledger.append(good, aLedgerEntry(good, goodMember, { delta: 5 })));
      expect(await storage.read(good, (tx) => tx.ledger.balance(good, goodMember))).toBe(45);
      expect(await storage.inbox.add(good, anInboxEvent(good))).toEqual({ created: true });
      expect(await storage.inbox.claimNext(new Date(minutesAfter(5)), 60_000)).toMatchObject({ storeId: good });
      expect(await storage.installs.get(damaged)).toMatchObject({ storeId: damaged });

      await expect(storage.transaction(damaged, async () => "ran")).rejects.toMatchObject(refusal);
      await expect(storage.read(damaged, async () => "ran")).rejects.toMatchObject(refusal);
      await expect(storage.inbox.add(damaged, anInboxEvent(damaged))).rejects.toMatchObject(refusal);
      await expect(storage.inbox.counts(damaged)).rejects.toMatchObject(refusal);
      await expect(storage.purgeStoreData(damaged)).rejects.toBeInstanceOf(AppError);
      await storage.close();

      expect(await readFile(damagedFile)).toEqual(bytes);
      // Each store's inbox has its own file beside the store's (inbox-files.ts); the damaged store's is left as it was too.
      expect(await readdir(path("stores"))).toEqual([`${good}.inbox.json`, `${good}.json`, `${damaged}.inbox.json`, `${damaged}.json`].sort());
      expect(await readFile(path("stores", `${damaged}.inbox.json`))).toEqual(damagedInbox);
      const errors = log.lines().filter((line) => line.level === ERROR);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ storeId: damaged, file: damagedFile });
    });
  }

  it("when a damaged store file is still damaged at the next start, then the store is still set aside, never started over empty", async () => {
    const { damaged, damagedFile, bytes } = await twoStoresOneDamaged(() => "");
    await (await open()).close();

    const storage = await open();

    expect(storage.damage().stores).toEqual([damaged]);
    await expect(storage.inbox.add(damaged, anInboxEvent(damaged))).rejects.toMatchObject(refusal);
    expect(await readFile(damagedFile)).toEqual(bytes);
  });

  it("when installs.json is damaged, then the storage opens, reports it, refuses every install call and writes nothing over it", async () => {
    const storeId = aStoreId();
    const bytes = Buffer.from('{"version":1,"installs":{"12', "utf8");
    await writeFile(path("installs.json"), bytes);
    const log = capturedLog();

    const storage = await open(log.logger);

    expect(storage.damage()).toEqual({ stores: [], shared: ["installs"] });
    await expect(storage.installs.get(storeId)).rejects.toMatchObject(refusal);
    await expect(storage.installs.save(storeId, anInstall(storeId))).rejects.toMatchObject(refusal);
    await expect(storage.installs.listDueForPurge(new Date())).rejects.toMatchObject(refusal);
    await expect(storage.installs.remove(storeId)).rejects.toMatchObject(refusal);
    await storage.close();
    expect(await readFile(path("installs.json"))).toEqual(bytes);
    expect(await readdir(dataDir)).not.toContain(".installs.json.tmp");
    expect(log.lines().filter((line) => line.level === ERROR)).toMatchObject([{ file: path("installs.json") }]);
  });

  it("when receipts.json is damaged, then webhook receipts are refused rather than forgotten, and the file is kept as it is", async () => {
    const bytes = Buffer.from("", "utf8");
    await writeFile(path("receipts.json"), bytes);

    const storage = await open();

    expect(storage.damage()).toEqual({ stores: [], shared: ["receipts"] });
    await expect(storage.receipts.find("evt-1")).rejects.toMatchObject(refusal);
    await expect(storage.receipts.remember({ eventId: "evt-1", storeId: 1, fingerprint: "f", receivedAt: minutesAfter(0) })).rejects.toMatchObject(refusal);
    await expect(storage.receipts.forgetBefore(new Date())).rejects.toMatchObject(refusal);
    await storage.close();
    expect(await readFile(path("receipts.json"))).toEqual(bytes);
  });

  it("when referral-codes.json is damaged, then no code is claimed or followed, the stores still serve, and the file is kept as it is", async () => {
    const storeId = aStoreId();
    const bytes = Buffer.from('{"version":1,"codes":{"MAYA-7Q2K":{"storeId":', "utf8");
    await writeFile(path("referral-codes.json"), bytes);
    const log = capturedLog();

    const storage = await open(log.logger);

    expect(storage.damage()).toEqual({ stores: [], shared: ["referralCodes"] });
    await expect(storage.referralCodes.claim("ANN-2345", storeId, "mem_ann")).rejects.toMatchObject(refusal);
    await expect(storage.referralCodes.find("MAYA-7Q2K")).rejects.toMatchObject(refusal);
    const member = await insertMember(storage, storeId);
    expect(await storage.read(storeId, (tx) => tx.members.get(storeId, member.id))).toEqual(member);
    await storage.close();
    expect(await readFile(path("referral-codes.json"))).toEqual(bytes);
    expect(log.lines().filter((line) => line.level === ERROR)).toMatchObject([{ file: path("referral-codes.json") }]);
  });
});
