import { describe, expect, it } from "vitest";
import { memberRewards } from "../../server/modules/rewards/member-rewards.rules.js";
import { rewardsUseCounts } from "../../server/modules/rewards/reward-availability.rules.js";
import { emptyStats } from "../../server/modules/members/member.js";
import { rewardSchema, type Reward } from "../../server/modules/settings/program-settings.js";

const now = new Date("2026-03-05T10:20:30.456Z"); // a Thursday
const reward = (id: string, input: Record<string, unknown>): Reward => rewardSchema.parse({ id, name: id, kind: "amount_off", costPoints: 100, amountMinor: 500, ...input });
const plain = reward("rw_plain", {});
const limited = reward("rw_limited", { perMemberLimit: 1 });
const budgeted = reward("rw_budgeted", {
  perMemberLimit: 5,
  budgets: [
    { measure: "redemptions", limit: 3, period: "week" },
    { measure: "money", limit: 10_000, period: "total" },
  ],
});
const rewards = [plain, limited, budgeted];

describe("a member's rewards on /me", () => {
  it("when rewards limit members or have budgets, then only their counts are asked, in the rewards' order", () => {
    expect(rewardsUseCounts(rewards, "mem_ann", now)).toEqual([
      { rewardId: "rw_limited", memberId: "mem_ann", since: null },
      { rewardId: "rw_budgeted", memberId: "mem_ann", since: null },
      { rewardId: "rw_budgeted", since: "2026-03-02T00:00:00.000Z" },
      { rewardId: "rw_budgeted", since: null },
    ]);
  });

  it("when the counts come back, then each reward stands by its own, with what pending redemptions hold taken from the balance", () => {
    const counts = [
      { count: 1, valueMinor: 500 },
      { count: 2, valueMinor: 1000 },
      { count: 3, valueMinor: 1500 },
      { count: 3, valueMinor: 1500 },
    ];
    const standing = memberRewards(
      { tiers: [], rewards },
      { member: { balance: 250, stats: emptyStats(), tier: null }, heldPoints: 100, recentRedemptions: [], redemptionCounts: counts },
      now,
    );
    expect(standing).toEqual({
      balance: 150,
      heldPoints: 100,
      rewards: [
        { id: "rw_plain", available: true, reason: null },
        { id: "rw_limited", available: false, reason: { code: "limit_reached", limit: 1 } },
        { id: "rw_budgeted", available: false, reason: { code: "not_available", why: "budget" } },
      ],
      redemptions: [],
    });
  });

  it("when fewer counts come back than the rewards need, then it throws rather than judge on missing figures", () => {
    const reading = { member: { balance: 0, stats: emptyStats(), tier: null }, heldPoints: 0, recentRedemptions: [], redemptionCounts: [{ count: 0, valueMinor: 0 }] };
    expect(() => memberRewards({ tiers: [], rewards }, reading, now)).toThrow(/needs 3 counts, got 0/);
  });
});
