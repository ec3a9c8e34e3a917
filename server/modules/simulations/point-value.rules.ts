import type { Reward } from "../settings/program-settings.js";

/** What points are worth: `minor` units of the store currency for every `points`, as one reward of the catalog gives them. */
export interface PointValue {
  rewardId: string;
  rewardName: string;
  points: number;
  minor: number;
}

/** The money a reward gives for its points, when it is a fixed amount: an amount off, a variable reward's unit, a donation's pledge. */
function moneyFor(reward: Reward): Pick<PointValue, "points" | "minor"> | null {
  if (reward.kind === "amount_off") return { points: reward.costPoints, minor: reward.amountMinor };
  if (reward.kind === "variable") return { points: reward.pointsPerUnit, minor: reward.unitMinor };
  if (reward.kind === "donation") return { points: reward.costPoints, minor: reward.valueMinor };
  return null;
}

/**
 * The value of a point: the most money a point buys in the catalog, among the rewards that give a fixed amount
 * (percent off, free shipping, a free product and experiences have none). Points cost at most this when redeemed,
 * so the cost it gives is the most the points could cost. Null: no reward gives a fixed amount.
 */
export function pointValue(rewards: Reward[]): PointValue | null {
  let best: PointValue | null = null;
  for (const reward of rewards) {
    const money = moneyFor(reward);
    if (money && (!best || BigInt(money.minor) * BigInt(best.points) > BigInt(best.minor) * BigInt(money.points)))
      best = { rewardId: reward.id, rewardName: reward.name, ...money };
  }
  return best;
}

/** ⌊points × minor ÷ points⌋ of the value, in whole minor units (BigInt: a large program's product passes 2^53). */
export function costOf(points: number, value: PointValue | null): number | null {
  if (!value) return null;
  return Number((BigInt(points) * BigInt(value.minor)) / BigInt(value.points));
}
