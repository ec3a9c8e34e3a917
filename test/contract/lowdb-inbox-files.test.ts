import { copyFile, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { lowdbFiles } from "../../scripts/lowdb-to-postgres/read-lowdb.js";
import { JOURNAL_LIMIT_BYTES } from "../../server/storage/lowdb/inbox-journal.js";
import { capturedLog } from "../support/captured-log.js";
import { lowdbDataDir } from "../support/lowdb-data-dir.js";
import { anInboxEvent, anInstall, aStoreId, minutesAfter } from "../support/storage-fixtures.js";
import { insertMember } from "./contract-harness.js";

const LEASE_MS = 60_000;

/** The lowdb inbox on disk: its own file and a journal of changes, apart from the store's document. */
describe("lowdb inbox files", () => {
  const data = lowdbDataDir("questline-inbox-journal-");
  const open = data.open;
  const storeFile = (storeId: number) => data.path("stores", `${storeId}.json`);
  const inboxFile = (storeId: number) => data.path("stores", `${storeId}.inbox.json`);
  const journalFile = (storeId: number) => data.path("stores", `${storeId}.inbox.log`);
  const readJson = async (file: string) => JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;

  it("when webhooks are taken, leased and finished, then the store file is not rewritten, and a process opened after a kill finds each as it stood", async () => {
    const first = await open();
    const storeId = aStoreId();
    await first.installs.save(storeId, anInstall(storeId));
    await insertMember(first, storeId);
    const before = await readFile(storeFile(storeId), "utf8");
    const [done, leased, waiting] = [anInboxEvent(storeId), anInboxEvent(storeId, { receivedAt: minutesAfter(1) }), anInboxEvent(storeId, { receivedAt: minutesAfter(2) })];
    await Promise.all([done, leased, waiting].map((event) => first.inbox.add(storeId, event)));
    const now = new Date(minutesAfter(5));
    expect((await first.inbox.claimNext(now, LEASE_MS))?.eventId).toBe(done.eventId);
    await first.inbox.complete(storeId, done.eventId, now);
    expect((await first.inbox.claimNext(now, LEASE_MS))?.eventId).toBe(leased.eventId);

    expect(await readFile(storeFile(storeId), "utf8")).toBe(before);
    // The first process is never closed: as after kill -9.
    const second = await open();
    expect(await second.inbox.get(storeId, done.eventId)).toMatchObject({ status: "done", attempts: 1, processedAt: now.toISOString() });
    expect(await second.inbox.get(storeId, leased.eventId)).toMatchObject({ status: "pending", attempts: 1, leaseUntil: new Date(now.getTime() + LEASE_MS).toISOString() });
    expect(await second.inbox.get(storeId, waiting.eventId)).toEqual(waiting);
    expect(await second.inbox.counts(storeId)).toEqual({ pending: 2, done: 1, failed: 0 });
  });

  it("when a flood has queued events, then the store's own writes do not carry them", async () => {
    const storage = await open();
    const storeId = aStoreId();
    await insertMember(storage, storeId);
    const small = (await stat(storeFile(storeId))).size;
    for (let i = 0; i < 300; i++) await storage.inbox.add(storeId, anInboxEvent(storeId, { data: { padding: "x".repeat(200) } }));
    await insertMember(storage, storeId);
    expect(await readJson(storeFile(storeId))).toMatchObject({ inbox: [] });
    expect((await stat(storeFile(storeId))).size).toBeLessThan(small * 3);
    expect(await storage.inbox.counts(storeId)).toEqual({ pending: 300, done: 0, failed: 0 });
  });

  it("when a store's first change is a webhook and the process is killed, then the store is found from its journal alone", async () => {
    const first = await open();
    const storeId = aStoreId();
    const event = anInboxEvent(storeId);
    await first.inbox.add(storeId, event);
    expect(await readdir(data.path("stores"))).toEqual([`${storeId}.inbox.log`]);

    const second = await open();
    expect((await second.inbox.claimNext(new Date(minutesAfter(1)), LEASE_MS))?.eventId).toBe(event.eventId);
  });

  it("when the inbox was written whole but the process was killed before the journal was emptied, then the older lines are skipped: a finished event stays finished", async () => {
    const first = await open();
    const storeId = aStoreId();
    const event = anInboxEvent(storeId);
    await first.inbox.add(storeId, event);
    const olderJournal = data.path("older.log");
    await copyFile(journalFile(storeId), olderJournal);
    await first.inbox.complete(storeId, event.eventId, new Date(minutesAfter(1)));
    // Closing writes the inbox whole (holding the finished event) and removes the journal...
    await data.close(first);
    expect(await readJson(inboxFile(storeId))).toMatchObject({ seq: 2, events: [{ status: "done" }] });
    // ...which a kill between the two would have left holding the event's older line.
    await copyFile(olderJournal, journalFile(storeId));

    const second = await open();
    expect(await second.inbox.get(storeId, event.eventId)).toMatchObject({ status: "done" });
    const next = anInboxEvent(storeId, { receivedAt: minutesAfter(2) });
    await second.inbox.add(storeId, next);
    const third = await open();
    expect(await third.inbox.get(storeId, next.eventId)).toEqual(next);
    expect(await third.inbox.get(storeId, event.eventId)).toMatchObject({ status: "done" });
  });

  it("when the journal's last line was cut short by a kill, then it is dropped (it was never acknowledged) and the rest stands", async () => {
    const first = await open();
    const storeId = aStoreId();
    const kept = anInboxEvent(storeId);
    await first.inbox.add(storeId, kept);
    await writeFile(journalFile(storeId), `${await readFile(journalFile(storeId), "utf8")}{"seq":2,"event":{"eventId":"cut`);

    const second = await open();
    expect(await second.inbox.counts(storeId)).toEqual({ pending: 1, done: 0, failed: 0 });
    expect(await second.inbox.get(storeId, kept.eventId)).toEqual(kept);
  });

  it("when a journal line in the middle is not an event of the store, then the store is set aside and the journal left byte for byte", async () => {
    const first = await open();
    const [storeId, other] = [aStoreId(), aStoreId()];
    await first.inbox.add(storeId, anInboxEvent(storeId));
    await first.inbox.add(other, anInboxEvent(other));
    const lines = (await readFile(journalFile(storeId), "utf8")).split("\n");
    const damaged = [lines[0]!.replace(`"storeId":${storeId}`, `"storeId":${other}`), ...lines.slice(1)].join("\n");
    await writeFile(journalFile(storeId), damaged);

    const second = await open(capturedLog().logger);
    await expect(second.inbox.counts(storeId)).rejects.toMatchObject({ code: "store_unavailable" });
    expect(await second.inbox.counts(other)).toEqual({ pending: 1, done: 0, failed: 0 });
    expect(second.damage().stores).toEqual([storeId]);
    expect(await readFile(journalFile(storeId), "utf8")).toBe(damaged);
  });

  it("when the inbox's own file is not an inbox of the store, then the store is set aside and the file left byte for byte", async () => {
    const first = await open();
    const storeId = aStoreId();
    await first.inbox.add(storeId, anInboxEvent(storeId));
    await data.close(first);
    const damaged = (await readFile(inboxFile(storeId), "utf8")).slice(0, 20);
    await writeFile(inboxFile(storeId), damaged);

    const second = await open(capturedLog().logger);
    expect(second.damage().stores).toEqual([storeId]);
    await expect(second.inbox.counts(storeId)).rejects.toMatchObject({ code: "store_unavailable" });
    expect(await readFile(inboxFile(storeId), "utf8")).toBe(damaged);
  });

  it("when the journal passes its limit, then the inbox is written whole and the journal starts empty", async () => {
    const storage = await open();
    const storeId = aStoreId();
    const padding = "x".repeat(4_000);
    const events = Array.from({ length: Math.ceil(JOURNAL_LIMIT_BYTES / padding.length) + 1 }, (_, i) => anInboxEvent(storeId, { data: { padding, i } }));
    const sizes: number[] = [];
    for (const event of events) {
      await storage.inbox.add(storeId, event);
      sizes.push((await stat(journalFile(storeId))).size);
    }
    const whole = sizes.findIndex((size, i) => i > 0 && size < sizes[i - 1]!);
    expect(whole).toBeGreaterThan(0);
    expect(Math.max(...sizes)).toBeLessThan(JOURNAL_LIMIT_BYTES + 2 * padding.length);
    expect(sizes[whole - 1]).toBeGreaterThanOrEqual(JOURNAL_LIMIT_BYTES);
    expect((await readJson(inboxFile(storeId))).events).toHaveLength(whole + 1);

    const reopened = await open();
    expect(await reopened.inbox.counts(storeId)).toEqual({ pending: events.length, done: 0, failed: 0 });
  });

  it("when done events are pruned, then the inbox is written whole without them and a reopened storage does not find them", async () => {
    const storage = await open();
    const storeId = aStoreId();
    const [done, waiting] = [anInboxEvent(storeId), anInboxEvent(storeId, { receivedAt: minutesAfter(1) })];
    await storage.inbox.add(storeId, done);
    await storage.inbox.add(storeId, waiting);
    await storage.inbox.complete(storeId, done.eventId, new Date(minutesAfter(2)));
    expect(await storage.inbox.pruneDone(new Date(minutesAfter(3)))).toBe(1);
    expect((await readJson(inboxFile(storeId))).events).toEqual([waiting]);

    const reopened = await open();
    expect(await reopened.inbox.get(storeId, done.eventId)).toBeNull();
    expect(await reopened.inbox.get(storeId, waiting.eventId)).toEqual(waiting);
  });

  it("when the storage closes, then each store's inbox is in its own file and no journal is left", async () => {
    const storage = await open();
    const storeId = aStoreId();
    const events = [anInboxEvent(storeId), anInboxEvent(storeId)];
    for (const event of events) await storage.inbox.add(storeId, event);
    await data.close(storage);

    expect(await readdir(data.path("stores"))).toEqual([`${storeId}.inbox.json`]);
    expect(await readJson(inboxFile(storeId))).toEqual({ version: 1, storeId, seq: 2, events });
    const reopened = await open();
    expect(await reopened.inbox.counts(storeId)).toEqual({ pending: 2, done: 0, failed: 0 });
  });

  it("when a store file written before the inbox had its own file holds queued events, then they are read, moved to the inbox's file at once, and kept when the store is next written", async () => {
    const storage = await open();
    const storeId = aStoreId();
    await insertMember(storage, storeId);
    const events = [anInboxEvent(storeId), anInboxEvent(storeId, { receivedAt: minutesAfter(1) })];
    for (const event of events) await storage.inbox.add(storeId, event);
    await data.close(storage);
    // As an older version wrote it: the events in the store file, no inbox file.
    await writeFile(storeFile(storeId), JSON.stringify({ ...(await readJson(storeFile(storeId))), inbox: events }));
    await rm(inboxFile(storeId));

    const upgraded = await open();
    expect(await upgraded.inbox.counts(storeId)).toEqual({ pending: 2, done: 0, failed: 0 });
    expect((await readJson(inboxFile(storeId))).events).toEqual(events);
    await insertMember(upgraded, storeId);
    expect(await readJson(storeFile(storeId))).toMatchObject({ inbox: [] });
    const reopened = await open();
    expect(await reopened.inbox.counts(storeId)).toEqual({ pending: 2, done: 0, failed: 0 });
  });

  it("when the files are read for the move to PostgreSQL after a kill, then each store's inbox holds its own file's events and its journal's", async () => {
    const first = await open();
    const [storeId, journalOnly] = [aStoreId(), aStoreId()];
    await insertMember(first, storeId);
    const events = [anInboxEvent(storeId), anInboxEvent(journalOnly), anInboxEvent(storeId, { receivedAt: minutesAfter(1) })];
    await first.inbox.add(storeId, events[0]!);
    await data.close(first);
    const second = await open();
    await second.inbox.add(journalOnly, events[1]!);
    await second.inbox.add(storeId, events[2]!);
    await second.inbox.complete(storeId, events[0]!.eventId, new Date(minutesAfter(2)));

    const files = lowdbFiles(data.path());
    expect((await files.storeIds()).sort()).toEqual([storeId, journalOnly].sort());
    expect((await files.store(storeId)).inbox).toEqual([{ ...events[0], status: "done", processedAt: minutesAfter(2) }, events[2]]);
    expect((await files.store(journalOnly)).inbox).toEqual([events[1]]);
  });

  it("when a store's data is purged, then its inbox's files go too and nothing brings its events back", async () => {
    const storage = await open();
    const storeId = aStoreId();
    await storage.inbox.add(storeId, anInboxEvent(storeId));
    await data.close(storage);
    const again = await open();
    await again.inbox.add(storeId, anInboxEvent(storeId));
    await again.purgeStoreData(storeId);
    expect(await readdir(data.path("stores"))).toEqual([]);
    const reopened = await open();
    expect(await reopened.inbox.counts(storeId)).toEqual({ pending: 0, done: 0, failed: 0 });
  });
});
