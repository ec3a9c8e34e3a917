import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startScheduledJobs } from "../../server/jobs/scheduled-jobs.js";
import { manualClock } from "../../server/lib/clock.js";
import type { Overview } from "../../server/modules/insights/overview-schema.js";
import { createMemoryStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { createTestDatabase, postgresSkipReason, type TestDatabase } from "../support/postgres.js";
import { CODE, DAY_MS, referralShop } from "../support/referral-shop.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

const skipReason = await postgresSkipReason("the overview on PostgreSQL");
let database: TestDatabase | undefined;
beforeAll(async () => {
  if (!skipReason) database = await createTestDatabase("insights_overview");
});
afterAll(() => database?.drop());

const adapters: [string, () => Promise<Storage>, boolean][] = [
  ["lowdb", () => createMemoryStorage(), false],
  ["PostgreSQL", () => createPostgresStorage({ databaseUrl: database!.url }), true],
];

const T0 = "2026-03-05T10:00:00.000Z";
const FIVE_OFF = { id: "rw_five", name: "$5 off", kind: "amount_off", costPoints: 100, amountMinor: 500 };
// 4 cents a point: worth less than FIVE_OFF's 5, so it does not set the point's value.
const EIGHT_OFF = { id: "rw_eight", name: "$8 off", kind: "amount_off", costPoints: 200, amountMinor: 800 };
const SURVEY = { id: "ch_nps", title: "How likely are you to recommend us?", points: 20, goal: { kind: "survey" } };

describe.each(adapters)("the overview on %s", (_name, openStorage, needsPostgres) => {
  const clock = manualClock(T0);
  let app: TestApp;

  beforeEach(async (context) => {
    if (needsPostgres && skipReason) return context.skip();
    clock.set(T0);
    app = await startTestApp({ clock, storage: await openStorage() });
  });
  afterEach(() => app?.close());

  /**
   * Amsterdam, 1 point per $1, points expire after a month without earning. On 5 March: Ana pays $40, Ben $30 (refunded the
   * same day), a shopper with no email $25, Lena $50 with Maya's code (10% off: $45) and Maya's referral pays 500; Ana
   * answers the survey 9 and Lena 3 (20 points each); Dora only signs in. On 6 March Ana pays $60 more and redeems $5 off
   * (100 points). On 14 April every balance expires (Ana 20, Lena 65, Maya 500) and the merchant gives Ben 70.
   */
  async function seededShop() {
    const shop = await referralShop(app, clock, {
      referrals: { holdDays: 0 },
      program: { rewards: [EIGHT_OFF, FIVE_OFF], challenges: [SURVEY], expiry: { mode: "inactivity", months: 1, warnDays: 3 } } as never,
    });
    const { storeId } = shop;
    const api = (path: string) => `/api/storefront/${storeId}${path}`;
    const signIn = async (email: string) => {
      await app.http.post(api("/session/start"), { email });
      const verified = await app.http.post(api("/session/verify"), { email, code: app.mail.codeFor(email) });
      expect(verified.status).toBe(200);
      return bearer(verified.data.token as string);
    };
    const paid = (email: string, subtotal: number) => shop.order({ email, customerId: null, subtotal, total: subtotal });

    await paid("ana@example.com", 40);
    const bens = await paid("ben@example.com", 30);
    await shop.refund(bens.id);
    await paid("", 25);
    await shop.order({ email: "lena@example.com", couponCode: CODE });
    expect(await shop.job()).toMatchObject({ paid: 1 });
    const ana = await signIn("ana@example.com");
    expect((await app.http.post(api("/challenges/ch_nps/complete"), { answer: { score: 9 } }, ana)).status).toBe(200);
    const lena = await signIn("lena@example.com");
    expect((await app.http.post(api("/challenges/ch_nps/complete"), { answer: { score: 3, comment: "Slow" } }, lena)).status).toBe(200);
    await signIn("dora@example.com");
    clock.advance(DAY_MS);
    await paid("ana@example.com", 60);
    const redeemed = await app.http.post(api("/rewards/rw_five/redeem"), {}, ana);
    expect(redeemed.status, JSON.stringify(redeemed.data)).toBe(201);

    clock.set("2026-04-14T10:00:00.000Z");
    const jobs = startScheduledJobs(app.container);
    await jobs.stop();
    const admin = await shop.admin();
    const ben = (await app.http.get("/api/admin/members", { ...admin, params: { email: "ben@example.com" } })).data.items[0].id;
    expect((await app.http.post(`/api/admin/members/${ben}/adjustments`, { points: 70, reason: "Sorry for the wait" }, admin)).status).toBe(201);
    const overview = async (from: string, to: string) => {
      const response = await app.http.get("/api/admin/insights/overview", { ...admin, params: { from, to } });
      expect(response.status, JSON.stringify(response.data)).toBe(200);
      return response.data as Overview;
    };
    return { ...shop, overview, admin };
  }

  it("when a store was seeded through webhooks, the widget and the dashboard, then the overview of March and April equals the figures by hand", async () => {
    const shop = await seededShop();
    const overview = await shop.overview("2026-03-01", "2026-04-30");
    expect((await shop.ledger()).entries.map((entry) => [entry.kind, entry.delta])).toEqual([
      ["expire", -500],
      ["earn_referral", 500],
    ]);

    expect(overview.range).toMatchObject({ from: "2026-03-01", to: "2026-04-30", timeZone: "Europe/Amsterdam", bucket: "day" });
    expect(overview.range.labels).toHaveLength(61);
    expect(overview.currency).toEqual({ code: "USD", precision: 2 });
    // Maya (the fixture's ambassador) joined on 1 March, Ana, Ben, Lena and Dora on 5 March; all but Dora earned or ordered.
    expect(overview.members).toEqual({ total: 5, joined: 5, active: 4 });
    // Issued: Ana 40 + 60, Ben 30, Lena 45, Maya 500, two survey answers 20 each, Ben's 70 by hand = 785.
    expect(overview.points).toEqual({ issued: 785, takenBack: 30, redeemed: 100, expired: 585, imported: 0, outstanding: 70 });
    // The best money a point buys: $5 for 100 points, 5 cents; Ben's 70 points are worth $3.50.
    expect(overview.liability).toEqual({ minor: 350, pointValue: { rewardId: "rw_five", rewardName: "$5 off", minor: 500, points: 100 } });
    // Ana's $40 and $60 and Lena's $45 by members (Ben's was refunded); $25 with no member.
    const members = { orders: 3, revenueMinor: 14_500, customers: 2, repeatCustomers: 1, averageOrderMinor: 4833, spendPerCustomerMinor: 7250 };
    const guests = { orders: 1, revenueMinor: 2500, customers: null, repeatCustomers: null, averageOrderMinor: 2500, spendPerCustomerMinor: null };
    expect(overview.orders).toEqual({ members, guests });
    expect(overview.lifetime).toEqual({ members, guests });
    expect(overview.referrals).toEqual({ friends: 1, revenueMinor: 4500 });
    expect(overview.nps).toEqual({ promoters: 1, passives: 0, detractors: 1, answers: 2, score: 0 });
    expect(overview.topChallenges).toEqual([{ challengeId: "ch_nps", title: SURVEY.title, completions: 2, points: 40 }]);
    expect(overview.topRewards).toEqual([{ rewardId: "rw_five", name: "$5 off", redemptions: 1, points: 100 }]);
    expect(overview.topAmbassadors).toEqual([{ memberId: shop.ambassadorId, email: "maya@example.com", name: null, friends: 1, revenueMinor: 4500 }]);

    // 5 March is the 5th day, 6 March the 6th, 14 April the 45th.
    const only = (entries: [number, number][]) => Array.from({ length: 61 }, (_, index) => entries.find(([at]) => at === index)?.[1] ?? 0);
    expect(overview.series).toEqual({
      joined: only([
        [0, 1],
        [4, 4],
      ]),
      issued: only([
        [4, 40 + 30 + 45 + 500 + 40],
        [5, 60],
        [44, 70],
      ]),
      redeemed: only([[5, 100]]),
      // The expiry job ran on 14 April: it books what expired then.
      expired: only([[44, 585]]),
      memberRevenueMinor: only([
        [4, 8500],
        [5, 6000],
      ]),
      guestRevenueMinor: only([[4, 2500]]),
    });
  });

  it("when starting balances were imported from a CSV, then they are their own figure: not issued, and no member is active for them", async () => {
    const shop = await seededShop();
    const csv = "email,points\nana@example.com,50\nzoe@example.com,300\n";
    const imported = await app.http.post("/api/admin/import/members", csv, {
      headers: { ...shop.admin.headers, "Content-Type": "text/csv" },
      transformRequest: (body: unknown) => body,
    });
    expect(imported.data).toMatchObject({ applied: true, created: 1, pointsAdded: 350 });

    const april = await shop.overview("2026-04-01", "2026-04-30");
    // Ben's 70 by hand is still the only point issued in April; Ana and Zoe moved no point themselves.
    expect(april.points).toEqual({ issued: 70, takenBack: 0, redeemed: 0, expired: 585, imported: 350, outstanding: 420 });
    expect(april.members).toEqual({ total: 6, joined: 1, active: 1 });
    expect(april.series.issued.reduce((a, b) => a + b, 0)).toBe(70);
  });

  it("when the range is one day, then only that day's orders and points count, and the members who joined before it are in the total", async () => {
    const shop = await seededShop();
    const overview = await shop.overview("2026-03-06", "2026-03-06");

    expect(overview.members).toEqual({ total: 5, joined: 0, active: 1 });
    expect(overview.points).toEqual({ issued: 60, takenBack: 0, redeemed: 100, expired: 0, imported: 0, outstanding: 70 });
    expect(overview.orders.members).toEqual({ orders: 1, revenueMinor: 6000, customers: 1, repeatCustomers: 0, averageOrderMinor: 6000, spendPerCustomerMinor: 6000 });
    expect(overview.orders.guests).toMatchObject({ orders: 0, revenueMinor: 0, averageOrderMinor: null });
    expect(overview.lifetime.members).toMatchObject({ orders: 3, customers: 2, repeatCustomers: 1 });
    expect(overview.nps).toMatchObject({ answers: 0, score: null });
    expect(overview.topRewards).toEqual([{ rewardId: "rw_five", name: "$5 off", redemptions: 1, points: 100 }]);
    expect([overview.topChallenges, overview.topAmbassadors]).toEqual([[], []]);
  });

  it("when a range is longer than 92 days, then the series are weekly from its first day", async () => {
    const shop = await seededShop();
    const overview = await shop.overview("2026-01-01", "2026-12-31");

    expect(overview.range.bucket).toBe("week");
    expect(overview.range.labels.slice(0, 3)).toEqual(["2026-01-01", "2026-01-08", "2026-01-15"]);
    // 5 and 6 March fall in the week from 26 February (the 9th).
    expect(overview.series.memberRevenueMinor[9]).toBe(14_500);
    expect(overview.series.issued.reduce((a, b) => a + b, 0)).toBe(785);
  });

  it("when the range is missing, backwards, too long or not a date, then 400 names the field and nothing is read", async () => {
    const shop = await seededShop();
    const ask = (params: Record<string, string>) => app.http.get("/api/admin/insights/overview", { ...shop.admin, params });

    expect((await ask({})).data).toMatchObject({ code: "validation_failed" });
    const backwards = await ask({ from: "2026-03-02", to: "2026-03-01" });
    expect(backwards.status).toBe(400);
    expect(backwards.data.issues).toEqual([expect.objectContaining({ path: ["to"], code: "too_small" })]);
    expect((await ask({ from: "2020-01-01", to: "2026-01-01" })).data.issues).toEqual([expect.objectContaining({ path: ["to"], code: "too_big" })]);
    expect((await ask({ from: "2026-02-30", to: "2026-03-01" })).status).toBe(400);
    expect((await ask({ from: "2026-03-01", to: "2026-03-02", extra: "1" })).data.issues).toEqual([expect.objectContaining({ code: "unknown_field" })]);
    for (const [from, to, field] of [
      ["9999-12-31", "9999-12-31", "from"],
      ["0050-01-01", "0050-01-31", "from"],
      ["1969-12-01", "1970-01-01", "from"],
      ["9998-12-31", "9999-01-01", "to"],
    ]) {
      const outside = await ask({ from: from!, to: to! });
      expect(outside.status, `${from}..${to}`).toBe(400);
      expect(outside.data.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: [field], code: "invalid_value", message: "must be a day from 1970 to 9998" })]));
    }
    expect((await ask({ from: "9998-12-01", to: "9998-12-31" })).status).toBe(200);
  });

  it("when a store has no members yet, then every figure is zero and nothing divides by zero", async () => {
    const { storeId } = await app.installStore({ storeId: 100_000 + Math.floor(Math.random() * 900_000_000) });
    const response = await app.http.get("/api/admin/insights/overview", { ...bearer(await app.adminToken(storeId)), params: { from: "2026-03-01", to: "2026-03-30" } });

    expect(response.status).toBe(200);
    expect(response.data).toMatchObject({
      members: { total: 0, joined: 0, active: 0 },
      points: { issued: 0, takenBack: 0, redeemed: 0, expired: 0, imported: 0, outstanding: 0 },
      liability: null,
      orders: { members: { orders: 0, averageOrderMinor: null, spendPerCustomerMinor: null }, guests: { orders: 0, averageOrderMinor: null } },
      nps: { answers: 0, score: null },
    });
    expect(response.data.series.issued).toEqual(new Array(30).fill(0));
  });
});

describe("the overview on PostgreSQL under load", () => {
  let app: TestApp;
  let locker: pg.Client;

  beforeEach(async (context) => {
    if (skipReason) return context.skip();
    app = await startTestApp({ storage: await createPostgresStorage({ databaseUrl: database!.url, overviewTimeoutMs: 2000 }) });
    locker = new pg.Client({ connectionString: database!.url });
    await locker.connect();
  });
  afterEach(async () => {
    await locker?.end();
    await app?.close();
  });

  it("when an overview is still summing, then a second one for the store is refused (429, Retry-After), and one past its statement timeout answers 503", async () => {
    const { storeId } = await app.installStore({ storeId: 100_000 + Math.floor(Math.random() * 900_000_000) });
    const admin = bearer(await app.adminToken(storeId));
    const ask = () => app.http.get("/api/admin/insights/overview", { ...admin, params: { from: "2026-03-01", to: "2026-03-30" } });
    // A migration-like lock holds the ledger, so the overview's first statement waits on it.
    await locker.query("BEGIN; LOCK TABLE ledger_entries IN ACCESS EXCLUSIVE MODE");

    const first = ask();
    const waiting = "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'";
    await expect.poll(async () => (await locker.query(waiting)).rows[0].n, { timeout: 10_000 }).toBe(1);
    const second = await ask();
    expect(second.status).toBe(429);
    expect(second.headers["retry-after"]).toBe("1");
    expect(second.data).toMatchObject({ code: "rate_limited" });

    const stopped = await first;
    expect(stopped.status).toBe(503);
    expect(stopped.data).toEqual({ code: "timed_out", message: expect.stringContaining("longer than 2 s") });
    await locker.query("ROLLBACK");
    expect((await ask()).status).toBe(200);
  });
});
