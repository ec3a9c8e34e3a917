import { describe, expect, it } from "vitest";
import { createFormatters } from "../../server/dashboard/format.js";
import { instantOf, rewardBody, rewardDraft, type RewardDraft } from "../../server/dashboard/program/reward-draft.js";
import { rewardSchema, type Reward } from "../../server/modules/settings/program-settings.js";

const fmt = createFormatters({ lang: "en", currency: "EUR", currencyPrecision: 2 });
/** A local calendar day's start or end as the browser would send it. */
const local = (day: string, end = false) => new Date(`${day}T${end ? "23:59:59.999" : "00:00:00"}`).toISOString();

const common = {
  description: "For our regulars",
  perMemberLimit: 2,
  tierIds: ["tr_gold"],
  availableFrom: local("2026-04-01"),
  availableUntil: local("2026-04-30", true),
  budgets: [
    { measure: "money", limit: 25_000, period: "month" },
    { measure: "redemptions", limit: 40, period: "total" },
  ],
  i18n: { nl: { name: "Beloning", description: "Voor vaste klanten" } },
} as const;
const terms = { minOrderMinor: 5_000, productIds: [11, 12], categoryIds: [501], couponDays: 14 };

const REWARDS = [
  { id: "rw_amount", name: "€5 off", kind: "amount_off", costPoints: 500, amountMinor: 500, ...terms, ...common },
  { id: "rw_percent", name: "10% off", kind: "percent_off", costPoints: 800, percent: 10, ...terms, ...common },
  { id: "rw_ship", name: "Free shipping", kind: "free_shipping", costPoints: 300, ...terms, ...common },
  { id: "rw_socks", name: "Free socks", kind: "free_product", costPoints: 900, productId: 700102, minOrderMinor: 0, couponDays: 30, ...common },
  { id: "rw_cash", name: "Cash off", kind: "variable", pointsPerUnit: 100, unitMinor: 125, minPoints: 200, maxPoints: 2000, stepPoints: 100, ...terms, ...common },
  { id: "rw_panel", name: "Tasting panel", kind: "experience", costPoints: 1500, instructions: "We email you a date.", ...common },
  { id: "rw_trees", name: "Plant a tree", kind: "donation", costPoints: 300, cause: "Trees for the valley", valueMinor: 250, ...common },
].map((reward) => rewardSchema.parse(reward));

describe("the reward form's draft", () => {
  it.each(REWARDS.map((reward) => [reward.kind, reward] as const))(
    "when a saved %s reward is opened and saved unchanged, then the body is the reward again, field for field",
    (_kind, reward) => {
      const { id: _id, ...saved } = reward;
      const body = rewardBody(fmt, rewardDraft(fmt, reward));
      expect(rewardSchema.parse({ ...body, id: reward.id })).toEqual(reward);
      expect(body).toEqual(saved);
    },
  );

  it("when a kind is switched, then the body carries only the new kind's fields, and what was typed for the old kind comes back on switching again", () => {
    const amount = REWARDS[0]! as Reward;
    const draft: RewardDraft = { ...rewardDraft(fmt, amount), kind: "donation", cause: "Clean seas", value: "2.50", cost: "300" };
    const body = rewardBody(fmt, draft);
    expect(body).toMatchObject({ kind: "donation", costPoints: 300, cause: "Clean seas", valueMinor: 250 });
    expect(body).not.toHaveProperty("amountMinor");
    expect(body).not.toHaveProperty("couponDays");
    expect(body).not.toHaveProperty("productIds");
    expect(rewardBody(fmt, { ...draft, kind: "amount_off" })).toMatchObject({ kind: "amount_off", amountMinor: 500, productIds: [11, 12] });
  });

  it("when fields hold what is not a number, an amount or a date, then they go as typed for the server to refuse beside the field", () => {
    const draft: RewardDraft = { ...rewardDraft(fmt, null), name: "Odd", cost: "lots", amount: "5,5,5", perMemberLimit: "two", couponDays: "", from: "soon" };
    expect(rewardBody(fmt, draft)).toMatchObject({ costPoints: "lots", amountMinor: "5,5,5", perMemberLimit: "two", couponDays: "", availableFrom: "soon" });
  });

  it("when a new reward is started, then it is an amount off with a 30-day coupon, no limits and nothing open to a tier only", () => {
    expect(rewardBody(fmt, { ...rewardDraft(fmt, null), name: "New", cost: "100", amount: "1" })).toEqual({
      kind: "amount_off",
      name: "New",
      description: "",
      i18n: undefined,
      perMemberLimit: null,
      tierIds: [],
      availableFrom: null,
      availableUntil: null,
      budgets: [],
      minOrderMinor: 0,
      couponDays: 30,
      productIds: [],
      categoryIds: [],
      costPoints: 100,
      amountMinor: 100,
    });
  });

  it("when a day is given, then it opens at the day's local start and closes at its local end; no day is no date", () => {
    expect(instantOf("2026-04-01", false)).toBe(local("2026-04-01"));
    expect(instantOf("2026-04-01", true)).toBe(local("2026-04-01", true));
    expect(instantOf("  ", true)).toBeNull();
  });
});
