import type { Member } from "../members/member.js";
import type { ProgramSettings } from "../settings/program-settings.js";
import type { Redemption, RedemptionTally, RedemptionView } from "./redemption.js";
import { memberTierId, redemptionView } from "./redemption-steps.js";
import { rewardStanding, rewardsUseFrom } from "./reward-availability.rules.js";
import type { RewardStanding } from "./reward-standing.js";

/** What a member's rewards are told from, all read at once (the storefront's member snapshot brings it). */
export interface RewardsReading {
  /** The cached balance (the ledger's) and the lifetime spend that sets the tier. */
  member: Pick<Member, "balance" | "stats" | "tier">;
  /** Points held by the member's pending redemptions. */
  heldPoints: number;
  /** The member's newest redemptions first. */
  recentRedemptions: Redemption[];
  /** The answers to `rewardsUseCounts(settings.rewards, member, now)`, in its order. */
  redemptionCounts: RedemptionTally[];
}

export interface MemberRewards {
  /** What the member may spend: what pending redemptions hold is not theirs to spend twice. */
  balance: number;
  heldPoints: number;
  rewards: RewardStanding[];
  redemptions: RedemptionView[];
}

/** `GET /me`: the spendable balance, points held, each reward's standing and the newest redemptions. */
export function memberRewards(settings: Pick<ProgramSettings, "tiers" | "rewards">, reading: RewardsReading, now: Date): MemberRewards {
  const spendable = reading.member.balance - reading.heldPoints;
  const tierId = memberTierId(settings.tiers, reading.member, now);
  return {
    balance: spendable,
    heldPoints: reading.heldPoints,
    rewards: rewardsUseFrom(settings.rewards, reading.redemptionCounts).map(({ reward, use }) => rewardStanding(reward, { spendable, tierId, ...use, now })),
    redemptions: reading.recentRedemptions.map(redemptionView),
  };
}
