import type { SourceTally } from "../ledger/ledger-entry.js";
import type { ProgramSettings } from "../settings/program-settings.js";
import { badgeStanding } from "./badge-standing.rules.js";
import { paidKeysOf, payoutsOf } from "./challenge-keys.rules.js";
import { hasLimits, limitReached, limitsPeriodStart } from "./challenge-limits.rules.js";
import { challengeStanding, type ChallengeHistory } from "./challenge-progress.rules.js";
import type { MemberBadge, MemberChallenge } from "./standing-schema.js";
import type { ProofStanding } from "./task-schema.js";

/** The ledger tallies `memberStanding` needs: for each challenge with limits, what it paid in all and in the period. */
export function challengeTallyQueries(settings: ProgramSettings, now: Date, timeZone: string) {
  return settings.challenges.filter(hasLimits).flatMap((challenge) => {
    const source = { type: "task", id: challenge.id } as const;
    return [
      { source, since: null },
      { source, since: limitsPeriodStart(challenge, now, timeZone) },
    ];
  });
}

/** The member's latest proof of the challenge in this period, while it waits or once turned down (an approved one is a completion). */
function proofStanding({ completions }: ChallengeHistory, challengeId: string, periodKey: string): ProofStanding {
  const latest = completions.findLast((completion) => completion.challengeId === challengeId && completion.periodKey === periodKey);
  if (latest?.status === "pending") return { status: "pending", reason: null };
  return latest?.status === "rejected" ? { status: "rejected", reason: latest.reason } : null;
}

/**
 * A member's standing as the widget shows it: each challenge measured on their history with what is
 * paid (`payoutKeys`, their challenge keys in the ledger) and its limits (`tallies`, answering
 * `challengeTallyQueries` in order), and each badge. A challenge reads completed only once paid, so a change
 * still being measured never shows "Completed" unpaid; one whose winners or budget are spent is closed.
 */
export function memberStanding(
  settings: ProgramSettings,
  memberId: string,
  history: ChallengeHistory,
  payoutKeys: string[],
  tallies: SourceTally[],
  now: Date,
  timeZone: string,
): { challenges: MemberChallenge[]; badges: MemberBadge[] } {
  const payouts = payoutsOf(payoutKeys, memberId);
  const limited = settings.challenges.filter(hasLimits).map((challenge) => challenge.id);
  const measured = settings.challenges.map((challenge) => {
    const standing = challengeStanding(challenge, history, now, timeZone);
    const paidKeys = paidKeysOf(payouts, challenge.id).sort();
    const at = limited.indexOf(challenge.id);
    const closed = at >= 0 && limitReached(challenge, { total: tallies[at * 2]!, period: tallies[at * 2 + 1]! });
    const completed = paidKeys.includes(standing.periodKey);
    const view: MemberChallenge = {
      ...standing,
      id: challenge.id,
      visible: standing.visible || (challenge.hidden && standing.reason !== "draft" && standing.reason !== "audience" && paidKeys.length > 0),
      open: standing.open && !completed && !closed,
      reason: standing.reason ?? (closed && !completed ? "closed" : null),
      progress: completed ? standing.target : standing.progress,
      completedKeys: paidKeys,
      completed,
      proof: challenge.goal.kind === "proof" ? proofStanding(history, challenge.id, standing.periodKey) : null,
    };
    return { id: challenge.id, badgeIds: challenge.badgeIds, standing: view, paid: paidKeys.length > 0 };
  });
  return {
    challenges: measured.filter((challenge) => challenge.standing.reason !== "draft").map((challenge) => challenge.standing),
    badges: settings.badges.map((badge) => badgeStanding(badge, history, measured, now, timeZone)),
  };
}
