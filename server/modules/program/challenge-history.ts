import type { Member } from "../members/member.js";
import type { OrderRecord } from "../orders/order-record.js";
import type { Referral } from "../referrals/referral.js";
import type { ProgramSettings } from "../settings/program-settings.js";
import { referralChallenges } from "./challenge-awards.js";
import type { ChallengeHistory, ReferralHistory } from "./challenge-progress.rules.js";
import { heldTier } from "../tiers/held-tier.rules.js";
import type { TaskCompletion } from "./task-completion.js";

/**
 * For callers that pay only order or shopper-task challenges (order reconciliation, a task done, a birthday):
 * referral challenges are paid where referrals move (`payReferralChallenges`), so these never read them.
 */
export const NO_REFERRAL_HISTORY: ReferralHistory = { firstVisitAt: null, paidAt: [] };

/** A member's history as the challenge rules read it; their tier is the one they hold at `now` (`heldTier`). */
export function challengeHistory(
  member: Pick<Member, "createdAt" | "game" | "tier">,
  orders: OrderRecord[],
  completions: TaskCompletion[],
  tiers: ProgramSettings["tiers"],
  referrals: ReferralHistory,
  now: Date,
): ChallengeHistory {
  const tier = heldTier(tiers, member.tier, now);
  return { orders, completions, member: { createdAt: member.createdAt, birthday: member.game.birthday, tierId: tier?.id ?? null }, referrals };
}

/** What the referral kinds count: the first visit of the member's link, and each referral paid (and not reversed since). */
export const referralHistory = (member: Pick<Member, "referral">, referrals: Referral[]): ReferralHistory => ({
  // Codes issued before visits were timed have none: their next visit sets it.
  firstVisitAt: member.referral?.firstVisitAt ?? null,
  paidAt: referrals.flatMap((referral) => (referral.status === "paid" && referral.paidAt ? [referral.paidAt] : [])),
});

/**
 * The member's referral history, read only when the program has a referral challenge and the member has paid
 * referrals to list (their counter says so): every other read costs nothing.
 */
export async function loadReferralHistory(
  listForAmbassador: (memberId: string) => Promise<Referral[]>,
  member: Pick<Member, "id" | "referral">,
  settings: Pick<ProgramSettings, "challenges">,
): Promise<ReferralHistory> {
  if (!member.referral || referralChallenges(settings.challenges).length === 0) return NO_REFERRAL_HISTORY;
  return referralHistory(member, member.referral.paid > 0 ? await listForAmbassador(member.id) : []);
}
