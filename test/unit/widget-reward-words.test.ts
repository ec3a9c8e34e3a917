import { describe, expect, it } from "vitest";
import { WIDGET_TEXTS } from "../../server/modules/i18n/widget-texts.js";
import { rewardSchema, type Reward } from "../../server/modules/settings/program-settings.js";
import { createFormat } from "../../server/widget/format.js";
import { pointChoices, reasonOf, reasonText, requestKey, rewardGives, variableValue } from "../../server/widget/reward-words.js";
import type { Program } from "../../server/widget/types.js";

const program = {
  lang: "en",
  currency: "USD",
  currencyPrecision: 2,
  texts: WIDGET_TEXTS.en,
  tiers: [
    { id: "tr_base", name: "Base camp", threshold: 0, perks: "" },
    { id: "tr_ridge", name: "Ridge", threshold: 25_000, perks: "" },
    { id: "tr_peak", name: "Peak", threshold: 75_000, perks: "" },
  ],
} as unknown as Program;
const f = createFormat(program, { OnAPILoaded: { add: () => undefined }, getOwnerId: () => 1 });
const year = new Date().getFullYear();
const reward = (fields: Record<string, unknown>): Reward => rewardSchema.parse({ id: "rw_test", name: "Test", ...fields });
const variable = reward({ kind: "variable", pointsPerUnit: 100, unitMinor: 150, minPoints: 100, maxPoints: 2000, stepPoints: 100 }) as Extract<Reward, { kind: "variable" }>;

describe("what a reward gives, in the widget", () => {
  it("when each kind is described, then it says what the shopper gets in the store's money", () => {
    const described = [
      reward({ kind: "amount_off", costPoints: 500, amountMinor: 500 }),
      reward({ kind: "percent_off", costPoints: 900, percent: 10 }),
      reward({ kind: "free_shipping", costPoints: 300 }),
      reward({ kind: "free_product", costPoints: 800, productId: 7 }),
      variable,
      reward({ kind: "experience", costPoints: 200 }),
      reward({ kind: "donation", costPoints: 100, cause: "Trees for All", valueMinor: 100 }),
    ].map((each) => rewardGives(f, each));
    expect(described).toEqual([
      "$5.00 off your order",
      "10% off your order",
      "Free shipping on your order",
      "One item free",
      "$1.50 off for every 100 points",
      "An experience: the shop will be in touch",
      "$1.00 donated to Trees for All",
    ]);
  });

  it("when a shopper chooses points for a variable reward, then the choices step from its minimum up to what they have, and each is worth whole units", () => {
    expect(pointChoices(variable, 450)).toEqual([100, 200, 300, 400]);
    expect(pointChoices(variable, 99)).toEqual([]);
    expect(pointChoices(variable, 1_000_000)).toHaveLength(20);
    expect(pointChoices({ ...variable, maxPoints: 1_000_000, stepPoints: 100 }, 1_000_000)).toHaveLength(100);
    expect(variableValue(variable, 400)).toBe(600);
  });
});

describe("why not, in numbers", () => {
  const tiered = reward({ kind: "experience", costPoints: 200, tierIds: ["tr_ridge", "tr_peak"] });
  const monthly = reward({ kind: "donation", costPoints: 100, cause: "Trees", valueMinor: 100, budgets: [{ measure: "redemptions", limit: 10, period: "month" }] });
  const mixed = reward({
    kind: "donation",
    costPoints: 100,
    cause: "Trees",
    valueMinor: 100,
    budgets: [
      { measure: "redemptions", limit: 10, period: "month" },
      { measure: "money", limit: 5000, period: "total" },
    ],
  });

  it("when a reward cannot be redeemed, then the widget says by how much, for whom or until when", () => {
    expect(reasonText(f, program, tiered, { code: "insufficient_points", missing: 120 })).toBe("120 points to go");
    expect(reasonText(f, program, tiered, { code: "insufficient_points", missing: 1 })).toBe("1 point to go");
    expect(reasonText(f, program, tiered, { code: "points_pending", missing: 40, freeOn: `${year}-01-05T12:00:00Z` })).toBe("Points pending until Jan 5");
    expect(reasonText(f, program, tiered, { code: "limit_reached", limit: 1 })).toBe("Limit reached");
    expect(reasonText(f, program, tiered, { code: "not_available", why: "tier" })).toBe("For Ridge / Peak members");
    expect(reasonText(f, program, tiered, { code: "not_available", why: "not_yet", from: `${year}-05-03T12:00:00Z` })).toBe("Available from May 3");
    expect(reasonText(f, program, tiered, { code: "not_available", why: "ended" })).toBe("No longer available");
  });

  it("when a reward's budget is spent, then it says when it comes back only when that is certain, with the year when it is not this one", () => {
    expect(reasonText(f, program, monthly, { code: "not_available", why: "budget" })).toBe("Sold out this month");
    expect(reasonText(f, program, mixed, { code: "not_available", why: "budget" })).toBe("Sold out");
    expect(reasonText(f, program, mixed, { code: "not_available", why: "budget", from: `${year + 1}-02-01T12:00:00Z` })).toBe(`Sold out until Feb 1, ${year + 1}`);
  });

  it("when a refused redemption carries its reason, then it is read from the body or its reason field; a partial one is not", () => {
    expect(reasonOf({ code: "insufficient_points", message: "Not enough", missing: 30 })).toEqual({ code: "insufficient_points", message: "Not enough", missing: 30 });
    expect(reasonOf({ code: "limit_reached", message: "", reason: { code: "limit_reached", limit: 2 } })).toEqual({ code: "limit_reached", limit: 2 });
    expect(reasonOf({ code: "not_available", message: "" })).toBeNull();
    expect(reasonOf({ code: "insufficient_points", message: "", missing: "30" })).toBeNull();
    expect(reasonOf(undefined)).toBeNull();
  });
});

describe("the redemption request key", () => {
  it("when two clicks are confirmed, then each gets its own unguessable key", () => {
    const [first, second] = [requestKey(), requestKey()];
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(second).not.toBe(first);
  });
});
