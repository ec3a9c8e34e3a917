import type { MemberStats } from "../members/member.js";
import type { Goal, ProgramSettings } from "../settings/program-settings.js";

/** How far the member's history is toward a goal: paid orders, or lifetime spend in minor units. */
export function goalProgress(goal: Goal, stats: MemberStats): { progress: number; target: number; completed: boolean } {
  const value = goal.kind === "orders" ? stats.paidOrders : stats.lifetimeSpendMinor;
  return { progress: Math.min(value, goal.target), target: goal.target, completed: value >= goal.target };
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

/** Challenges the member's history completes: each pays its points once (idempotency key per challenge and member). */
export function completedChallenges(settings: ProgramSettings, stats: MemberStats) {
  return settings.challenges.filter((challenge) => goalProgress(challenge.goal, stats).completed);
}

export const challengeRewardKey = (challengeId: string, memberId: string) => `task:${challengeId}:${memberId}:once`;
