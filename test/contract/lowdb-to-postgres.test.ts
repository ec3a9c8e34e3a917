import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { BackfillJob } from "../../server/modules/orders/backfill-job.js";
import { defaultProgramSettings } from "../../server/modules/settings/program-settings.js";
import { createLowdbStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { createTestDatabase, postgresSkipReason, type TestDatabase } from "../support/postgres.js";
import { aMemberReferral, aReferral } from "../support/referral-fixtures.js";
import { aMemberTier, aTierChange } from "../support/tier-fixtures.js";
import { aLedgerEntry, anAuditEntry, anInboxEvent, anInstall, aStoreId, minutesAfter } from "../support/storage-fixtures.js";
import { insertMember } from "./contract-harness.js";
import { aRedemption } from "./redemptions.contract.js";

const skipReason = await postgresSkipReason("lowdb to postgres migration tests");
if (skipReason) console.log(skipReason);

const run = promisify(execFile);
const migrateCommand = (...args: string[]) =>
  run(process.execPath, ["--import", "tsx", "scripts/migrate-lowdb-to-postgres.ts", ...args], { cwd: join(import.meta.dirname, "../..") });

/** Fills one store with a bit of everything, the way the app would. */
async function seedStore(storage: Storage, storeId: number) {
  await storage.installs.save(storeId, anInstall(storeId));
  const code = `ANN-${storeId}`;
  const ann = await insertMember(storage, storeId, {
    email: "Ann@Shopper.example",
    customerId: 11,
    createdAt: minutesAfter(1),
    referral: aMemberReferral({ code, coupon: { ecwidId: 3, offerKey: "k", active: true, syncedAt: minutesAfter(1) }, clicks: { x: 2 }, friendsOrdered: 1, pending: 1 }),
    tier: aMemberTier({ tierId: "tr_gold", reviewAt: minutesAfter(500) }),
  });
  await storage.referralCodes.claim(code, storeId, ann.id);
  const bob = await insertMember(storage, storeId, { email: null, customerId: null, createdAt: minutesAfter(2) });
  const job: BackfillJob = {
    id: "bf_1",
    storeId,
    from: "2026-01-01",
    to: "2026-01-31",
    status: "done",
    total: 3,
    processed: 3,
    credited: 2,
    error: null,
    startedAt: minutesAfter(0),
    updatedAt: minutesAfter(1),
    actor: "owner@shop.example",
  };
  await storage.transaction(storeId, async (tx) => {
    await tx.ledger.append(
      storeId,
      aLedgerEntry(storeId, ann.id, {
        delta: 40,
        kind: "earn_order",
        source: { type: "order", id: "A1" },
        idempotencyKey: "order:A1:earn",
        basis: { amountMinor: 4000, rate: 1 },
        createdAt: minutesAfter(3),
      }),
    );
    await tx.ledger.append(
      storeId,
      aLedgerEntry(storeId, ann.id, { delta: -15, kind: "reverse", source: { type: "order", id: "A1" }, idempotencyKey: "order:A1:reverse:1", createdAt: minutesAfter(4) }),
    );
    await tx.ledger.append(storeId, aLedgerEntry(storeId, bob.id, { delta: 7, createdAt: minutesAfter(5) }));
    await tx.audit.append(storeId, anAuditEntry(storeId, { details: { points: 7, nested: { ok: true } } }));
    await tx.orders.save(storeId, {
      orderId: "A1",
      internalId: 9001,
      storeId,
      memberId: ann.id,
      paymentStatus: "PARTIALLY_REFUNDED",
      counted: true,
      eligibleMinor: 2500,
      items: [{ productId: 7, categoryId: 0, quantity: 3 }],
      placedAt: minutesAfter(3),
      revision: 17,
      updatedAt: minutesAfter(4),
    });
    await tx.settings.save(storeId, defaultProgramSettings(2));
    await tx.backfills.save(storeId, job);
    await tx.measurements.save(storeId, {
      id: "pm_1",
      storeId,
      challengeIds: ["ch_five"],
      status: "done",
      total: 2,
      measured: 2,
      paidMembers: 1,
      paidPoints: 50,
      startedAt: minutesAfter(6),
      updatedAt: minutesAfter(7),
      actor: "owner@shop.example",
    });
    await tx.signInCodes.insert(storeId, {
      id: "sic_1",
      storeId,
      email: "ann@shopper.example",
      codeHash: "hash",
      expiresAt: minutesAfter(30),
      attempts: 1,
      consumedAt: null,
      createdAt: minutesAfter(20),
    });
    await tx.redemptions.insert(
      storeId,
      aRedemption(storeId, { memberId: ann.id, status: "issued", checkAfter: null, coupon: { code: "QL-A", expiresAt: minutesAfter(90), ecwidId: 7 } }),
    );
    await tx.redemptions.insert(storeId, aRedemption(storeId, { memberId: ann.id, requestKey: "key-1", checks: 2, createdAt: minutesAfter(8) }));
    await tx.referrals.insert(
      storeId,
      aReferral(storeId, {
        ambassadorId: ann.id,
        code,
        friendMemberId: bob.id,
        friendCustomerId: 12,
        channel: "x",
        status: "held",
        payableAt: minutesAfter(60),
        signals: [{ kind: "paid_ads", severity: "low", detail: "gclid" }],
      }),
    );
    await tx.tierChanges.append(storeId, aTierChange(storeId, ann.id, { toTierId: "tr_gold", details: { amount: 12_000, metric: "spend" } }));
    await tx.apiKeys.insert(storeId, {
      id: "key_0123456789abcdef",
      storeId,
      name: "Spreadsheet",
      scope: "write",
      hash: "cd".repeat(32),
      lastFour: "wxyz",
      createdAt: minutesAfter(3),
      createdBy: "owner@shop.example",
      lastUsedAt: minutesAfter(4),
    });
    await tx.redemptions.insert(
      storeId,
      aRedemption(storeId, { memberId: bob.id, status: "fulfilled", coupon: null, valueMinor: null, checkAfter: null, fulfilledBy: "owner@shop.example" }),
    );
  });
  const done = anInboxEvent(storeId, { receivedAt: minutesAfter(1) });
  const pending = anInboxEvent(storeId, { receivedAt: minutesAfter(2), data: null });
  await storage.inbox.add(storeId, done);
  await storage.inbox.add(storeId, pending);
  await storage.inbox.claimNext(new Date(minutesAfter(1)), 60_000);
  await storage.inbox.complete(storeId, done.eventId, new Date(minutesAfter(1)));
  await storage.receipts.remember({ eventId: done.eventId, storeId, fingerprint: "fp", receivedAt: minutesAfter(1) });
  return { members: [ann, bob], events: [done, pending], code };
}

/** Everything the port can read of a store, to compare one adapter with the other. */
async function readStore(storage: Storage, storeId: number, seeded: Awaited<ReturnType<typeof seedStore>>) {
  const books = await storage.transaction(storeId, async (tx) => ({
    members: await tx.members.list(storeId, { limit: 100, offset: 0 }),
    ledger: await Promise.all(seeded.members.map((member) => tx.ledger.listForMember(storeId, member.id, { limit: 100, offset: 0 }))),
    sums: await Promise.all(seeded.members.map((member) => tx.ledger.sumEntries(storeId, member.id))),
    bySource: await tx.ledger.listBySource(storeId, { type: "order", id: "A1" }),
    audit: await tx.audit.list(storeId, { limit: 100, offset: 0 }),
    order: await tx.orders.get(storeId, "A1"),
    settings: await tx.settings.get(storeId),
    backfills: await tx.backfills.list(storeId, 10),
    measurements: await tx.measurements.list(storeId, 10),
    code: await tx.signInCodes.latestActive(storeId, "ann@shopper.example", new Date(minutesAfter(21))),
    redemptions: await tx.redemptions.page(storeId, { limit: 100, offset: 0 }),
    due: await tx.redemptions.due(storeId, minutesAfter(100), 10),
    referrals: await tx.referrals.page(storeId, { limit: 100, offset: 0 }),
    referralsDue: await tx.referrals.due(storeId, minutesAfter(100), 10),
    ambassador: await tx.members.findByReferralCode(storeId, seeded.code),
    tierChanges: await tx.tierChanges.listForMember(storeId, seeded.members[0]!.id, 10),
    apiKeys: await tx.apiKeys.list(storeId),
  }));
  return {
    ...books,
    install: await storage.installs.get(storeId),
    events: await Promise.all(seeded.events.map((event) => storage.inbox.get(storeId, event.eventId))),
    counts: await storage.inbox.counts(storeId),
    receipt: await storage.receipts.find(seeded.events[0]!.eventId),
    referralCode: await storage.referralCodes.find(seeded.code),
  };
}

describe.skipIf(skipReason !== null)("moving a store from lowdb files to PostgreSQL", () => {
  let database: TestDatabase;
  let dataDir: string;
  const opened: Storage[] = [];
  const openPostgres = async () => {
    const storage = await createPostgresStorage({ databaseUrl: database.url });
    opened.push(storage);
    return storage;
  };

  beforeAll(async () => {
    database = await createTestDatabase("lowdb_move");
  });
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "questline-move-"));
  });
  afterEach(async () => {
    for (const storage of opened.splice(0)) await storage.close();
    await database.truncate();
    await rm(dataDir, { recursive: true, force: true });
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("when the command runs, twice, then PostgreSQL serves exactly what the files did, with progress printed and nothing doubled", async () => {
    const storeIds = [aStoreId(), aStoreId()].sort((a, b) => a - b);
    const lowdb = await createLowdbStorage({ dataDir });
    const seeded = [await seedStore(lowdb, storeIds[0]!), await seedStore(lowdb, storeIds[1]!)];
    const expected = [await readStore(lowdb, storeIds[0]!, seeded[0]!), await readStore(lowdb, storeIds[1]!, seeded[1]!)];
    await lowdb.close();

    const first = await migrateCommand("--data-dir", dataDir, "--database-url", database.url);
    const second = await migrateCommand("--data-dir", dataDir, "--database-url", database.url);

    expect(first.stdout).toContain(`store ${storeIds[0]} (1/2): 2 members, 3 ledger entries, 2 inbox events`);
    expect(first.stdout).toContain(`store ${storeIds[1]}: copied and verified`);
    expect(first.stdout).toContain("done: 2 of 2 stores copied");
    expect(second.stdout).toContain("done: 2 of 2 stores copied");
    const postgres = await openPostgres();
    expect(await readStore(postgres, storeIds[0]!, seeded[0]!)).toEqual(expected[0]);
    expect(await readStore(postgres, storeIds[1]!, seeded[1]!)).toEqual(expected[1]);
    const member = seeded[0]!.members[0]!;
    const appended = await postgres.transaction(storeIds[0]!, (tx) => tx.ledger.append(storeIds[0]!, aLedgerEntry(storeIds[0]!, member.id, { idempotencyKey: "order:A1:earn" })));
    expect(appended).toMatchObject({ created: false, balance: 25 });
  }, 60_000);

  it("when one store is named, then only that store, its install and its receipts are copied", async () => {
    const [wanted, other] = [aStoreId(), aStoreId()];
    const lowdb = await createLowdbStorage({ dataDir });
    const seeded = await seedStore(lowdb, wanted);
    await seedStore(lowdb, other);
    await lowdb.close();

    const { stdout } = await migrateCommand("--data-dir", dataDir, "--database-url", database.url, "--store", String(wanted));

    expect(stdout).toContain("done: 1 of 1 stores copied");
    const postgres = await openPostgres();
    expect(await postgres.installs.get(wanted)).not.toBeNull();
    expect(await postgres.installs.get(other)).toBeNull();
    expect(await postgres.receipts.find(seeded.events[0]!.eventId)).not.toBeNull();
    expect(await postgres.transaction(other, (tx) => tx.members.list(other, { limit: 10, offset: 0 }))).toEqual({ total: 0, items: [] });
    expect(await postgres.inbox.counts(other)).toEqual({ pending: 0, done: 0, failed: 0 });
  }, 60_000);

  it("when the app was killed before it folded receipts.log into receipts.json, then the receipts in the log are copied too", async () => {
    const storeId = aStoreId();
    const lowdb = await createLowdbStorage({ dataDir });
    const seeded = await seedStore(lowdb, storeId);
    const receipts = JSON.parse(await readFile(join(dataDir, "receipts.json"), "utf8").catch(() => '{"receipts":{}}')) as { receipts: Record<string, unknown> };
    expect(receipts.receipts[seeded.events[0]!.eventId]).toBeUndefined(); // only in receipts.log, as after a kill

    await migrateCommand("--data-dir", dataDir, "--database-url", database.url);
    await lowdb.close();

    const postgres = await openPostgres();
    expect(await postgres.receipts.find(seeded.events[0]!.eventId)).toMatchObject({ storeId, fingerprint: "fp" });
  }, 60_000);

  it("when a store's cached balance does not match its entries, then that store is not copied, the others are, and the command fails", async () => {
    const [broken, fine] = [aStoreId(), aStoreId()].sort((a, b) => a - b);
    const lowdb = await createLowdbStorage({ dataDir });
    const seeded = await seedStore(lowdb, broken!);
    await seedStore(lowdb, fine!);
    await lowdb.close();
    const path = join(dataDir, "stores", `${broken}.json`);
    const doc = JSON.parse(await readFile(path, "utf8")) as { members: { balance: number }[] };
    doc.members[0]!.balance = 999;
    await writeFile(path, JSON.stringify(doc));

    const failure = await migrateCommand("--data-dir", dataDir, "--database-url", database.url).then(
      () => null,
      (error: { code: number; stdout: string }) => error,
    );

    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toContain(`store ${broken}: NOT copied`);
    expect(failure?.stdout).toContain(`member ${seeded.members[0]!.id}: balance 999 but its entries sum to 25`);
    const postgres = await openPostgres();
    expect((await postgres.transaction(broken!, (tx) => tx.members.list(broken!, { limit: 10, offset: 0 }))).total).toBe(0);
    expect((await postgres.transaction(fine!, (tx) => tx.members.list(fine!, { limit: 10, offset: 0 }))).total).toBe(2);
    expect(await postgres.installs.get(broken!)).toBeNull();
    expect(await postgres.installs.get(fine!)).not.toBeNull();
  }, 60_000);
});
