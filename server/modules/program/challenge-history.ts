import type { Member } from "../members/member.js";
import { statsFromOrders } from "../members/member-stats.rules.js";
import type { OrderRecord } from "../orders/order-record.js";
import type { ProgramSettings } from "../settings/program-settings.js";
import type { ChallengeHistory } from "./challenge-progress.rules.js";
import { tierStanding } from "./progress.rules.js";
import type { TaskCompletion } from "./task-completion.js";

/** A member's history as the challenge rules read it; their tier is the one their lifetime spend reaches. */
export function challengeHistory(
  member: Pick<Member, "createdAt" | "game">,
  orders: OrderRecord[],
  completions: TaskCompletion[],
  tiers: ProgramSettings["tiers"],
): ChallengeHistory {
  const tier = tierStanding(tiers, statsFromOrders(orders).lifetimeSpendMinor).current;
  return { orders, completions, member: { createdAt: member.createdAt, birthday: member.game.birthday, tierId: tier?.id ?? null } };
}
