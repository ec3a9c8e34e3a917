import { describe, expect, it } from "vitest";
import { CODE, referralShop, referralTestApp } from "../support/referral-shop.js";

const run = referralTestApp();
const { clock } = run;

const tasting = { id: "rw_taste", name: "A tasting", kind: "experience" as const, costPoints: 900 };
const fiveOff = { id: "rw_five", name: "$5 off", kind: "amount_off" as const, costPoints: 500, amountMinor: 500, couponDays: 30 };

describe("what an ambassador earns", () => {
  it("when the ambassador reaches a level, then each later referral pays the level's extra points on top", async () => {
    const shop = await referralShop(run.app, clock, { referrals: { holdDays: 0, levels: [{ id: "lv_advocate", name: "Advocate", minReferrals: 1, extraPoints: 100 }] } });
    await shop.order({ email: "a@example.com", couponCode: CODE });
    await shop.job();
    await shop.order({ email: "b@example.com", couponCode: CODE });
    await shop.job();

    const { balance, entries } = await shop.ledger();
    expect(balance).toBe(1100);
    expect(entries.find((entry) => entry.delta === 600)).toMatchObject({
      kind: "earn_referral",
      basis: { rewardPoints: 500, extraPoints: 100, level: "Advocate", code: CODE },
      note: expect.stringContaining("100 extra as Advocate"),
    });
  });

  it("when the reward is an experience of the catalog, then it is granted free once, said to be the referral's, and nothing is booked", async () => {
    const shop = await referralShop(run.app, clock, { referrals: { holdDays: 0, ambassadorReward: { kind: "reward", rewardId: "rw_taste" } }, program: { rewards: [tasting] } });
    const order = await shop.order({ email: "a@example.com", couponCode: CODE });
    await shop.job();

    const referral = await shop.referralOf(order.id);
    expect(referral).toMatchObject({ status: "paid", points: 0, redemptionId: expect.stringMatching(/^rdm_/) });
    const grant = await run.app.container.storage.read(shop.storeId, (tx) => tx.redemptions.get(shop.storeId, referral.redemptionId!));
    expect(grant).toMatchObject({ memberId: shop.ambassadorId, rewardId: "rw_taste", points: 0, status: "issued", grantedBy: { referralId: referral.id, code: CODE } });
    expect((await shop.ledger()).entries).toEqual([]);
  });

  it("when the reward is a coupon of the catalog, then the settle job makes it in Ecwid; a refund after the hold with reverseAfterHold cancels it only if not yet made", async () => {
    const shop = await referralShop(run.app, clock, {
      referrals: { holdDays: 0, reverseAfterHold: true, ambassadorReward: { kind: "reward", rewardId: "rw_five" } },
      program: { rewards: [fiveOff] },
    });
    const made = await shop.order({ email: "a@example.com", couponCode: CODE });
    await shop.job();
    await run.app.container.redemptionSettlement.settleStore(shop.storeId);
    const pending = await shop.order({ email: "b@example.com", couponCode: CODE });
    await shop.job();

    const grantOf = async (orderId: string) => {
      const { redemptionId } = await shop.referralOf(orderId);
      return run.app.container.storage.read(shop.storeId, (tx) => tx.redemptions.get(shop.storeId, redemptionId!));
    };
    expect(await grantOf(made.id)).toMatchObject({ status: "issued" });
    expect(run.app.emulator.getCoupons(shop.storeId).filter((coupon) => coupon.name === "$5 off")).toHaveLength(1);
    await shop.refund(made.id);
    await shop.refund(pending.id);

    expect(await grantOf(made.id)).toMatchObject({ status: "issued" });
    expect(await grantOf(pending.id)).toMatchObject({ status: "released" });
    expect((await shop.referralOf(pending.id)).status).toBe("reversed");
  });
});
