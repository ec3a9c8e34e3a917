import { describe, expect, it } from "vitest";
import { programSettingsSchema } from "../../../server/modules/settings/program-settings.js";
import type { LedgerKind } from "../../../server/modules/ledger/ledger-entry.js";
import type { MemberTier } from "../../../server/modules/tiers/member-tier.js";
import { reviewTier, type TierReview } from "../../../server/modules/tiers/tier-review.rules.js";
import type { TierRules } from "../../../server/modules/tiers/tier-schema.js";
import type { TierActivity } from "../../../server/modules/tiers/tier-window.rules.js";

const ZONE = "Europe/Amsterdam";
const earning = { points: 1, perAmountMinor: 100, minOrderMinor: 0, countedStatuses: ["PAID"] };
const TIERS = programSettingsSchema.parse({
  earning,
  tiers: [
    { id: "tr_gold", name: "Gold", threshold: 10_000, keepThreshold: 8_000 },
    { id: "tr_silver", name: "Silver", threshold: 5_000 },
    { id: "tr_club", name: "Club", threshold: 1_000, inviteOnly: true },
  ],
}).tiers;
const rules = (parts: Partial<TierRules>): TierRules => ({ metric: "spend", window: "rolling_12_months", graceDays: 30, ...parts });
const order = (eligibleMinor: number, placedAt: string, counted = true) => ({ eligibleMinor, placedAt, counted });
const activity = (orders: TierActivity["orders"], entries: TierActivity["entries"] = []): TierActivity => ({ orders, entries });

/** Reviews in turn at each instant, carrying the state, as the reconciler and the job do. */
function timeline(tierRules: TierRules, steps: { at: string; activity: TierActivity }[], start: MemberTier | null = null): TierReview[] {
  let state = start;
  return steps.map((step) => {
    const review = reviewTier({ tiers: TIERS, rules: tierRules, activity: step.activity, state, now: new Date(step.at), timeZone: ZONE });
    state = { earned: review.earned, paid: null, assigned: null, group: null };
    return review;
  });
}

describe("tier reviews over a rolling 12 months (Europe/Amsterdam)", () => {
  const march = order(12_000, "2026-03-10T10:00:00Z");
  const september = order(9_000, "2026-09-01T10:00:00Z");

  it("when a member's orders reach a tier, then they hold it at once and are reviewed again when the oldest order leaves the window (local midnight after the same day a year on)", () => {
    const [first] = timeline(rules({}), [{ at: "2026-03-10T10:00:00Z", activity: activity([march]) }]);
    expect(first!.amount).toBe(12_000);
    expect(first!.event).toEqual({ reason: "reached", fromTierId: null, toTierId: "tr_gold" });
    expect(first!.earned).toEqual({
      tierId: "tr_gold",
      since: "2026-03-10T10:00:00.000Z",
      graceEndsAt: null,
      reviewAt: "2027-03-10T23:00:00.000Z",
      reviewedAt: "2026-03-10T10:00:00.000Z",
    });
  });

  it("when the oldest order leaves and the rest still meet the keep amount, then the tier is kept quietly; when they no longer do, a grace starts and the tier goes exactly when it ends", () => {
    const both = activity([march, september]);
    const reviews = timeline(rules({}), [
      { at: "2026-09-01T10:00:00Z", activity: both },
      // The day before March's order leaves: still in (20 000).
      { at: "2027-03-10T22:59:59Z", activity: both },
      { at: "2027-03-10T23:00:00Z", activity: both },
      { at: "2027-09-01T21:59:59Z", activity: both },
      { at: "2027-09-01T22:00:00Z", activity: both },
      { at: "2027-10-01T21:59:59Z", activity: both },
      { at: "2027-10-01T22:00:00Z", activity: both },
    ]);
    expect(reviews.map((review) => [review.amount, review.earned.tierId, review.event?.reason ?? null])).toEqual([
      [21_000, "tr_gold", "reached"],
      [21_000, "tr_gold", null],
      [9_000, "tr_gold", null],
      [9_000, "tr_gold", null],
      [0, "tr_gold", "grace_started"],
      [0, "tr_gold", null],
      [0, null, "demoted"],
    ]);
    expect(reviews[2]!.earned.reviewAt).toBe("2027-09-01T22:00:00.000Z");
    // Thirty local days after 2 September, at local midnight (summer time: 22:00 UTC).
    expect(reviews[4]!.earned).toMatchObject({ graceEndsAt: "2027-10-01T22:00:00.000Z", reviewAt: "2027-10-01T22:00:00.000Z" });
    expect(reviews[6]!.earned).toMatchObject({ tierId: null, graceEndsAt: null, reviewAt: null, since: null });
  });

  it("when the keep amount is met again during a grace, then the grace ends (kept) and the tier stays", () => {
    const again = order(8_500, "2027-09-20T10:00:00Z");
    const reviews = timeline(rules({}), [
      { at: "2026-09-01T10:00:00Z", activity: activity([order(10_000, "2026-09-01T10:00:00Z")]) },
      { at: "2027-09-01T22:00:00Z", activity: activity([order(10_000, "2026-09-01T10:00:00Z")]) },
      { at: "2027-09-20T10:00:00Z", activity: activity([order(10_000, "2026-09-01T10:00:00Z"), again]) },
    ]);
    expect(reviews.map((review) => review.event?.reason ?? null)).toEqual(["reached", "grace_started", "kept"]);
    expect(reviews[2]!.earned).toMatchObject({ tierId: "tr_gold", graceEndsAt: null, since: "2026-09-01T10:00:00.000Z", reviewAt: "2028-09-20T22:00:00.000Z" });
  });

  it("when a demotion lands, then it is on the highest tier at or below the old one whose keep amount is met", () => {
    const reviews = timeline(rules({ graceDays: 0 }), [
      { at: "2026-03-10T10:00:00Z", activity: activity([march, order(6_000, "2026-06-01T10:00:00Z")]) },
      { at: "2027-03-10T23:00:00Z", activity: activity([march, order(6_000, "2026-06-01T10:00:00Z")]) },
    ]);
    expect(reviews[1]!.event).toEqual({ reason: "demoted", fromTierId: "tr_gold", toTierId: "tr_silver" });
    expect(reviews[1]!.earned).toMatchObject({ tierId: "tr_silver", since: "2027-03-10T23:00:00.000Z", reviewAt: "2027-06-01T22:00:00.000Z" });
  });
});

describe("what never demotes at once", () => {
  it("when a refund takes a member below the keep amount and there are no grace days, then they keep the tier until the next scheduled review, where it goes", () => {
    const refunded = [order(12_000, "2026-03-10T10:00:00Z", false)];
    const reviews = timeline(rules({ graceDays: 0, window: "lifetime" }), [
      { at: "2026-03-10T10:00:00Z", activity: activity([order(12_000, "2026-03-10T10:00:00Z")]) },
      { at: "2026-03-12T10:00:00Z", activity: activity(refunded) },
      { at: "2026-03-12T22:59:59Z", activity: activity(refunded) },
      { at: "2026-03-12T23:00:00Z", activity: activity(refunded) },
    ]);
    expect(reviews.map((review) => [review.earned.tierId, review.event?.reason ?? null])).toEqual([
      ["tr_gold", "reached"],
      ["tr_gold", null],
      ["tr_gold", null],
      [null, "demoted"],
    ]);
    expect(reviews[1]!.earned.reviewAt).toBe("2026-03-12T23:00:00.000Z");
  });

  it("when the program raises a threshold, then a member below it keeps their tier at an order review and loses it only at their scheduled review", () => {
    const stored: MemberTier = {
      earned: { tierId: "tr_gold", since: "2026-03-10T10:00:00.000Z", graceEndsAt: null, reviewAt: "2027-03-10T23:00:00.000Z", reviewedAt: "2026-03-10T10:00:00.000Z" },
      paid: null,
      assigned: null,
      group: null,
    };
    const raised = TIERS.map((tier) => (tier.id === "tr_gold" ? { ...tier, threshold: 50_000, keepThreshold: 40_000 } : tier));
    const input = { tiers: raised, rules: rules({ graceDays: 0, window: "lifetime" }), activity: activity([order(12_000, "2026-03-10T10:00:00Z")]), state: stored, timeZone: ZONE };
    const atOrder = reviewTier({ ...input, now: new Date("2026-05-01T10:00:00Z") });
    expect(atOrder.earned.tierId).toBe("tr_gold");
    expect(atOrder.event).toBeNull();
    expect(atOrder.earned.reviewAt).toBe("2027-03-10T23:00:00.000Z");
    const scheduled = reviewTier({ ...input, state: { ...stored, earned: atOrder.earned }, now: new Date(atOrder.earned.reviewAt!) });
    expect(scheduled.event).toEqual({ reason: "demoted", fromTierId: "tr_gold", toTierId: "tr_silver" });
  });
});

describe("a calendar year", () => {
  it("when the year restarts at local midnight of 1 January, then a member below the keep amount is reset then, not at UTC midnight", () => {
    const reviews = timeline(rules({ window: "calendar_year", graceDays: 0 }), [
      { at: "2026-06-01T10:00:00Z", activity: activity([order(12_000, "2026-06-01T10:00:00Z")]) },
      { at: "2026-12-31T23:00:00Z", activity: activity([order(12_000, "2026-06-01T10:00:00Z")]) },
    ]);
    expect(reviews[0]!.earned.reviewAt).toBe("2026-12-31T23:00:00.000Z");
    expect(reviews[1]!.amount).toBe(0);
    expect(reviews[1]!.event).toEqual({ reason: "reset", fromTierId: "tr_gold", toTierId: null });
  });

  it("when an order of the new year keeps the amount, then the tier is kept into the year and reviewed again next 1 January", () => {
    const orders = [order(12_000, "2026-06-01T10:00:00Z"), order(9_000, "2026-12-31T23:30:00Z")];
    const reviews = timeline(rules({ window: "calendar_year" }), [
      { at: "2026-06-01T10:00:00Z", activity: activity(orders.slice(0, 1)) },
      { at: "2026-12-31T23:30:00Z", activity: activity(orders) },
    ]);
    expect(reviews[1]).toMatchObject({ amount: 9_000, event: null, earned: { tierId: "tr_gold", reviewAt: "2027-12-31T23:00:00.000Z" } });
  });
});

describe("what is measured", () => {
  const entry = (kind: LedgerKind, delta: number, createdAt = "2026-05-01T10:00:00Z") => ({ kind, delta, createdAt });

  it("when the metric is points, then points earned count (orders, tasks, adjustments, reversals) and spending, refunds of spending and expiry do not", () => {
    const [review] = timeline(rules({ metric: "points", window: "lifetime" }), [
      {
        at: "2026-06-01T10:00:00Z",
        activity: activity(
          [order(99_999, "2026-05-01T10:00:00Z")],
          [
            entry("earn_order", 4_000),
            entry("earn_task", 1_500),
            entry("adjust", 500),
            entry("reverse", -1_000),
            entry("redeem", -3_000),
            entry("redeem_refund", 3_000),
            entry("expire", -900),
          ],
        ),
      },
    ]);
    expect(review!.amount).toBe(5_000);
    expect(review!.earned.tierId).toBe("tr_silver");
  });

  it("when an amount meets an invitation-only tier's threshold, then it is never reached by spend; orders not counted count nothing", () => {
    const [review] = timeline(rules({ window: "lifetime" }), [
      { at: "2026-06-01T10:00:00Z", activity: activity([order(3_000, "2026-05-01T10:00:00Z"), order(7_000, "2026-05-02T10:00:00Z", false)]) },
    ]);
    expect(review).toMatchObject({ amount: 3_000, event: null, earned: { tierId: null, reviewAt: null } });
  });
});
