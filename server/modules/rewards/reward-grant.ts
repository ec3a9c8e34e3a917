import type { StoreTransaction } from "../../storage/storage.port.js";
import type { Reward } from "../settings/program-settings.js";
import type { Redemption } from "./redemption.js";
import { newCouponCode, newRecord } from "./redemption-record.js";
import { release, rewardUse } from "./redemption-steps.js";
import { limitReason, rewardValueMinor } from "./reward-availability.rules.js";
import { lowestCost } from "./reward-cost.rules.js";

/** The tables a grant touches. */
export type GrantTx = Pick<StoreTransaction, "redemptions" | "ledger" | "members" | "webhooks">;

/** The completion that grants: one challenge, one period key, one generation of its payout. */
export interface GrantingCompletion {
  challengeId: string;
  challengeTitle: string;
  periodKey: string;
  generation: number;
}

/** A grant's request key, unique per member: a replay or a second process finds it and grants nothing twice. */
export const grantKey = (completion: Pick<GrantingCompletion, "challengeId" | "periodKey" | "generation">, rewardId: string) =>
  `grant:${completion.challengeId}:${completion.periodKey}:g${completion.generation}:${rewardId}`;

/**
 * Grants each named reward free (a redemption of 0 points) for a completion just paid, inside its transaction.
 * An experience or a donation is issued at once; a coupon waits `pending` with its code chosen, for the settle
 * job to make outside any transaction. A reward gone from the catalog, or whose member limit or budget is spent,
 * is skipped. Answers the redemptions made by this call.
 */
export async function grantRewards(
  tx: GrantTx,
  storeId: number,
  memberId: string,
  rewards: Reward[],
  rewardIds: string[],
  completion: GrantingCompletion,
  now: Date,
  newCode: () => string = newCouponCode,
): Promise<Redemption[]> {
  const granted: Redemption[] = [];
  for (const rewardId of rewardIds) {
    const reward = rewards.find((candidate) => candidate.id === rewardId);
    const grantedBy = { challengeId: completion.challengeId, challengeTitle: completion.challengeTitle, periodKey: completion.periodKey };
    const grant = reward
      ? await grantReward(tx, storeId, memberId, reward, { key: grantKey(completion, rewardId), fingerprint: `grant:${completion.challengeId}`, grantedBy }, now, newCode)
      : null;
    if (grant) granted.push(grant);
  }
  return granted;
}

/** What grants a reward: its request key (unique per member, so it is granted once), a fingerprint, and the cause the shopper reads. */
export interface GrantCause {
  key: string;
  fingerprint: string;
  grantedBy: NonNullable<Redemption["grantedBy"]>;
}

/**
 * Grants one reward free, once per cause, inside the caller's transaction; null when it was granted before or its
 * member limit or budget is spent (a grant counts in them as a redemption).
 */
export async function grantReward(tx: GrantTx, storeId: number, memberId: string, reward: Reward, cause: GrantCause, now: Date, newCode: () => string = newCouponCode) {
  if (await tx.redemptions.findByRequestKey(storeId, memberId, cause.key)) return null;
  const valueMinor = rewardValueMinor(reward, lowestCost(reward));
  if (limitReason(reward, await rewardUse(tx, storeId, memberId, reward, now), valueMinor)) return null;
  const code = reward.kind === "experience" || reward.kind === "donation" ? null : newCode();
  const redemption = newRecord({
    storeId,
    memberId,
    reward,
    points: 0,
    valueMinor,
    now,
    key: cause.key,
    requestFingerprint: cause.fingerprint,
    code,
    grantedBy: cause.grantedBy,
    // No call was made yet, so there is no grace to wait out: the next pass of the settle job makes it.
    checkAfter: code ? now : null,
  });
  await tx.redemptions.insert(storeId, redemption);
  return redemption;
}

/** A completion taken back: its coupons not yet made are cancelled (a coupon already issued stays the shopper's). */
export async function cancelGrants(tx: GrantTx, storeId: number, memberId: string, rewardIds: string[], completion: Omit<GrantingCompletion, "challengeTitle">, now: Date) {
  for (const rewardId of rewardIds) {
    const grant = await tx.redemptions.findByRequestKey(storeId, memberId, grantKey(completion, rewardId));
    if (grant?.status === "pending") await release(tx, storeId, grant.id, "The challenge was taken back before the coupon was made.", now);
  }
}
