/**
 * The ledger keys that pay and take back challenges: one per challenge, member and period key, with a generation
 * so a completion taken back (a refund, `reverseOnRefund`) is paid again if the history completes it anew.
 * The first generation's key is the one paid before generations existed (`task:{challenge}:{member}:once`).
 */
const suffix = (generation: number) => (generation > 1 ? `:g${generation}` : "");

export const challengeRewardKey = (challengeId: string, memberId: string, periodKey: string, generation = 1) => `task:${challengeId}:${memberId}:${periodKey}${suffix(generation)}`;

export const challengeReversalKey = (challengeId: string, memberId: string, periodKey: string, generation = 1) =>
  `task-reversal:${challengeId}:${memberId}:${periodKey}${suffix(generation)}`;

/** The prefix of every key above: `ledger.memberKeys(storeId, memberId, CHALLENGE_KEY_PREFIX)` brings them all. */
export const CHALLENGE_KEY_PREFIX = "task";

const KEY = /^(task|task-reversal):([^:]+):([^:]+):([^:]+)(?::g(\d+))?$/;

/** How often one completion (challenge and period key) was paid and taken back: paid now while `paid > reversed`. */
export interface PayoutGenerations {
  paid: number;
  reversed: number;
}

/** A member's payouts per challenge, then per period key, read from their challenge keys. */
export function payoutsOf(keys: string[], memberId: string): Map<string, Map<string, PayoutGenerations>> {
  const payouts = new Map<string, Map<string, PayoutGenerations>>();
  for (const key of keys) {
    const match = KEY.exec(key);
    if (!match || match[3] !== memberId) continue;
    const [, kind, challengeId, , periodKey, generation] = match as unknown as [string, string, string, string, string, string | undefined];
    const periods = payouts.get(challengeId) ?? new Map<string, PayoutGenerations>();
    const state = periods.get(periodKey) ?? { paid: 0, reversed: 0 };
    const n = generation ? Number(generation) : 1;
    if (kind === "task") state.paid = Math.max(state.paid, n);
    else state.reversed = Math.max(state.reversed, n);
    periods.set(periodKey, state);
    payouts.set(challengeId, periods);
  }
  return payouts;
}

/** The period keys of a challenge paid now (not taken back). */
export const paidKeysOf = (payouts: Map<string, Map<string, PayoutGenerations>>, challengeId: string): string[] =>
  [...(payouts.get(challengeId) ?? new Map<string, PayoutGenerations>())].filter(([, state]) => state.paid > state.reversed).map(([key]) => key);
