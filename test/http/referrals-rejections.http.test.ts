import { describe, expect, it } from "vitest";
import { CODE, DAY_MS, MAYA, MAYA_HOME, referralShop, referralTestApp } from "../support/referral-shop.js";

const run = referralTestApp();
const { clock } = run;

/** After the friend's order is judged and the hold has long passed: what the referral says and what Maya got. */
async function outcome(shop: Awaited<ReturnType<typeof referralShop>>, orderId: string) {
  await shop.job();
  shop.later(30);
  await shop.job();
  return { referral: await shop.referralOf(orderId), balance: (await shop.ledger()).balance };
}

describe("referrals that pay nothing, and why", () => {
  it("when the friend is the ambassador by email (however spelled), by Ecwid customer, or by shipping address, then each is rejected as a self-referral", async () => {
    const shop = await referralShop(run.app, clock);
    const byEmail = await shop.order({ email: "Maya+deals@Example.com", customerId: null, extraFields: { questline_ref: CODE } });
    const byCustomer = await shop.order({ email: "maya.work@example.org", customerId: MAYA.customerId, couponCode: CODE });
    const byAddress = await shop.order({ email: "m.chen@example.net", couponCode: CODE, shippingPerson: { ...MAYA_HOME, street: "KEIZERSGRACHT  12", postalCode: "1015CX" } });

    for (const order of [byEmail, byCustomer, byAddress]) {
      expect((await outcome(shop, order.id)).referral).toMatchObject({ status: "rejected", reason: "self_referral", payableAt: null });
    }
    const byDoor = await shop.referralOf(byAddress.id);
    expect(byDoor.signals).toEqual([expect.objectContaining({ kind: "shared_address", severity: "high" })]);
    expect(byDoor.addressKey).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(JSON.stringify(byDoor)).not.toMatch(/keizersgracht/i);
    // Her own order as customer earns her its order points, as any order does; no referral pays.
    expect((await shop.ledger()).entries.map((entry) => entry.kind)).toEqual(["earn_order"]);
    expect((await shop.ambassador()).referral).toMatchObject({ friendsOrdered: 0, pending: 0, paid: 0 });
  });

  it("when the same friend orders again with the code, then the second is a repeat friend and only the first pays", async () => {
    const shop = await referralShop(run.app, clock);
    const first = await shop.order({ email: "lena@example.com", couponCode: CODE });
    shop.later(1);
    const second = await shop.order({ email: "LENA@example.com", extraFields: { questline_ref: CODE } });

    expect((await outcome(shop, second.id)).referral).toMatchObject({ status: "rejected", reason: "repeat_friend" });
    expect(await shop.referralOf(first.id)).toMatchObject({ status: "paid" });
    expect((await shop.ledger()).balance).toBe(500);
  });

  it("when the friend bought before, in Ecwid's books only or in ours, then the code is an existing customer's and pays nothing", async () => {
    const shop = await referralShop(run.app, clock);
    run.app.emulator.putOrder(shop.storeId, { email: "old@example.com", subtotal: 20, paymentStatus: "PAID", createDate: new Date(clock.now().getTime() - 400 * DAY_MS) });
    const inEcwid = await shop.order({ email: "old@example.com", extraFields: { questline_ref: CODE } });
    await shop.order({ email: "known@example.com" });
    shop.later(1);
    const inOurs = await shop.order({ email: "known@example.com", extraFields: { questline_ref: CODE } });

    expect((await outcome(shop, inEcwid.id)).referral).toMatchObject({ status: "rejected", reason: "existing_customer" });
    expect((await shop.referralOf(inOurs.id)) as object).toMatchObject({ status: "rejected", reason: "existing_customer" });
    const lookups = run.app.emulator.requests.filter((request) => request.method === "GET" && request.path.endsWith("/orders"));
    expect(lookups.some((request) => request.query.email === "old@example.com" && request.query.paymentStatus?.includes("PAID"))).toBe(true);
  });

  it("when the order is under the minimum, the ambassador is blocked, or the program was turned off, then each says so", async () => {
    const small = await referralShop(run.app, clock, { referrals: { minOrderMinor: 6000 } });
    const under = await small.order({ email: "lena@example.com", couponCode: CODE });
    expect((await outcome(small, under.id)).referral).toMatchObject({ status: "rejected", reason: "under_minimum" });

    const blocked = await referralShop(run.app, clock, { ambassador: { blocked: { at: clock.now().toISOString(), by: "owner@example.com", reason: "spam" } } });
    const fromBlocked = await blocked.order({ email: "lena@example.com", couponCode: CODE });
    expect((await outcome(blocked, fromBlocked.id)).referral).toMatchObject({ status: "rejected", reason: "blocked_ambassador" });

    const off = await referralShop(run.app, clock, { referrals: { enabled: false } });
    const whileOff = await off.order({ email: "lena@example.com", couponCode: CODE });
    expect((await outcome(off, whileOff.id)).referral).toMatchObject({ status: "rejected", reason: "program_off" });
  });

  it("when the merchant blocks the ambassador while a reward is held, then it is not paid when the hold ends", async () => {
    const shop = await referralShop(run.app, clock);
    const order = await shop.order({ email: "lena@example.com", couponCode: CODE });
    await shop.job();
    const ambassador = await shop.ambassador();
    const blocked = { ...ambassador, referral: { ...ambassador.referral!, blocked: { at: clock.now().toISOString(), by: "owner@example.com", reason: "fake friends" } } };
    await run.app.container.storage.transaction(shop.storeId, (tx) => tx.members.update(shop.storeId, blocked));
    shop.later(14);

    expect(await shop.job()).toMatchObject({ paid: 0, rejected: 1 });
    expect(await shop.referralOf(order.id)).toMatchObject({ status: "rejected", reason: "blocked_ambassador" });
    expect((await shop.ledger()).balance).toBe(0);
  });

  it("when the monthly cap is reached, then further friends that month pay nothing, and next month's pay again", async () => {
    clock.set("2026-03-30T20:00:00Z");
    const shop = await referralShop(run.app, clock, { referrals: { monthlyCap: 1, holdDays: 0 } });
    const first = await shop.order({ email: "a@example.com", couponCode: CODE });
    await shop.job();
    const second = await shop.order({ email: "b@example.com", couponCode: CODE });
    await shop.job();
    // 23:30 UTC on March 31 is already April 1 in Amsterdam.
    clock.set("2026-03-31T23:30:00Z");
    const third = await shop.order({ email: "c@example.com", couponCode: CODE });
    await shop.job();

    expect(await shop.referralOf(first.id)).toMatchObject({ status: "paid" });
    expect(await shop.referralOf(second.id)).toMatchObject({ status: "rejected", reason: "cap_reached" });
    expect(await shop.referralOf(third.id)).toMatchObject({ status: "paid" });
    expect((await shop.ledger()).balance).toBe(1000);
  });
});

describe("an order Ecwid no longer has", () => {
  it("when the friend's order was deleted in Ecwid before it was checked, then the referral pays nothing, even before the deletion's webhook arrives", async () => {
    const shop = await referralShop(run.app, clock);
    const order = await shop.order({ email: "lena@example.com", couponCode: CODE });
    run.app.emulator.deleteOrder(shop.storeId, order.id);

    expect((await outcome(shop, order.id)).referral).toMatchObject({ status: "cancelled", reason: "refunded" });
    expect((await shop.ledger()).balance).toBe(0);
  });
});

describe("a paid referral whose order is refunded later", () => {
  it("when the merchant takes rewards back after the hold, then the points are reversed once", async () => {
    const shop = await referralShop(run.app, clock, { referrals: { reverseAfterHold: true } });
    const order = await shop.order({ email: "lena@example.com", couponCode: CODE });
    await outcome(shop, order.id);
    await shop.refund(order.id);

    const referral = await shop.referralOf(order.id);
    expect(referral).toMatchObject({ status: "reversed", reason: "refunded" });
    const { balance, entries } = await shop.ledger();
    expect(balance).toBe(0);
    expect(entries.find((entry) => entry.kind === "reverse")).toMatchObject({ delta: -500, idempotencyKey: `referral:${referral.id}:reverse` });
    expect((await shop.ambassador()).referral).toMatchObject({ paid: 0, pending: 0, friendsOrdered: 1 });
  });

  it("when the merchant keeps rewards after the hold, then the refund leaves the referral paid", async () => {
    const shop = await referralShop(run.app, clock);
    const order = await shop.order({ email: "lena@example.com", couponCode: CODE });
    await outcome(shop, order.id);
    await shop.refund(order.id);

    expect(await shop.referralOf(order.id)).toMatchObject({ status: "paid" });
    expect((await shop.ledger()).balance).toBe(500);
  });
});
