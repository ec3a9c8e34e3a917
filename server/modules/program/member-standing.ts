import type { OrderRecord } from "../orders/order-record.js";
import { statsFromOrders } from "../members/member-stats.rules.js";
import type { ProgramSettings } from "../settings/program-settings.js";
import { challengeProgress, challengeRewardKey, goalProgress, tierStanding } from "./progress.rules.js";

/** The ledger keys that pay the member's challenges: `memberStanding` needs to know which are taken. */
export const challengeRewardKeys = (settings: ProgramSettings, memberId: string): string[] => settings.challenges.map((challenge) => challengeRewardKey(challenge.id, memberId));

/**
 * A member's standing as the widget shows it, measured on their order records. A challenge reads completed
 * only once its points are in the ledger (`paidKeys`: the taken ones of `challengeRewardKeys`), so a change
 * still being measured never shows "Completed" unpaid.
 */
export function memberStanding(settings: ProgramSettings, memberId: string, orders: OrderRecord[], paidKeys: string[]) {
  const stats = statsFromOrders(orders);
  const paid = new Set(paidKeys);
  return {
    tier: tierStanding(settings.tiers, stats.lifetimeSpendMinor),
    challenges: settings.challenges.map((challenge) => {
      const { progress, target } = challengeProgress(challenge, orders);
      return { id: challenge.id, progress, target, completed: paid.has(challengeRewardKey(challenge.id, memberId)) };
    }),
    badges: settings.badges.map((badge) => ({ id: badge.id, earned: goalProgress(badge.goal, stats).completed })),
  };
}
