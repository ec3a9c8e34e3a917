import type { AmbassadorLevel, ReferralSettings } from "./referral-settings.js";

/** The highest level an ambassador holds with this many qualified (paid) referrals; null below the first. */
export function levelAt(levels: AmbassadorLevel[], qualified: number): AmbassadorLevel | null {
  let reached: AmbassadorLevel | null = null;
  for (const level of levels) if (qualified >= level.minReferrals) reached = level;
  return reached;
}

/** What one referral pays: the reward's points (none for a catalog reward, granted instead) plus the extra of the level held when it is paid. */
export interface Payout {
  points: number;
  extraPoints: number;
  rewardId: string | null;
  level: { id: string; name: string } | null;
}

export function payoutFor(settings: Pick<ReferralSettings, "ambassadorReward" | "levels">, paidBefore: number): Payout {
  const level = levelAt(settings.levels, paidBefore);
  const reward = settings.ambassadorReward;
  return {
    points: reward.kind === "points" ? reward.points : 0,
    extraPoints: level?.extraPoints ?? 0,
    rewardId: reward.kind === "reward" ? reward.rewardId : null,
    level: level ? { id: level.id, name: level.name } : null,
  };
}
