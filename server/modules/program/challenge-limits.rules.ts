import type { SourceTally } from "../ledger/ledger-entry.js";
import type { Challenge } from "./challenge-progress.rules.js";
import { periodStart } from "./period.rules.js";

/** What a challenge has paid, from its ledger entries: in all, and in the limits' current period. */
export interface ChallengeTallies {
  total: SourceTally;
  period: SourceTally;
}

export const hasLimits = (challenge: Challenge): boolean => {
  const { winners, totalPoints, periodPoints } = challenge.limits;
  return winners !== null || totalPoints !== null || periodPoints !== null;
};

/** Where the limits' period began (ISO), or null when they count in all ("total"). */
export function limitsPeriodStart(challenge: Challenge, now: Date, timeZone: string): string | null {
  const { period } = challenge.limits;
  return period === "total" ? null : periodStart(period, now, timeZone).toISOString();
}

/** Completions paid and not taken back. */
const winnersOf = (tally: SourceTally) => (tally.kinds.earn_task ?? 0) - (tally.kinds.reverse ?? 0);

/**
 * Whether one more completion would break a limit: the winners of the period are all in, or its points would
 * go beyond the budget in all or in the period. Reached, the challenge is closed until the next period (or for good).
 */
export function limitReached(challenge: Challenge, tallies: ChallengeTallies): boolean {
  const { winners, totalPoints, periodPoints } = challenge.limits;
  if (winners !== null && winnersOf(tallies.period) >= winners) return true;
  if (totalPoints !== null && tallies.total.points + challenge.points > totalPoints) return true;
  return periodPoints !== null && tallies.period.points + challenge.points > periodPoints;
}

/** The tallies after paying (+1) or taking back (-1) one completion of `points`. */
export function tallied(tallies: ChallengeTallies, points: number, direction: 1 | -1): ChallengeTallies {
  const kind = direction === 1 ? "earn_task" : "reverse";
  const add = (tally: SourceTally): SourceTally => ({ kinds: { ...tally.kinds, [kind]: (tally.kinds[kind] ?? 0) + 1 }, points: tally.points + direction * points });
  return { total: add(tallies.total), period: add(tallies.period) };
}
