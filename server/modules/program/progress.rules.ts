import type { MemberStats } from "../members/member.js";
import { statsFromOrders } from "../members/member-stats.rules.js";
import type { OrderRecord } from "../orders/order-record.js";
import type { Goal, ProgramSettings } from "../settings/program-settings.js";

export type Challenge = ProgramSettings["challenges"][number];

/** How far the member's history is toward a goal: paid orders, or spend (the eligible amount) in minor units. */
export function goalProgress(goal: Goal | null, stats: MemberStats): { progress: number; target: number; completed: boolean } {
  if (goal?.kind !== "orders" && goal?.kind !== "spend") return { progress: 0, target: goal?.target ?? 1, completed: false };
  const value = goal.kind === "orders" ? stats.paidOrders : stats.lifetimeSpendMinor;
  return { progress: Math.min(value, goal.target), target: goal.target, completed: value >= goal.target };
}

/** A challenge measured on the member's order records: only orders placed at or after its `countFrom` count. */
export function challengeProgress(challenge: Pick<Challenge, "goal" | "countFrom">, orders: OrderRecord[]) {
  return goalProgress(challenge.goal, statsFromOrders(orders, challenge.countFrom));
}

/** The highest tier whose threshold the lifetime spend reaches, and the one after it. */
export function tierStanding(tiers: ProgramSettings["tiers"], spendMinor: number) {
  const ordered = [...tiers].sort((a, b) => a.thresholdMinor - b.thresholdMinor);
  const reached = ordered.filter((tier) => spendMinor >= tier.thresholdMinor);
  const current = reached.at(-1) ?? null;
  const next = ordered.find((tier) => tier.thresholdMinor > spendMinor) ?? null;
  return {
    current: current ? { id: current.id, name: current.name } : null,
    next: next ? { id: next.id, name: next.name, thresholdMinor: next.thresholdMinor } : null,
    spendMinor,
  };
}

export const challengeRewardKey = (challengeId: string, memberId: string) => `task:${challengeId}:${memberId}:once`;

/**
 * What the member is owed now: the challenges their history completes that have not paid them yet (`paidKeys`
 * holds the reward keys already in the ledger). The job, its preview and order reconciliation all pay by this.
 */
export function challengesDue<C extends Pick<Challenge, "id" | "goal" | "countFrom">>(
  challenges: C[],
  orders: OrderRecord[],
  paidKeys: ReadonlySet<string>,
  memberId: string,
): C[] {
  return challenges.filter((challenge) => !paidKeys.has(challengeRewardKey(challenge.id, memberId)) && challengeProgress(challenge, orders).completed);
}
