import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStorage } from "../../server/storage/index.js";
import { createLowdbStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import type { WebhookReceipt } from "../../server/modules/inbox/webhook-receipt.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { aLedgerEntry, aMember, anInboxEvent, anInstall, aStoreId, minutesAfter } from "../support/storage-fixtures.js";
import { insertMember } from "./contract-harness.js";
import { aMeasurement } from "./program.contract.js";

const modeOf = async (...path: string[]) => (await stat(join(...path))).mode & 0o777;

/** What only the lowdb file adapter has: its file layout and how it meets a broken disk. */
describe("lowdb files", () => {
  let dataDir: string;
  const opened: Storage[] = [];
  const open = async () => {
    const storage = await createLowdbStorage({ dataDir });
    opened.push(storage);
    return storage;
  };
  const readJson = async (...path: string[]) => JSON.parse(await readFile(join(dataDir, ...path), "utf8")) as Record<string, unknown>;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "questline-lowdb-files-"));
  });

  afterEach(async () => {
    for (const storage of opened.splice(0)) await storage.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("when data is written, then installs.json holds the installs, stores/{storeId}.json the store's data and its inbox journal the webhook; closed, the store's inbox is in its own file", async () => {
    const storage = await open();
    const storeId = aStoreId();
    await storage.installs.save(storeId, anInstall(storeId));
    const member = await insertMember(storage, storeId);
    await storage.transaction(storeId, (tx) => tx.ledger.append(storeId, aLedgerEntry(storeId, member.id)));
    const event = anInboxEvent(storeId);
    await storage.inbox.add(storeId, event);

    expect(await readJson("installs.json")).toMatchObject({ version: 1, installs: { [storeId]: { storeId } } });
    const store = await readJson("stores", `${storeId}.json`);
    expect(store).toMatchObject({ version: 1, storeId, members: [{ id: member.id, balance: 10 }], audit: [], inbox: [] });
    expect(store.ledger).toHaveLength(1);
    const journal = (await readFile(join(dataDir, "stores", `${storeId}.inbox.log`), "utf8")).trimEnd().split("\n");
    expect(journal.map((line) => JSON.parse(line) as unknown)).toEqual([{ seq: 1, event }]);
    expect((await readdir(join(dataDir, "stores"))).sort()).toEqual([`${storeId}.inbox.log`, `${storeId}.json`]);

    await storage.close();
    opened.splice(opened.indexOf(storage), 1);
    expect(await readJson("stores", `${storeId}.json`)).toMatchObject({ inbox: [], members: [{ id: member.id }] });
    expect(await readJson("stores", `${storeId}.inbox.json`)).toEqual({ version: 1, storeId, seq: 1, events: [event] });
    expect((await readdir(join(dataDir, "stores"))).sort()).toEqual([`${storeId}.inbox.json`, `${storeId}.json`]);
  });

  it("when a store file predates a table, then it loads with that table empty and keeps its rows", async () => {
    const storeId = aStoreId();
    const member = aMember(storeId);
    await mkdir(join(dataDir, "stores"), { recursive: true });
    const older = { version: 1, storeId, members: [member], ledger: [], audit: [], inbox: [], orders: [], backfills: [], signInCodes: [], settings: null };
    await writeFile(join(dataDir, "stores", `${storeId}.json`), JSON.stringify(older));
    const storage = await open();

    await storage.transaction(storeId, (tx) => tx.measurements.save(storeId, aMeasurement(storeId, { id: "msr_1" })));

    expect(await storage.read(storeId, (tx) => tx.members.get(storeId, member.id))).toEqual(member);
    expect(await readJson("stores", `${storeId}.json`)).toMatchObject({ members: [member], measurements: [{ id: "msr_1" }] });
  });

  it("when a store's data is purged, then its file is deleted", async () => {
    const storage = await open();
    const storeId = aStoreId();
    await insertMember(storage, storeId);
    await storage.purgeStoreData(storeId);
    expect(await readdir(join(dataDir, "stores"))).toEqual([]);
  });

  it("when the store file cannot be written, then the transaction fails, memory and disk keep the old state, and later writes work", async () => {
    const storage = await open();
    const storeId = aStoreId();
    const member = await insertMember(storage, storeId);
    const before = await readFile(join(dataDir, "stores", `${storeId}.json`), "utf8");
    const blocker = join(dataDir, "stores", `.${storeId}.json.tmp`);
    await mkdir(blocker);

    await expect(storage.transaction(storeId, (tx) => tx.ledger.append(storeId, aLedgerEntry(storeId, member.id, { idempotencyKey: "k1", delta: 5 })))).rejects.toThrow();

    expect(await readFile(join(dataDir, "stores", `${storeId}.json`), "utf8")).toBe(before);
    await storage.transaction(storeId, async (tx) => {
      expect(await tx.ledger.findByKey(storeId, "k1")).toBeNull();
      expect(await tx.ledger.balance(storeId, member.id)).toBe(0);
    });
    await rm(blocker, { recursive: true });
    const retried = await storage.transaction(storeId, (tx) => tx.ledger.append(storeId, aLedgerEntry(storeId, member.id, { idempotencyKey: "k1", delta: 5 })));
    expect(retried).toMatchObject({ created: true, balance: 5 });
  });

  it("when installs.json cannot be written, then save fails and the install is not visible", async () => {
    const storage = await open();
    const storeId = aStoreId();
    await mkdir(join(dataDir, ".installs.json.tmp"));
    await expect(storage.installs.save(storeId, anInstall(storeId))).rejects.toThrow();
    expect(await storage.installs.get(storeId)).toBeNull();
  });

  it("when the directory holds store files, a leftover temp file and strangers, then open loads the stores and ignores the rest", async () => {
    const first = await open();
    const storeId = aStoreId();
    const event = anInboxEvent(storeId, { receivedAt: minutesAfter(0) });
    await first.inbox.add(storeId, event);
    await first.close();
    await writeFile(join(dataDir, "stores", `.${storeId}.json.tmp`), '{"half a wri');
    await writeFile(join(dataDir, "stores", "notes.txt"), "hello");

    const storage = await open();

    expect(await storage.inbox.claimNext(new Date(minutesAfter(1)), 1000)).toMatchObject({ eventId: event.eventId, attempts: 1 });
  });

  it("when the storage creates its folders and files, then only the app's user may read them: folders 0700, files 0600", async () => {
    const fresh = join(dataDir, "data");
    const storage = await createLowdbStorage({ dataDir: fresh });
    opened.push(storage);
    const storeId = aStoreId();
    await storage.installs.save(storeId, anInstall(storeId));
    await storage.receipts.remember({ eventId: "evt-1", storeId, fingerprint: "f", receivedAt: minutesAfter(0) });
    await insertMember(storage, storeId);

    expect(await modeOf(fresh)).toBe(0o700);
    expect(await modeOf(fresh, "stores")).toBe(0o700);
    for (const file of ["installs.json", "receipts.log", join("stores", `${storeId}.json`)]) expect({ file, mode: await modeOf(fresh, file) }).toEqual({ file, mode: 0o600 });
  });

  it("when an older version left stores/ and data files readable by others, then opening tightens them to 0700 and 0600", async () => {
    const storeId = aStoreId();
    await (await open()).close();
    const contents: Record<string, unknown> = {
      "installs.json": { version: 1, installs: {} },
      ".installs.json.tmp": {},
      "receipts.json": { version: 1, receipts: {} },
      [join("stores", `${storeId}.json`)]: { version: 1, storeId, members: [], ledger: [], audit: [], inbox: [], orders: [], backfills: [], signInCodes: [], settings: null },
      [join("stores", `.${storeId}.json.tmp`)]: {},
    };
    const files = Object.keys(contents);
    for (const file of files) {
      await writeFile(join(dataDir, file), JSON.stringify(contents[file]));
      await chmod(join(dataDir, file), 0o644);
    }
    await chmod(join(dataDir, "stores"), 0o755);

    await open();

    expect(await modeOf(dataDir, "stores")).toBe(0o700);
    for (const file of files) expect({ file, mode: await modeOf(dataDir, file) }).toEqual({ file, mode: 0o600 });
  });

  it("when a transaction opens another on the same store, then it is refused instead of waiting forever", async () => {
    const storage = await open();
    const storeId = aStoreId();
    await expect(storage.transaction(storeId, () => storage.transaction(storeId, async () => "inner"))).rejects.toThrow("already held");
    await expect(storage.transaction(storeId, () => storage.inbox.counts(storeId))).rejects.toThrow("already held");
    expect(await storage.transaction(storeId, async () => "free again")).toBe("free again");
  });

  it("when a store id is not a positive whole number, then it is refused before touching the disk", async () => {
    const storage = await open();
    await expect(storage.transaction(1.5, async () => null)).rejects.toThrow("invalid store id");
    await expect(storage.inbox.counts(-1)).rejects.toThrow("invalid store id");
    expect(await readdir(join(dataDir, "stores"))).toEqual([]);
  });

  it("when createStorage gets no database URL, then it opens lowdb files; when it gets one, then it goes to that database and never falls back to files", async () => {
    const storage = await createStorage({ dataDir, databaseUrl: null });
    opened.push(storage);
    expect(storage.kind).toBe("lowdb");
    await expect(createStorage({ dataDir: join(dataDir, "unused"), databaseUrl: "postgres://questline@127.0.0.1:1/questline" })).rejects.toThrow("ECONNREFUSED");
    await expect(readdir(join(dataDir, "unused"))).rejects.toThrow();
  });

  /** Receipts are receipts.json plus a log of the ones since: how that log is written, read and emptied. */
  describe("receipts log", () => {
    const receipt = (n: number, receivedAt = minutesAfter(n)): WebhookReceipt => ({ eventId: `evt-${n}`, storeId: 1003, fingerprint: `fp-${n}`, receivedAt });

    it("when receipts are remembered, then each is one line appended to receipts.log and receipts.json is not rewritten", async () => {
      const storage = await open();

      await Promise.all([1, 2, 3].map((n) => storage.receipts.remember(receipt(n))));
      await storage.receipts.remember(receipt(4));

      const lines = (await readFile(join(dataDir, "receipts.log"), "utf8")).trimEnd().split("\n");
      expect(lines.map((line) => JSON.parse(line) as WebhookReceipt).sort((a, b) => a.eventId.localeCompare(b.eventId))).toEqual([1, 2, 3, 4].map((n) => receipt(n)));
      await expect(stat(join(dataDir, "receipts.json"))).rejects.toMatchObject({ code: "ENOENT" });
    });

    it("when the process dies without closing, then the next start finds every receipt it acknowledged", async () => {
      const dying = await open();
      for (const n of [1, 2, 3]) await dying.receipts.remember(receipt(n));

      const restarted = await open();

      for (const n of [1, 2, 3]) expect(await restarted.receipts.find(`evt-${n}`)).toEqual(receipt(n));
    });

    it("when the last line was cut short (killed mid-append), then it is dropped, the others are read, and later lines read back whole", async () => {
      const whole = [1, 2].map((n) => JSON.stringify(receipt(n))).join("\n");
      await writeFile(join(dataDir, "receipts.log"), `${whole}\n{"eventId":"evt-3","sto`);

      const storage = await open();
      await storage.receipts.remember(receipt(4));
      const restarted = await open();

      expect(restarted.damage()).toEqual({ stores: [], shared: [] });
      expect(await restarted.receipts.find("evt-3")).toBeNull();
      for (const n of [1, 2, 4]) expect(await restarted.receipts.find(`evt-${n}`)).toEqual(receipt(n));
    });

    it("when a line before the last is not a receipt, then receipts are refused as damaged and the log is kept as it is", async () => {
      const bytes = Buffer.from(`${JSON.stringify(receipt(1))}\nnot a receipt\n${JSON.stringify(receipt(2))}\n`);
      await writeFile(join(dataDir, "receipts.log"), bytes);

      const storage = await open();

      expect(storage.damage()).toEqual({ stores: [], shared: ["receipts"] });
      await expect(storage.receipts.find("evt-1")).rejects.toMatchObject({ code: "store_unavailable" });
      expect(await readFile(join(dataDir, "receipts.log"))).toEqual(bytes);
    });

    it("when old receipts are pruned, then receipts.json holds the rest, the log is emptied, and a restart reads the same", async () => {
      const storage = await open();
      for (const n of [1, 2, 3]) await storage.receipts.remember(receipt(n, minutesAfter(n * 60)));

      expect(await storage.receipts.forgetBefore(new Date(minutesAfter(90)))).toBe(1);

      expect(await readFile(join(dataDir, "receipts.log"), "utf8")).toBe("");
      expect(JSON.parse(await readFile(join(dataDir, "receipts.json"), "utf8"))).toEqual({
        version: 1,
        receipts: { "evt-2": receipt(2, minutesAfter(120)), "evt-3": receipt(3, minutesAfter(180)) },
      });
      const restarted = await open();
      expect(await restarted.receipts.find("evt-1")).toBeNull();
      expect(await restarted.receipts.find("evt-3")).toEqual(receipt(3, minutesAfter(180)));
    });

    it("when the storage closes, then receipts.json holds every receipt and the log is empty, so the files alone tell the whole story", async () => {
      const storage = await open();
      for (const n of [1, 2]) await storage.receipts.remember(receipt(n));

      await storage.close();
      opened.splice(0);

      expect(await readFile(join(dataDir, "receipts.log"), "utf8")).toBe("");
      expect(JSON.parse(await readFile(join(dataDir, "receipts.json"), "utf8"))).toEqual({ version: 1, receipts: { "evt-1": receipt(1), "evt-2": receipt(2) } });
    });

    it("when an event id is __proto__, then it is a receipt like any other, before and after a restart", async () => {
      const storage = await open();
      const odd = { ...receipt(1), eventId: "__proto__" };
      await storage.receipts.remember(odd);

      expect(await storage.receipts.find("__proto__")).toEqual(odd);
      expect(await storage.receipts.find("constructor")).toBeNull();
      await storage.close();
      opened.splice(0);
      const restarted = await open();
      expect(await restarted.receipts.find("__proto__")).toEqual(odd);
    });
  });
});
