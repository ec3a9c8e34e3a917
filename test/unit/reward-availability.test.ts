import { describe, expect, it } from "vitest";
import { budgetSince, couponFor, pointsProblem, rewardStanding, unavailableReason, type RedeemFacts } from "../../server/modules/rewards/reward-availability.rules.js";
import { rewardSchema, type Reward } from "../../server/modules/settings/program-settings.js";

const now = new Date("2026-03-05T10:20:30.456Z"); // a Thursday
const reward = (input: Record<string, unknown>): Reward => rewardSchema.parse({ id: "rw_test", name: "Five off", ...input });
const facts = (over: Partial<RedeemFacts> = {}): RedeemFacts => ({ spendable: 1000, tierId: null, redeemed: 0, budgets: [], now, ...over });
const five = reward({ kind: "amount_off", costPoints: 500, amountMinor: 500 });

describe("whether a member may redeem a reward", () => {
  it("when the member has enough points and nothing else stands in the way, then it is available", () => {
    expect(rewardStanding(five, facts())).toEqual({ id: "rw_test", available: true, reason: null });
  });

  it("when points are short, then insufficient_points says how many are missing", () => {
    expect(rewardStanding(five, facts({ spendable: 380 }))).toEqual({ id: "rw_test", available: false, reason: { code: "insufficient_points", missing: 120 } });
  });

  it("when the reward opens later or has ended, then not_available says which, with the date it opens", () => {
    const later = reward({ kind: "amount_off", costPoints: 1, amountMinor: 1, availableFrom: "2026-04-01T00:00:00Z" });
    const ended = reward({ kind: "amount_off", costPoints: 1, amountMinor: 1, availableUntil: "2026-03-05T10:20:30Z" });
    expect(unavailableReason(later, facts())).toEqual({ code: "not_available", why: "not_yet", from: "2026-04-01T00:00:00Z" });
    expect(unavailableReason(ended, facts())).toEqual({ code: "not_available", why: "ended" });
  });

  it("when the reward is for other tiers, then not_available for the tier; the right tier may redeem", () => {
    const gold = reward({ kind: "free_shipping", costPoints: 100, tierIds: ["tr_gold"] });
    expect(unavailableReason(gold, facts({ tierId: null }))).toEqual({ code: "not_available", why: "tier" });
    expect(unavailableReason(gold, facts({ tierId: "tr_silver" }))).toEqual({ code: "not_available", why: "tier" });
    expect(unavailableReason(gold, facts({ tierId: "tr_gold" }))).toBeNull();
  });

  it("when the member used their limit, then limit_reached names it", () => {
    const once = reward({ kind: "amount_off", costPoints: 500, amountMinor: 500, perMemberLimit: 2 });
    expect(unavailableReason(once, facts({ redeemed: 1 }))).toBeNull();
    expect(unavailableReason(once, facts({ redeemed: 2 }))).toEqual({ code: "limit_reached", limit: 2 });
  });

  it("when a budget of redemptions or money would be passed, then not_available for the budget", () => {
    const capped = reward({
      kind: "amount_off",
      costPoints: 500,
      amountMinor: 500,
      budgets: [
        { measure: "redemptions", limit: 3, period: "day" },
        { measure: "money", limit: 1200, period: "month" },
      ],
    });
    expect(
      unavailableReason(
        capped,
        facts({
          budgets: [
            { count: 2, valueMinor: 0 },
            { count: 0, valueMinor: 0 },
          ],
        }),
      ),
    ).toBeNull();
    expect(
      unavailableReason(
        capped,
        facts({
          budgets: [
            { count: 3, valueMinor: 0 },
            { count: 0, valueMinor: 0 },
          ],
        }),
      ),
    ).toEqual({ code: "not_available", why: "budget" });
    expect(
      unavailableReason(
        capped,
        facts({
          budgets: [
            { count: 0, valueMinor: 700 },
            { count: 0, valueMinor: 700 },
          ],
        }),
      ),
    ).toBeNull();
    expect(
      unavailableReason(
        capped,
        facts({
          budgets: [
            { count: 0, valueMinor: 701 },
            { count: 0, valueMinor: 701 },
          ],
        }),
      ),
    ).toEqual({ code: "not_available", why: "budget" });
  });

  it("when budgets count by calendar period, then the day, the week (from Monday) and the month begin at UTC midnight", () => {
    expect(budgetSince("total", now)).toBeNull();
    expect(budgetSince("day", now)).toBe("2026-03-05T00:00:00.000Z");
    expect(budgetSince("week", now)).toBe("2026-03-02T00:00:00.000Z");
    expect(budgetSince("week", new Date("2026-03-08T23:59:59Z"))).toBe("2026-03-02T00:00:00.000Z");
    expect(budgetSince("month", now)).toBe("2026-03-01T00:00:00.000Z");
  });

  it("when a variable reward's points are off its range or step, then the problem is named; other kinds take no choice", () => {
    const variable = reward({ kind: "variable", pointsPerUnit: 100, unitMinor: 100, minPoints: 500, maxPoints: 2000, stepPoints: 100 });
    expect(pointsProblem(variable, 700)).toBeNull();
    expect(pointsProblem(variable, undefined)).toMatch(/choose/);
    expect(pointsProblem(variable, 400)).toMatch(/from 500 to 2000/);
    expect(pointsProblem(variable, 750)).toMatch(/steps of 100/);
    expect(pointsProblem(five, 20)).toMatch(/variable/);
    expect(pointsProblem(five, undefined)).toBeNull();
  });
});

describe("the Ecwid coupon of a reward", () => {
  const terms = { code: "QL-ABCDEFGHJK", now, precision: 2, points: 500 };
  const base = { name: "Five off", code: "QL-ABCDEFGHJK", status: "ACTIVE", usesLimit: "SINGLE", applicationLimit: "UNLIMITED", expirationDate: "2026-04-04 10:20:30 +0000" };

  it("when the reward is an amount off, then ABS in the store's decimals, single use, with its minimum order, limits and expiry", () => {
    const limited = reward({ kind: "amount_off", costPoints: 500, amountMinor: 1999, minOrderMinor: 5000, productIds: [11], categoryIds: [22] });
    expect(couponFor(limited, terms)).toEqual({ ...base, discountType: "ABS", discount: 19.99, totalLimit: 50, catalogLimit: { products: [11], categories: [22] } });
    expect(couponFor(limited, { ...terms, precision: 0 })).toMatchObject({ discount: 1999, totalLimit: 5000 });
  });

  it("when the reward is a percent, free shipping, a free product or variable, then PERCENT, SHIPPING, ABS at the price for that product, and ABS of the chosen units", () => {
    expect(couponFor(reward({ kind: "percent_off", costPoints: 1, percent: 15 }), terms)).toMatchObject({ discountType: "PERCENT", discount: 15, totalLimit: 0 });
    expect(couponFor(reward({ kind: "free_shipping", costPoints: 1, couponDays: 7 }), terms)).toMatchObject({
      discountType: "SHIPPING",
      discount: 0,
      expirationDate: "2026-03-12 10:20:30 +0000",
    });
    const product = reward({ kind: "free_product", costPoints: 1, productId: 77 });
    expect(couponFor(product, { ...terms, productPriceMinor: 2450 })).toMatchObject({ discountType: "ABS", discount: 24.5, catalogLimit: { products: [77], categories: [] } });
    expect(() => couponFor(product, terms)).toThrow(/price/);
    expect(() => couponFor(reward({ kind: "experience", costPoints: 1 }), terms)).toThrow(/no coupon/);
    const variable = reward({ kind: "variable", pointsPerUnit: 100, unitMinor: 250, minPoints: 200, maxPoints: 2000, stepPoints: 100 });
    expect(couponFor(variable, { ...terms, points: 700 })).toMatchObject({ discountType: "ABS", discount: 17.5 });
  });
});
