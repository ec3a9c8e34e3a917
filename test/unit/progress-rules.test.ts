import { NO_REFERRAL_HISTORY } from "../../server/modules/program/challenge-history.js";
import { describe, expect, it } from "vitest";
import type { OrderRecord } from "../../server/modules/orders/order-record.js";
import { challengesToMeasure } from "../../server/modules/program/program-change.rules.js";
import { unpaidKeys } from "../../server/modules/program/challenge-awards.js";
import { challengeReversalKey, challengeRewardKey, payoutsOf } from "../../server/modules/program/challenge-keys.rules.js";
import { challengeStanding, type Challenge } from "../../server/modules/program/challenge-progress.rules.js";
import { challengeSchema, defaultProgramSettings } from "../../server/modules/settings/program-settings.js";

const order = (placedAt: string, eligibleMinor = 5_000, counted = true): OrderRecord => ({
  orderId: `O${placedAt}`,
  internalId: null,
  storeId: 1,
  memberId: "mem_1",
  paymentStatus: counted ? "PAID" : "REFUNDED",
  counted,
  eligibleMinor,
  items: [],
  placedAt,
  revision: 1,
  updatedAt: placedAt,
});

const challenge = (overrides: Record<string, unknown> = {}): Challenge =>
  challengeSchema.parse({ id: "ch_two", title: "Two orders", points: 25, goal: { kind: "orders", target: 2 }, ...overrides });

const NOW = new Date("2026-03-10T12:00:00Z");
/** Progress and completion as the rules measure them, now and in UTC. */
const challengeProgress = (c: Challenge, orders: OrderRecord[]) => {
  const standing = challengeStanding(
    c,
    { orders, completions: [], member: { createdAt: "2026-01-01T00:00:00Z", birthday: null, tierId: null }, referrals: NO_REFERRAL_HISTORY },
    NOW,
    "UTC",
  );
  return { progress: standing.progress, target: standing.target, completed: standing.completedKeys.length > 0 };
};

const history = [order("2026-03-01T09:59:59.999Z"), order("2026-03-01T10:00:00.000Z"), order("2026-03-02T08:00:00.000Z", 7_000), order("2026-03-03T08:00:00.000Z", 9_000, false)];

describe("counting only orders from a start (countFrom)", () => {
  it("when countFrom is null, then the whole history counts", () => {
    expect(challengeProgress(challenge(), history)).toEqual({ progress: 2, target: 2, completed: true });
  });

  it("when an order was placed exactly at countFrom, then it counts; a millisecond before, it does not", () => {
    expect(challengeProgress(challenge({ countFrom: "2026-03-01T10:00:00.000Z" }), history)).toEqual({ progress: 2, target: 2, completed: true });
    expect(challengeProgress(challenge({ countFrom: "2026-03-01T10:00:00.001Z" }), history)).toEqual({ progress: 1, target: 2, completed: false });
  });

  it("when countFrom carries a time zone offset, then it is the same instant", () => {
    expect(challengeProgress(challenge({ countFrom: "2026-03-01T11:00:00+01:00" }), history).progress).toBe(2);
  });

  it("when a spend challenge counts from a start, then only the eligible amounts of counted orders since then add up", () => {
    const spend = challenge({ goal: { kind: "spend", target: 12_000 }, countFrom: "2026-03-01T10:00:00Z" });
    expect(challengeProgress(spend, history)).toEqual({ progress: 12_000, target: 12_000, completed: true });
    expect(challengeProgress({ ...spend, countFrom: "2026-03-02T00:00:00Z" }, history)).toEqual({ progress: 7_000, target: 12_000, completed: false });
  });

  it("when countFrom is in the future, then nothing counts yet", () => {
    expect(challengeProgress(challenge({ countFrom: "2030-01-01T00:00:00Z" }), history).progress).toBe(0);
  });

  it("when countFrom is not an ISO date and time, then the challenge is refused", () => {
    for (const countFrom of ["2026-03-01", "yesterday", "2026-13-01T00:00:00Z"]) expect(challengeSchema.safeParse({ ...challenge(), countFrom }).success).toBe(false);
  });
});

describe("what is due", () => {
  it("when the history completes a period not yet paid, then it is due; once its key is in the ledger, it is not; taken back, its next generation is due", () => {
    expect(unpaidKeys(["once"], payoutsOf([], "mem_1").get("ch_two"))).toEqual([{ periodKey: "once", generation: 1 }]);
    const paid = payoutsOf([challengeRewardKey("ch_two", "mem_1", "once"), challengeRewardKey("ch_two", "mem_2", "2026-03")], "mem_1");
    expect(unpaidKeys(["once"], paid.get("ch_two"))).toEqual([]);
    expect(unpaidKeys(["2026-03"], paid.get("ch_two"))).toEqual([{ periodKey: "2026-03", generation: 1 }]);
    const reversed = payoutsOf([challengeRewardKey("ch_two", "mem_1", "once"), challengeReversalKey("ch_two", "mem_1", "once")], "mem_1");
    expect(unpaidKeys(["once"], reversed.get("ch_two"))).toEqual([{ periodKey: "once", generation: 2 }]);
    expect(challengeRewardKey("ch_two", "mem_1", "once", 2)).toBe("task:ch_two:mem_1:once:g2");
    expect(challengeRewardKey("ch_two", "mem_1", "once")).toBe("task:ch_two:mem_1:once");
  });
});

describe("which challenges a program change measures", () => {
  const before = { ...defaultProgramSettings(2), challenges: [challenge(), challenge({ id: "ch_spend", goal: { kind: "spend", target: 10_000 } })] };

  it("when a challenge is added, its goal or its start changes, then it is measured; a new title or reward alone, or a removal, is not", () => {
    const after = {
      ...before,
      challenges: [challenge({ title: "Renamed", points: 99 }), challenge({ id: "ch_spend", goal: { kind: "spend", target: 9_000 } }), challenge({ id: "ch_new" })],
    };
    expect(challengesToMeasure(before, after)).toEqual(["ch_spend", "ch_new"]);
    expect(challengesToMeasure(before, { ...before, challenges: [challenge({ countFrom: "2026-03-01T00:00:00Z" })] })).toEqual(["ch_two"]);
    expect(challengesToMeasure(before, { ...before, challenges: [challenge({ goal: { kind: "spend", target: 2 } })] })).toEqual(["ch_two"]);
    expect(challengesToMeasure(before, { ...before, challenges: [] })).toEqual([]);
    expect(challengesToMeasure(before, before)).toEqual([]);
  });

  it("when a window, repeat or audience changes, then it is measured; a draft or a shopper task never is", () => {
    expect(challengesToMeasure(before, { ...before, challenges: [challenge({ window: { lastDays: 30 } })] })).toEqual(["ch_two"]);
    expect(challengesToMeasure(before, { ...before, challenges: [challenge({ repeat: { every: "month" } })] })).toEqual(["ch_two"]);
    expect(challengesToMeasure(before, { ...before, challenges: [challenge({ status: "draft" })] })).toEqual([]);
    expect(challengesToMeasure(before, { ...before, challenges: [challenge({ id: "ch_visit", goal: { kind: "visit", url: "https://example.com/" } })] })).toEqual([]);
  });
});
