import type { StoreTransaction } from "../../storage/storage.port.js";
import type { AppendResult } from "../ledger/ledger-entry.js";
import type { Redemption } from "../rewards/redemption.js";
import type { Referral } from "../referrals/referral.js";
import type { TierChange } from "../tiers/tier-change.js";
import type { WebhookEventType } from "./webhook-endpoint.js";
import { memberRef, recordWebhookEvent } from "./webhook-outbox.js";

/** The events the app reports, each built from the record of the change that causes it (README, "Outgoing webhooks"). */
type MemberEventTx = Pick<StoreTransaction, "members" | "webhooks">;

/** Records an event about one member: `data` carries `{ id, email, customerId }` of them under `role`, then `fields`. */
async function recordAbout(
  tx: MemberEventTx,
  storeId: number,
  type: WebhookEventType,
  memberId: string,
  fields: Record<string, unknown>,
  at: Date,
  role: "member" | "ambassador" = "member",
): Promise<void> {
  const member = (await tx.members.get(storeId, memberId)) ?? { id: memberId, email: null, customerId: null };
  await recordWebhookEvent(tx, storeId, type, { [role]: memberRef(member), ...fields }, at);
}

/** A new ledger entry: its signed points and the balance after it. */
export function recordPointsChanged(tx: MemberEventTx, storeId: number, result: AppendResult, at: Date): Promise<void> {
  const { entry, balance } = result;
  const fields = { entryId: entry.id, delta: entry.delta, balance, kind: entry.kind, source: entry.source, note: entry.note };
  return recordAbout(tx, storeId, "member.points_changed", entry.memberId, fields, at);
}

/** A reward issued to the member: bought with points, or granted by a challenge or a referral (points 0). */
export function recordRewardRedeemed(tx: MemberEventTx, storeId: number, redemption: Redemption, at: Date): Promise<void> {
  const { id: redemptionId, rewardId, rewardName, rewardKind, points, valueMinor, coupon } = redemption;
  const fields = { redemptionId, rewardId, rewardName, rewardKind, points, valueMinor, couponCode: coupon?.code ?? null, couponExpiresAt: coupon?.expiresAt ?? null };
  return recordAbout(tx, storeId, "reward.redeemed", redemption.memberId, fields, at);
}

/** The tier a member holds changed (`fromTierId` or `toTierId` null: below every tier). */
export function recordTierChanged(tx: MemberEventTx, storeId: number, change: TierChange, at: Date): Promise<void> {
  const fields = { changeId: change.id, fromTierId: change.fromTierId, toTierId: change.toTierId, reason: change.reason };
  return recordAbout(tx, storeId, "tier.changed", change.memberId, fields, at);
}

/** A friend's order passed Questline's checks: the ambassador's reward is due (now, or after the holding period). */
export function recordReferralQualified(tx: MemberEventTx, storeId: number, referral: Referral, at: Date): Promise<void> {
  const { id: referralId, orderId, friendEmail, status, payableAt } = referral;
  return recordAbout(tx, storeId, "referral.qualified", referral.ambassadorId, { referralId, orderId, friendEmail, status, payableAt }, at, "ambassador");
}

/** A member completed a challenge (a period of a repeating one counts once), with the points it paid. */
export function recordChallengeCompleted(
  tx: MemberEventTx,
  storeId: number,
  completion: { memberId: string; challengeId: string; challengeTitle: string; periodKey: string; points: number },
  at: Date,
): Promise<void> {
  const { memberId, ...fields } = completion;
  return recordAbout(tx, storeId, "challenge.completed", memberId, fields, at);
}
