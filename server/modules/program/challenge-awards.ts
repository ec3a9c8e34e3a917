import type { Clock } from "../../lib/clock.js";
import type { StoreTransaction } from "../../storage/storage.port.js";
import type { TaskBasis } from "../ledger/ledger-basis.js";
import { post } from "../ledger/posting.js";
import { recordChallengeCompleted } from "../webhooks/webhook-events.js";
import { cancelGrants, grantRewards } from "../rewards/reward-grant.js";
import type { Reward } from "../settings/program-settings.js";
import { MILESTONE_KINDS, REFERRAL_KINDS } from "./challenge-schema.js";
import { CHALLENGE_KEY_PREFIX, challengeReversalKey, challengeRewardKey, payoutsOf, type PayoutGenerations } from "./challenge-keys.rules.js";
import { hasLimits, limitReached, limitsPeriodStart, tallied, type ChallengeTallies } from "./challenge-limits.rules.js";
import { challengeStanding, type Challenge, type ChallengeHistory } from "./challenge-progress.rules.js";

/** What one call paid and took back. */
export interface ChallengePayout {
  /** Completions paid, and their points. */
  challenges: number;
  points: number;
  /** Completions taken back, and their points (positive). */
  reversed: number;
  reversedPoints: number;
  /** Badges the completions paid name (a badge is earned while a paid challenge names it). */
  badgeIds: string[];
  /** Catalog rewards the completions granted (a reward skipped for its limit or budget is not here). */
  rewardIds: string[];
}

export interface PayoutContext {
  clock: Clock;
  timeZone: string;
  /** Take back, for challenges with `reverseOnRefund`, completions the history no longer supports (order changes only). */
  reverse: boolean;
}

/** Challenges measured from orders: what order reconciliation and measurements pay (shopper tasks are paid as they are done). */
export const orderChallenges = (challenges: Challenge[]): Challenge[] => challenges.filter((challenge) => (MILESTONE_KINDS as readonly string[]).includes(challenge.goal.kind));
/** Challenges measured from the member's ambassador side: paid where referrals move and where their link is first opened. */
export const referralChallenges = (challenges: Challenge[]): Challenge[] => challenges.filter((challenge) => (REFERRAL_KINDS as readonly string[]).includes(challenge.goal.kind));
/** Challenges measured from the member's history, orders and ambassador side: what a program change measures every member against. */
export const measuredChallenges = (challenges: Challenge[]): Challenge[] => [...orderChallenges(challenges), ...referralChallenges(challenges)];

/** What a challenge's history completes and is not paid now: each period key with the generation its payout takes. */
export function unpaidKeys(completedKeys: string[], paid: Map<string, PayoutGenerations> | undefined): { periodKey: string; generation: number }[] {
  return completedKeys.flatMap((periodKey) => {
    const state = paid?.get(periodKey) ?? { paid: 0, reversed: 0 };
    return state.paid > state.reversed ? [] : [{ periodKey, generation: state.paid + 1 }];
  });
}

const basisOf = (challenge: Challenge, periodKey: string): TaskBasis => ({
  challengeId: challenge.id,
  title: challenge.title,
  goal: challenge.goal,
  countFrom: challenge.countFrom,
  points: challenge.points,
  periodKey,
});

/**
 * Pays every completion the member's history makes (one key per challenge, member and period key, so a repeat
 * writes nothing), within the challenge's winners and budgets counted from the ledger in this transaction, and
 * with `reverse` takes back what a `reverseOnRefund` challenge's history no longer supports. Drafts, challenges
 * ended by hand and members outside the audience are paid nothing.
 */
export async function payDueChallenges(
  tx: Pick<StoreTransaction, "ledger" | "redemptions" | "settings" | "members" | "webhooks">,
  storeId: number,
  memberId: string,
  history: ChallengeHistory,
  challenges: Challenge[],
  context: PayoutContext,
): Promise<ChallengePayout> {
  const now = context.clock.now();
  const payouts = payoutsOf(await tx.ledger.memberKeys(storeId, memberId, CHALLENGE_KEY_PREFIX), memberId);
  const payout: ChallengePayout = { challenges: 0, points: 0, reversed: 0, reversedPoints: 0, badgeIds: [], rewardIds: [] };
  let catalog: Reward[] | null = null;
  const rewards = async () => (catalog ??= (await tx.settings.get(storeId))?.rewards ?? []);
  for (const challenge of challenges) {
    if (challenge.status === "draft") continue;
    const standing = challengeStanding(challenge, history, now, context.timeZone);
    const paid = payouts.get(challenge.id);
    const source = { type: "task", id: challenge.id } as const;
    let tallies: ChallengeTallies | null = null;
    const tally = async () => {
      const since = limitsPeriodStart(challenge, now, context.timeZone);
      tallies ??= { total: await tx.ledger.tallyBySource(storeId, source, null), period: await tx.ledger.tallyBySource(storeId, source, since) };
      return tallies;
    };

    if (context.reverse && challenge.reverseOnRefund && standing.reason !== "audience") {
      for (const [periodKey, state] of paid ?? []) {
        if (state.paid <= state.reversed || standing.completedKeys.includes(periodKey)) continue;
        const entry = await tx.ledger.findByKey(storeId, challengeRewardKey(challenge.id, memberId, periodKey, state.paid));
        const points = entry?.delta ?? 0;
        const { created } = await post(
          tx,
          storeId,
          {
            memberId,
            delta: -points,
            kind: "reverse",
            source,
            idempotencyKey: challengeReversalKey(challenge.id, memberId, periodKey, state.paid),
            actor: "system",
            note: `Challenge taken back: ${challenge.title} (the orders no longer reach it)`,
            basis: basisOf(challenge, periodKey),
          },
          now,
        );
        if (!created) continue;
        await cancelGrants(tx, storeId, memberId, challenge.rewardIds, { challengeId: challenge.id, periodKey, generation: state.paid }, now);
        payout.reversed++;
        payout.reversedPoints += points;
        if (tallies) tallies = tallied(tallies, points, -1);
      }
    }

    // Ended by hand, it pays nothing more; a window's end needs no such rule (nothing after it counts).
    if (standing.reason === "audience" || challenge.status === "ended") continue;
    for (const { periodKey, generation } of unpaidKeys(standing.completedKeys, paid)) {
      if (hasLimits(challenge) && limitReached(challenge, await tally())) break;
      const { created } = await post(
        tx,
        storeId,
        {
          memberId,
          delta: challenge.points,
          kind: "earn_task",
          source,
          idempotencyKey: challengeRewardKey(challenge.id, memberId, periodKey, generation),
          actor: "system",
          note: `Challenge completed: ${challenge.title}`,
          basis: basisOf(challenge, periodKey),
        },
        now,
      );
      if (!created) continue;
      await recordChallengeCompleted(tx, storeId, { memberId, challengeId: challenge.id, challengeTitle: challenge.title, periodKey, points: challenge.points }, now);
      payout.challenges++;
      payout.points += challenge.points;
      payout.badgeIds.push(...challenge.badgeIds.filter((id) => !payout.badgeIds.includes(id)));
      if (challenge.rewardIds.length > 0) {
        const completion = { challengeId: challenge.id, challengeTitle: challenge.title, periodKey, generation };
        const granted = await grantRewards(tx, storeId, memberId, await rewards(), challenge.rewardIds, completion, now);
        payout.rewardIds.push(...granted.map((grant) => grant.rewardId));
      }
      if (tallies) tallies = tallied(tallies, challenge.points, 1);
    }
  }
  return payout;
}
