import { newId } from "../../lib/ids.js";
import type { StoreTransaction } from "../../storage/storage.port.js";
import type { ReferralBasis } from "../ledger/ledger-basis.js";
import { post } from "../ledger/posting.js";
import { recordReferralQualified } from "../webhooks/webhook-events.js";
import { release } from "../rewards/redemption-steps.js";
import { grantReward } from "../rewards/reward-grant.js";
import type { ProgramSettings } from "../settings/program-settings.js";
import type { MemberReferral, Referral, ReferralReason, ReferralStatus } from "./referral.js";
import { payReferralChallenges } from "../program/referral-challenges.js";
import { payoutFor } from "./referral-payout.rules.js";

/** The tables a referral's life touches (the ambassador's referral challenges read their orders and the catalog). */
export type ReferralTx = Pick<StoreTransaction, "referrals" | "members" | "ledger" | "audit" | "redemptions" | "orders" | "settings" | "webhooks">;

/** The store's program, and its time zone for the periods of referral challenges. */
export interface ReferralProgram {
  settings: ProgramSettings;
  timeZone: string;
}

const PENDING: ReadonlySet<ReferralStatus> = new Set(["checking", "held", "review"]);
/** Past Questline's checks: held for the holding period, or paid. A referral reaching either the first time is reported (referral.qualified). */
const QUALIFIED: ReadonlySet<ReferralStatus> = new Set(["held", "paid"]);
export const isPending = (referral: Referral) => PENDING.has(referral.status);

/** The ambassador's counters from their referrals: friends whose order stands or stood (not rejected), waiting, paid. */
export function ambassadorCounters(referrals: Referral[]): Pick<MemberReferral, "friendsOrdered" | "pending" | "paid"> {
  return {
    friendsOrdered: referrals.filter((referral) => referral.status !== "rejected").length,
    pending: referrals.filter(isPending).length,
    paid: referrals.filter((referral) => referral.status === "paid").length,
  };
}

/** Recomputes the ambassador's counters on their member in the same transaction, so `/me` never disagrees with the referrals. */
export async function refreshAmbassador(tx: Pick<ReferralTx, "referrals" | "members">, storeId: number, ambassadorId: string, now: Date): Promise<void> {
  const member = await tx.members.get(storeId, ambassadorId);
  if (!member?.referral) return;
  const counters = ambassadorCounters(await tx.referrals.listForAmbassador(storeId, ambassadorId));
  const { friendsOrdered, pending, paid } = member.referral;
  if (counters.friendsOrdered === friendsOrdered && counters.pending === pending && counters.paid === paid) return;
  await tx.members.update(storeId, { ...member, referral: { ...member.referral, ...counters }, updatedAt: now.toISOString() });
}

/**
 * Saves a referral's new state, audits it for the merchant (`referral.<status>`, the ambassador as the subject)
 * and keeps the ambassador's counters in step.
 */
export async function saveMove(tx: ReferralTx, storeId: number, referral: Referral, actor: string, now: Date, details: Record<string, unknown> = {}): Promise<Referral> {
  const before = await tx.referrals.get(storeId, referral.id);
  await tx.referrals.update(storeId, referral);
  if (QUALIFIED.has(referral.status) && !QUALIFIED.has(before?.status ?? "checking")) await recordReferralQualified(tx, storeId, referral, now);
  await tx.audit.append(storeId, {
    id: newId("aud"),
    storeId,
    actor,
    action: `referral.${referral.status}`,
    subject: referral.ambassadorId,
    details: {
      referralId: referral.id,
      orderId: referral.orderId,
      code: referral.code,
      friendEmail: referral.friendEmail,
      reason: referral.reason,
      signals: referral.signals,
      points: referral.points,
      ...details,
    },
    createdAt: now.toISOString(),
  });
  await refreshAmbassador(tx, storeId, referral.ambassadorId, now);
  return referral;
}

const moved = (referral: Referral, status: ReferralStatus, reason: ReferralReason | null, now: Date): Referral => ({ ...referral, status, reason, updatedAt: now.toISOString() });

/**
 * Pays a held referral: the reward's points and the level's extra as one `earn_referral` entry (its key makes a
 * second payment write nothing), or the catalog reward granted free; the level is the one the ambassador holds with
 * the referrals paid before this one. Then the ambassador's referral challenges it completes.
 */
export async function payReferral(tx: ReferralTx, storeId: number, referral: Referral, program: ReferralProgram, actor: string, now: Date): Promise<Referral> {
  const { settings } = program;
  const paidBefore = (await tx.referrals.listForAmbassador(storeId, referral.ambassadorId)).filter((other) => other.status === "paid" && other.id !== referral.id).length;
  const payout = payoutFor(settings.referrals, paidBefore);
  const points = payout.points + payout.extraPoints;
  if (points > 0) {
    const basis: ReferralBasis = {
      referralId: referral.id,
      orderId: referral.orderId,
      code: referral.code,
      rewardPoints: payout.points,
      extraPoints: payout.extraPoints,
      level: payout.level?.name ?? null,
    };
    const level = payout.level && payout.extraPoints > 0 ? `, ${payout.extraPoints} extra as ${payout.level.name}` : "";
    const note = `Friend's order ${referral.orderId} with code ${referral.code}${level}`;
    const entry = { memberId: referral.ambassadorId, delta: points, kind: "earn_referral" as const, idempotencyKey: `referral:${referral.id}:earn`, actor, note, basis };
    await post(tx, storeId, { ...entry, source: { type: "referral", id: referral.id } }, now);
  }
  const reward = payout.rewardId ? settings.rewards.find((candidate) => candidate.id === payout.rewardId) : undefined;
  const cause = { key: `referral:${referral.id}:grant`, fingerprint: `referral:${referral.id}`, grantedBy: { referralId: referral.id, code: referral.code } };
  const grant = reward ? await grantReward(tx, storeId, referral.ambassadorId, reward, cause, now) : null;
  const paid: Referral = { ...moved(referral, "paid", null, now), points, redemptionId: grant?.id ?? null, paidAt: now.toISOString() };
  const skipped = payout.rewardId && !grant ? { rewardSkipped: payout.rewardId } : {};
  const saved = await saveMove(tx, storeId, paid, actor, now, { level: payout.level?.name ?? null, ...skipped });
  await payReferralChallenges(tx, storeId, referral.ambassadorId, settings, { now, timeZone: program.timeZone });
  return saved;
}

/** A friend's order refunded or cancelled before the reward was paid: it pays nothing. */
export function cancelReferral(tx: ReferralTx, storeId: number, referral: Referral, now: Date): Promise<Referral> {
  return saveMove(tx, storeId, { ...moved(referral, "cancelled", "refunded", now), payableAt: null }, "system", now);
}

/**
 * A paid referral's order refunded after the hold, where the merchant takes rewards back: the points as one
 * `reverse` entry (booked in full; what the balance did not hold is recorded as the shortfall), a granted coupon
 * not yet made is cancelled (one already issued stays the ambassador's); a `reverseOnRefund` referral challenge it
 * no longer reaches is taken back.
 */
export async function reverseReferral(tx: ReferralTx, storeId: number, referral: Referral, program: ReferralProgram, now: Date): Promise<Referral> {
  if (referral.points > 0) {
    const balance = await tx.ledger.balance(storeId, referral.ambassadorId);
    const shortfall = Math.max(0, referral.points - Math.max(0, balance));
    const basis: ReferralBasis = {
      referralId: referral.id,
      orderId: referral.orderId,
      code: referral.code,
      rewardPoints: referral.points,
      extraPoints: 0,
      level: null,
      ...(shortfall > 0 ? { shortfall } : {}),
    };
    const note = `Friend's order ${referral.orderId} refunded: referral points taken back`;
    const entry = {
      memberId: referral.ambassadorId,
      delta: -referral.points,
      kind: "reverse" as const,
      idempotencyKey: `referral:${referral.id}:reverse`,
      actor: "system",
      note,
      basis,
    };
    await post(tx, storeId, { ...entry, source: { type: "referral", id: referral.id } }, now);
  }
  if (referral.redemptionId) {
    const grant = await tx.redemptions.get(storeId, referral.redemptionId);
    if (grant?.status === "pending") await release(tx, storeId, grant.id, "The friend's order was refunded before the coupon was made.", now);
  }
  const saved = await saveMove(tx, storeId, moved(referral, "reversed", "refunded", now), "system", now);
  await payReferralChallenges(tx, storeId, referral.ambassadorId, program.settings, { now, timeZone: program.timeZone });
  return saved;
}
