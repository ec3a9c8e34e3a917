import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { manualClock } from "../../server/lib/clock.js";
import { createLowdbStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { createTestDatabase, postgresSkipReason, type TestDatabase } from "../support/postgres.js";
import { CODE, DAY_MS, referralShop } from "../support/referral-shop.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

const skipReason = await postgresSkipReason("referral payouts on PostgreSQL");
if (skipReason) console.log(skipReason);

let database: TestDatabase | undefined;
beforeAll(async () => {
  if (!skipReason) database = await createTestDatabase("referral_payouts");
});
afterAll(async () => {
  await database?.drop();
});

let dataDir: string | undefined;
const adapters: [string, () => Promise<Storage>, boolean][] = [
  ["lowdb", async () => createLowdbStorage({ dataDir: (dataDir = await mkdtemp(path.join(tmpdir(), "questline-referrals-"))) }), false],
  ["postgres", () => createPostgresStorage({ databaseUrl: database!.url }), true],
];

const clock = manualClock();
let app: TestApp;

describe.each(adapters)("a friend's order pays the ambassador, on %s", (_name, openStorage, needsPostgres) => {
  beforeEach(async (context) => {
    if (needsPostgres && skipReason) return context.skip();
    clock.set("2026-03-05T10:00:00Z");
    app = await startTestApp({ clock, storage: await openStorage() });
  });
  afterEach(async () => {
    await app?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    dataDir = undefined;
  });

  it("when a friend pays with the code as coupon, then the referral is held 14 days, pays nothing before and 500 points after, once", async () => {
    const shop = await referralShop(app, clock);
    const order = await shop.order({ email: "lena@example.com", couponCode: CODE.toLowerCase() });

    expect(await shop.referralOf(order.id)).toMatchObject({ status: "checking", via: "coupon", code: CODE, friendEmail: "lena@example.com", eligibleMinor: 4500 });
    expect(await shop.job()).toEqual({ held: 1, review: 0, rejected: 0, paid: 0 });
    const held = await shop.referralOf(order.id);
    expect(held).toMatchObject({ status: "held", reason: null, signals: [], payableAt: new Date(Date.parse("2026-03-05T10:00:00Z") + 14 * DAY_MS).toISOString() });
    expect((await shop.ambassador()).referral).toMatchObject({ friendsOrdered: 1, pending: 1, paid: 0 });

    shop.later(13.9);
    expect(await shop.job()).toEqual({ held: 0, review: 0, rejected: 0, paid: 0 });
    expect((await shop.ledger()).balance).toBe(0);

    shop.later(0.2);
    expect(await shop.job()).toEqual({ held: 0, review: 0, rejected: 0, paid: 1 });
    expect(await shop.job()).toEqual({ held: 0, review: 0, rejected: 0, paid: 0 });
    const { balance, entries } = await shop.ledger();
    expect(balance).toBe(500);
    expect(entries).toEqual([
      expect.objectContaining({ kind: "earn_referral", delta: 500, source: { type: "referral", id: held.id }, idempotencyKey: `referral:${held.id}:earn` }),
    ]);
    expect(await shop.referralOf(order.id)).toMatchObject({ status: "paid", points: 500, paidAt: clock.now().toISOString() });
    expect((await shop.ambassador()).referral).toMatchObject({ friendsOrdered: 1, pending: 0, paid: 1 });
    expect((await shop.audit()).map((entry) => entry.action).reverse()).toEqual(["referral.checking", "referral.held", "referral.paid"]);
  });

  it("when the code arrives only as the hidden extra field, then it is attributed with its channel and pays after the hold", async () => {
    const shop = await referralShop(app, clock);
    const order = await shop.order({ email: "lena@example.com", extraFields: { questline_ref: CODE, questline_ch: "whatsapp" } });

    expect(await shop.referralOf(order.id)).toMatchObject({ status: "checking", via: "extra_field", channel: "whatsapp" });
    await shop.job();
    shop.later(14);
    expect(await shop.job()).toMatchObject({ paid: 1 });
    expect((await shop.ledger()).balance).toBe(500);
  });

  it("when the program holds nothing (holdDays 0), then the friend's order pays in the pass that judges it", async () => {
    const shop = await referralShop(app, clock, { referrals: { holdDays: 0 } });
    const order = await shop.order({ email: "lena@example.com", couponCode: CODE });

    expect(await shop.job()).toEqual({ held: 1, review: 0, rejected: 0, paid: 1 });
    expect(await shop.referralOf(order.id)).toMatchObject({ status: "paid", points: 500 });
    expect((await shop.ledger()).balance).toBe(500);
  });

  it("when two passes of the job run at once, then each referral is judged once and paid once", async () => {
    const shop = await referralShop(app, clock, { referrals: { holdDays: 0 } });
    const orders = [await shop.order({ email: "a@example.com", couponCode: CODE }), await shop.order({ email: "b@example.com", couponCode: CODE })];

    const passes = await Promise.all([shop.job(), shop.job(), shop.job()]);

    expect(passes.reduce((sum, pass) => sum + pass.paid, 0)).toBe(2);
    expect(passes.reduce((sum, pass) => sum + pass.held, 0)).toBe(2);
    for (const order of orders) expect((await shop.referralOf(order.id)).status).toBe("paid");
    const { balance, entries } = await shop.ledger();
    expect(balance).toBe(1000);
    expect(entries).toHaveLength(2);
    expect((await shop.audit()).filter((entry) => entry.action === "referral.paid")).toHaveLength(2);
  });

  it("when the friend's order is refunded inside the hold, then the referral is cancelled as refunded and nothing is ever paid", async () => {
    const shop = await referralShop(app, clock);
    const order = await shop.order({ email: "lena@example.com", couponCode: CODE });
    await shop.job();
    shop.later(3);
    await shop.refund(order.id);

    expect(await shop.referralOf(order.id)).toMatchObject({ status: "cancelled", reason: "refunded", payableAt: null });
    shop.later(20);
    expect(await shop.job()).toMatchObject({ paid: 0 });
    expect((await shop.ledger()).balance).toBe(0);
    expect((await shop.ambassador()).referral).toMatchObject({ friendsOrdered: 1, pending: 0, paid: 0 });
  });
});
