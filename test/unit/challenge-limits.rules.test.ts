import { describe, expect, it } from "vitest";
import { limitReached, limitsPeriodStart, tallied } from "../../server/modules/program/challenge-limits.rules.js";
import { periodStart } from "../../server/modules/program/period.rules.js";
import { challengeSchema } from "../../server/modules/settings/program-settings.js";

const challenge = (limits: Record<string, unknown>) => challengeSchema.parse({ id: "ch_t", title: "T", points: 100, goal: { kind: "orders", target: 1 }, limits });
const none = { kinds: {}, points: 0 };

describe("winners and budgets", () => {
  it("when the period's winners are all in, then it is closed; a completion taken back frees a place", () => {
    const first50 = challenge({ winners: 2, period: "month" });
    const two = tallied(tallied({ total: none, period: none }, 100, 1), 100, 1);
    expect(limitReached(first50, tallied({ total: none, period: none }, 100, 1))).toBe(false);
    expect(limitReached(first50, two)).toBe(true);
    expect(limitReached(first50, tallied(two, 100, -1))).toBe(false);
  });

  it("when one more payout would go beyond the budget in all or in the period, then it is closed; exactly reaching it is not", () => {
    const paid = (points: number) => ({ kinds: { earn_task: points / 100 }, points });
    expect(limitReached(challenge({ totalPoints: 300 }), { total: paid(200), period: none })).toBe(false);
    expect(limitReached(challenge({ totalPoints: 300 }), { total: paid(300), period: none })).toBe(true);
    expect(limitReached(challenge({ totalPoints: 250 }), { total: paid(200), period: none })).toBe(true);
    expect(limitReached(challenge({ periodPoints: 200, period: "week" }), { total: paid(900), period: paid(100) })).toBe(false);
    expect(limitReached(challenge({ periodPoints: 200, period: "week" }), { total: paid(900), period: paid(200) })).toBe(true);
  });

  it("when limits count per period, then the period starts at local midnight of its first day in the store's time zone", () => {
    const now = new Date("2026-12-10T12:00:00Z");
    expect(limitsPeriodStart(challenge({ winners: 5 }), now, "Europe/Amsterdam")).toBeNull();
    expect(limitsPeriodStart(challenge({ winners: 5, period: "month" }), now, "Europe/Amsterdam")).toBe("2026-11-30T23:00:00.000Z");
    expect(periodStart("week", now, "Europe/Amsterdam").toISOString()).toBe("2026-12-06T23:00:00.000Z");
    expect(periodStart("day", new Date("2026-12-06T23:30:00Z"), "Europe/Amsterdam").toISOString()).toBe("2026-12-06T23:00:00.000Z");
    expect(periodStart("week", new Date("2027-01-01T12:00:00Z"), "UTC").toISOString()).toBe("2026-12-28T00:00:00.000Z");
  });
});
