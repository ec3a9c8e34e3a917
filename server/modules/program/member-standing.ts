import type { StoreTransaction } from "../../storage/storage.port.js";
import { statsFromOrders } from "../members/member-stats.rules.js";
import type { ProgramSettings } from "../settings/program-settings.js";
import { challengeProgress, challengeRewardKey, goalProgress, tierStanding } from "./progress.rules.js";

/**
 * A member's standing as the widget shows it, measured on their order records. A challenge reads completed
 * only once its points are in the ledger, so a change still being measured never shows "Completed" unpaid.
 */
export async function memberStanding(tx: Pick<StoreTransaction, "orders" | "ledger">, storeId: number, memberId: string, settings: ProgramSettings) {
  const orders = await tx.orders.listForMember(storeId, memberId);
  const stats = statsFromOrders(orders);
  const paid = new Set(
    await tx.ledger.existingKeys(
      storeId,
      settings.challenges.map((challenge) => challengeRewardKey(challenge.id, memberId)),
    ),
  );
  return {
    tier: tierStanding(settings.tiers, stats.lifetimeSpendMinor),
    challenges: settings.challenges.map((challenge) => {
      const { progress, target } = challengeProgress(challenge, orders);
      return { id: challenge.id, progress, target, completed: paid.has(challengeRewardKey(challenge.id, memberId)) };
    }),
    badges: settings.badges.map((badge) => ({ id: badge.id, earned: goalProgress(badge.goal, stats).completed })),
  };
}
