import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startScheduledJobs } from "../../server/jobs/scheduled-jobs.js";
import { manualClock } from "../../server/lib/clock.js";
import { findOrCreateMember } from "../../server/modules/members/member.service.js";
import { PointsExpiryService } from "../../server/modules/ledger/points-expiry.service.js";
import { defaultProgramSettings } from "../../server/modules/settings/program-settings.js";
import { createMemoryStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { unitOfWork } from "../../server/storage/unit-of-work.js";
import { aRedemption } from "../contract/redemptions.contract.js";
import { booksFor } from "../support/books.js";
import { aLedgerEntry } from "../support/storage-fixtures.js";
import { createTestDatabase, postgresSkipReason, type TestDatabase } from "../support/postgres.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

const skipReason = await postgresSkipReason("points expiry on PostgreSQL");
if (skipReason) console.log(skipReason);

const T0 = "2026-01-10T09:00:00.000Z";
const at = (iso: string, ms = 0) => new Date(Date.parse(iso) + ms);
const DAY = 24 * 60 * 60 * 1000;

let database: TestDatabase | undefined;
beforeAll(async () => {
  if (!skipReason) database = await createTestDatabase("points_expiry");
});
afterAll(async () => {
  await database?.drop();
});

const adapters: [string, () => Promise<Storage>, boolean][] = [
  ["lowdb memory", () => createMemoryStorage(), false],
  ["postgres", () => createPostgresStorage({ databaseUrl: database!.url }), true],
];

describe.each(adapters)("points expiry on %s", (name, openStorage, needsPostgres) => {
  const clock = manualClock(T0);
  let app: TestApp;
  let storeId: number;

  beforeEach(async (context) => {
    if (needsPostgres && skipReason) return context.skip();
    clock.set(T0);
    app = await startTestApp({ clock, storage: await openStorage() });
    ({ storeId } = await app.installStore({ ownerEmail: "owner@shop.example" }));
  });
  afterEach(async () => {
    await app?.close();
    if (needsPostgres) await database?.truncate();
  });

  async function setExpiry(expiry: { mode: string; months: number; warnDays: number }) {
    const token = await app.adminToken(storeId);
    const current = (await app.http.get("/api/admin/settings", bearer(token))).data;
    expect((await app.http.put("/api/admin/settings", { ...current, expiry }, bearer(token))).status).toBe(200);
  }

  async function give(email: string, points: number) {
    const member = await app.container.storage.transaction(storeId, (tx) => findOrCreateMember(tx, storeId, { customerId: null, email }, clock));
    // A fresh merchant session: the clock moves past a session's life.
    const response = await app.http.post(`/api/admin/members/${member.id}/adjustments`, { points, reason: "welcome" }, bearer(await app.adminToken(storeId)));
    expect(response.status).toBe(201);
    return member.id;
  }

  async function runJobsAt(when: Date) {
    clock.set(when);
    const jobs = startScheduledJobs(app.container);
    await jobs.stop();
  }

  const expiries = async (email: string) => (await booksFor(app.container.storage, storeId, email)).entries.filter((entry) => entry.kind === "expire");

  it("when a lot reaches its months, then the job books it exactly then, once, and the later lot on its own date", async () => {
    await setExpiry({ mode: "per_lot", months: 1, warnDays: 3 });
    await give("ana@example.com", 100);
    clock.set(at(T0, 10 * DAY));
    await give("ana@example.com", 30);

    await runJobsAt(at("2026-02-10T09:00:00.000Z", -1));
    expect(await expiries("ana@example.com")).toEqual([]);

    await runJobsAt(at("2026-02-10T09:00:00.000Z"));
    await runJobsAt(at("2026-02-10T09:30:00.000Z"));
    const books = await booksFor(app.container.storage, storeId, "ana@example.com");
    expect(books.entries.filter((entry) => entry.kind === "expire")).toEqual([
      expect.objectContaining({
        delta: -100,
        source: { type: "expiry", id: `expire:${books.member!.id}:per_lot:${T0}:0` },
        basis: { rule: "per_lot", months: 1, earnedAt: T0 },
        actor: "system",
        note: "Points earned on 2026-01-10 expired after 1 month",
        createdAt: "2026-02-10T09:00:00.000Z",
      }),
    ]);
    expect([books.balance, books.summed]).toEqual([30, 30]);

    await runJobsAt(at("2026-02-20T09:00:00.000Z"));
    expect((await expiries("ana@example.com")).map((entry) => entry.delta)).toEqual([-100, -30]);
    expect((await booksFor(app.container.storage, storeId, "ana@example.com")).balance).toBe(0);
  });

  it("when a shopper earns in time, then they keep every point; one who does not loses the balance at the instant", async () => {
    await setExpiry({ mode: "inactivity", months: 1, warnDays: 3 });
    await give("ana@example.com", 100);
    await give("bo@example.com", 100);
    clock.set(at("2026-02-10T09:00:00.000Z", -1));
    await give("bo@example.com", 1);

    await runJobsAt(at("2026-02-10T09:00:00.000Z"));
    expect((await expiries("ana@example.com")).map((entry) => entry.delta)).toEqual([-100]);
    expect(await expiries("bo@example.com")).toEqual([]);
    expect((await booksFor(app.container.storage, storeId, "bo@example.com")).balance).toBe(101);
  });

  it("when points are held by a pending redemption, then only the rest expires", async () => {
    await setExpiry({ mode: "per_lot", months: 1, warnDays: 3 });
    const memberId = await give("ana@example.com", 100);
    await app.container.storage.transaction(storeId, (tx) => tx.redemptions.insert(storeId, aRedemption(storeId, { memberId, points: 60, status: "pending" })));

    await runJobsAt(at("2026-02-11T00:00:00.000Z"));
    expect((await expiries("ana@example.com")).map((entry) => entry.delta)).toEqual([-40]);
    expect((await booksFor(app.container.storage, storeId, "ana@example.com")).balance).toBe(60);
  });

  it("when a member's next expiry is within the warning days, then they are listed to warn, with the points and the date", async () => {
    await setExpiry({ mode: "per_lot", months: 1, warnDays: 3 });
    const anaId = await give("ana@example.com", 100);
    clock.set(at(T0, 5 * DAY));
    await give("bo@example.com", 50);

    const warned = async (now: Date) => (await app.container.pointsExpiry.membersToWarn(storeId, now)).items.map((item) => [item.member.id, item.points, item.at]);
    expect(await warned(at("2026-02-07T09:00:00.000Z", -1))).toEqual([]);
    expect(await warned(at("2026-02-07T09:00:00.000Z"))).toEqual([[anaId, 100, "2026-02-10T09:00:00.000Z"]]);
    expect(await warned(at("2026-02-10T09:00:00.000Z"))).toEqual([]);
  });

  it("when points lapse within the warning days, then the job emails the member once, and again only for the next lapse", async () => {
    await setExpiry({ mode: "per_lot", months: 1, warnDays: 3 });
    await give("ana@example.com", 100);
    clock.set(at(T0, 10 * DAY));
    await give("ana@example.com", 30);
    const toAna = () => app.mail.messages.filter((message) => message.to === "ana@example.com");

    await runJobsAt(at("2026-02-07T09:00:00.000Z", -1));
    expect(toAna()).toHaveLength(0);
    await runJobsAt(at("2026-02-07T09:00:00.000Z"));
    await runJobsAt(at("2026-02-08T09:00:00.000Z"));
    expect(toAna()).toHaveLength(1);
    expect(toAna()[0]!.text).toContain("100");
    expect((await booksFor(app.container.storage, storeId, "ana@example.com")).member?.expiryWarnedFor).toBe("2026-02-10T09:00:00.000Z");

    await runJobsAt(at("2026-02-17T10:00:00.000Z"));
    expect(toAna()).toHaveLength(2);
    expect(toAna()[1]!.text).toContain("30");
    expect((await expiries("ana@example.com")).map((entry) => entry.delta)).toEqual([-100]);
  });

  it("when the shopper reads /me, then it says what expires next and when, and nothing while expiry is off", async () => {
    await give("ana@example.com", 100);
    clock.set(at(T0, 10 * DAY));
    await give("ana@example.com", 30);
    await app.http.post(`/api/storefront/${storeId}/session/start`, { email: "ana@example.com" });
    const verified = await app.http.post(`/api/storefront/${storeId}/session/verify`, { email: "ana@example.com", code: app.mail.codeFor("ana@example.com") });
    const me = async () => (await app.http.get(`/api/storefront/${storeId}/me`, bearer(verified.data.token))).data.expiring;
    expect(await me()).toBeNull();

    await setExpiry({ mode: "per_lot", months: 1, warnDays: 3 });
    expect(await me()).toEqual({ points: 100, at: "2026-02-10T09:00:00.000Z" });
    await runJobsAt(at("2026-02-10T09:00:00.000Z"));
    expect(await me()).toEqual({ points: 30, at: "2026-02-20T09:00:00.000Z" });
    await setExpiry({ mode: "inactivity", months: 2, warnDays: 3 });
    expect(await me()).toEqual({ points: 30, at: "2026-03-20T09:00:00.000Z" });
  });

  it("when the member's ledger is longer than /me's snapshot brings, then /me reads it all and still names the oldest lot", async () => {
    const memberId = await give("ana@example.com", 100);
    await app.container.storage.transaction(storeId, async (tx) => {
      for (let i = 1; i <= 520; i += 1) await tx.ledger.append(storeId, aLedgerEntry(storeId, memberId, { delta: 1, createdAt: at(T0, i * 60_000).toISOString() }));
    });
    await setExpiry({ mode: "per_lot", months: 1, warnDays: 3 });
    await app.http.post(`/api/storefront/${storeId}/session/start`, { email: "ana@example.com" });
    const verified = await app.http.post(`/api/storefront/${storeId}/session/verify`, { email: "ana@example.com", code: app.mail.codeFor("ana@example.com") });
    const me = await app.http.get(`/api/storefront/${storeId}/me`, bearer(verified.data.token));
    expect(me.data.expiring).toEqual({ points: 100, at: "2026-02-10T09:00:00.000Z" });
    expect(me.data.recentLedger).toHaveLength(10);
  });

  it.runIf(name === "postgres")("when two processes run the job at once, then each lapse is booked once", async () => {
    await setExpiry({ mode: "per_lot", months: 1, warnDays: 3 });
    for (const email of ["ana@example.com", "bo@example.com", "cy@example.com"]) await give(email, 100);
    const second = await openStorage();
    try {
      const services = [app.container.storage, second].map(
        (storage) =>
          new PointsExpiryService({
            storage: unitOfWork(storage, "members", "ledger", "redemptions", "webhooks"),
            settings: { get: async () => ({ ...defaultProgramSettings(2), expiry: { mode: "per_lot", months: 1, warnDays: 3 } }) },
            clock,
            pageSize: 1,
          }),
      );
      const now = at("2026-03-01T00:00:00.000Z");
      const runs = await Promise.all([...services, ...services].map((service) => service.expireStore(storeId, now)));
      expect(runs.reduce((sum, run) => sum + run.entries, 0)).toBe(3);
      for (const email of ["ana@example.com", "bo@example.com", "cy@example.com"]) {
        expect((await expiries(email)).map((entry) => entry.delta)).toEqual([-100]);
        expect((await booksFor(app.container.storage, storeId, email)).balance).toBe(0);
      }
    } finally {
      await second.close();
    }
  });
});
