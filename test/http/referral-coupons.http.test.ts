import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMemoryStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { createTestDatabase, postgresSkipReason, type TestDatabase } from "../support/postgres.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

const skipReason = await postgresSkipReason("referral coupons on PostgreSQL");
if (skipReason) console.log(skipReason);

let database: TestDatabase | undefined;
beforeAll(async () => {
  if (!skipReason) database = await createTestDatabase("referral_coupons");
});
afterAll(async () => {
  await database?.drop();
});

const adapters: [string, () => Promise<Storage>, boolean][] = [
  ["lowdb", () => createMemoryStorage(), false],
  ["postgres", () => createPostgresStorage({ databaseUrl: database!.url }), true],
];

let app: TestApp;
let running: TestApp | undefined;
let storeId: number;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

const api = (path: string) => `/api/storefront/${storeId}${path}`;
const onCreate = { method: "POST", path: "/discount_coupons" };
/** One pass of the coupon job over this store. */
const sync = () => app.container.referralCoupons.syncStore(storeId);

async function referrals(changes: Record<string, unknown> = {}) {
  const body = { enabled: true, friendOffer: { kind: "amount_off", amountMinor: 1000, minOrderMinor: 5000 }, ...changes };
  const saved = await app.http.put("/api/admin/program/referrals", body, bearer(await app.adminToken(storeId)));
  expect(saved.status).toBe(200);
}

/** A verified shopper who read /me once, so their code is issued. */
async function ambassador(email: string) {
  await app.http.post(api("/session/start"), { email });
  const token = (await app.http.post(api("/session/verify"), { email, code: app.mail.codeFor(email) })).data.token as string;
  const code = (await app.http.get(api("/me"), bearer(token))).data.referral.code as string;
  return { token, code };
}

const memberOf = (code: string) => app.container.storage.read(storeId, (tx) => tx.members.findByReferralCode(storeId, code));
const couponsOf = (code: string) => app.emulator.getCoupons(storeId).filter((coupon) => coupon.code === code);

async function setBlocked(code: string, blocked: boolean) {
  await app.container.storage.transaction(storeId, async (tx) => {
    const member = (await tx.members.findByReferralCode(storeId, code))!;
    const referral = { ...member.referral!, blocked: blocked ? { at: "2026-03-01T00:00:00.000Z", by: "owner@shop.example", reason: "spam" } : null };
    await tx.members.update(storeId, { ...member, referral });
  });
}

describe.each(adapters)("ambassadors' codes as Ecwid coupons on %s", (_name, openStorage, needsPostgres) => {
  beforeEach(async (context) => {
    if (needsPostgres && skipReason) return context.skip();
    // A short wait for Ecwid, so a lost answer is a timeout within the test.
    app = running = await startTestApp({ ecwidTimeoutMs: 300, storage: await openStorage() });
    ({ storeId } = await app.installStore({ storeId: 100_000 + Math.floor(Math.random() * 900_000_000), storeName: "Alpine Gear", lang: "en" }));
  });

  it("when an ambassador has a code, then the job makes its coupon once with the friend's offer, for new customers once each, never expiring, and /me says it is ready", async () => {
    await referrals();
    const { token, code } = await ambassador("maya@example.com");
    expect((await app.http.get(api("/me"), bearer(token))).data.referral.couponReady).toBe(false);

    expect(await sync()).toBe(1);
    expect(await sync()).toBe(0);

    const made = couponsOf(code);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({
      name: `Alpine Gear: friend of ${code}`,
      discountType: "ABS",
      discount: 10,
      totalLimit: 50,
      status: "ACTIVE",
      usesLimit: "ONCEPERCUSTOMER",
      applicationLimit: "NEW_CUSTOMER_ONLY",
    });
    expect(made[0]!.expirationDate).toBeUndefined();
    expect((await memberOf(code))?.referral?.coupon).toMatchObject({ ecwidId: made[0]!.id, offerKey: "amount_off:1000:5000", active: true });
    expect((await app.http.get(api("/me"), bearer(token))).data.referral.couponReady).toBe(true);
  });

  it("when the merchant changes the friend's offer, then the same coupon is rewritten with the new terms", async () => {
    await referrals();
    const { code } = await ambassador("maya@example.com");
    await sync();
    const { id } = couponsOf(code)[0]!;

    await referrals({ friendOffer: { kind: "percent_off", percent: 15, minOrderMinor: 0 } });
    expect(await sync()).toBe(1);

    expect(couponsOf(code)).toEqual([expect.objectContaining({ id, discountType: "PERCENT", discount: 15, totalLimit: 0, status: "ACTIVE" })]);
    expect((await memberOf(code))?.referral?.coupon).toMatchObject({ ecwidId: id, offerKey: "percent_off:15:0", active: true });
    await referrals({ friendOffer: { kind: "free_shipping", minOrderMinor: 2500 } });
    await sync();
    expect(couponsOf(code)).toEqual([expect.objectContaining({ id, discountType: "SHIPPING", discount: 0, totalLimit: 25 })]);
  });

  it("when an ambassador is blocked, then their coupon is paused, and unblocked it is active again; a program turned off pauses every coupon", async () => {
    await referrals();
    const maya = await ambassador("maya@example.com");
    const bo = await ambassador("bo@example.com");
    await sync();

    await setBlocked(maya.code, true);
    expect(await sync()).toBe(1);
    expect(couponsOf(maya.code)[0]?.status).toBe("PAUSED");
    expect(couponsOf(bo.code)[0]?.status).toBe("ACTIVE");
    expect((await app.http.get(api("/me"), bearer(maya.token))).data.referral).toMatchObject({ blocked: true, couponReady: false });

    await setBlocked(maya.code, false);
    await sync();
    expect(couponsOf(maya.code)[0]?.status).toBe("ACTIVE");

    await referrals({ enabled: false });
    expect(await sync()).toBe(2);
    expect([couponsOf(maya.code)[0]?.status, couponsOf(bo.code)[0]?.status]).toEqual(["PAUSED", "PAUSED"]);
  });

  it("when every answer to the coupon's creation is lost, then nothing is recorded, and the next pass finds the coupon made by its code without making another", async () => {
    await referrals();
    const { code } = await ambassador("maya@example.com");
    app.emulator.failNext(2, { kind: "lost-answer", on: onCreate });

    expect(await sync()).toBe(0);
    expect(couponsOf(code)).toHaveLength(1);
    expect((await memberOf(code))?.referral?.coupon).toBeNull();

    expect(await sync()).toBe(1);
    expect(couponsOf(code)).toHaveLength(1);
    expect((await memberOf(code))?.referral?.coupon).toMatchObject({ ecwidId: couponsOf(code)[0]!.id, active: true });
  });

  it("when the merchant deleted the coupon in Ecwid and the offer changes, then it is made again", async () => {
    await referrals();
    const { code } = await ambassador("maya@example.com");
    await sync();
    const ecwidId = couponsOf(code)[0]!.id;
    await app.http.delete(`${app.ecwidUrl}/api/v3/${storeId}/discount_coupons/${ecwidId}`, {
      headers: { Authorization: `Bearer ${await app.container.installs.accessToken(storeId)}` },
    });
    expect(couponsOf(code)).toHaveLength(0);

    await referrals({ friendOffer: { kind: "percent_off", percent: 20, minOrderMinor: 0 } });
    expect(await sync()).toBe(1);

    expect(couponsOf(code)).toEqual([expect.objectContaining({ discountType: "PERCENT", discount: 20 })]);
    expect((await memberOf(code))?.referral?.coupon?.ecwidId).toBe(couponsOf(code)[0]!.id);
  });
});
