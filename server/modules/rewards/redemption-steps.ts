import type { StoreTransaction } from "../../storage/storage.port.js";
import { post } from "../ledger/posting.js";
import { recordRewardRedeemed } from "../webhooks/webhook-events.js";
import type { Member } from "../members/member.js";
import { heldTier } from "../tiers/held-tier.rules.js";
import type { ProgramSettings, Reward } from "../settings/program-settings.js";
import type { Redemption, RedemptionTally, RedemptionView } from "./redemption.js";
import { rewardUseCounts, rewardUseFrom, type RedeemFacts, type RewardUse } from "./reward-availability.rules.js";

/** The tables a redemption's life touches. */
export type RedemptionTx = Pick<StoreTransaction, "redemptions" | "ledger" | "members" | "webhooks">;

/** What the shopper reads: the code only once the coupon is known to exist (issued, used, expired). */
export function redemptionView(redemption: Redemption): RedemptionView {
  const { id, rewardId, rewardName, points, status, grantedBy, createdAt, coupon } = redemption;
  const shown = coupon && (status === "issued" || status === "used" || status === "expired");
  return { id, rewardId, rewardName, points, status, grantedBy, createdAt, coupon: shown ? { code: coupon.code, expiresAt: coupon.expiresAt } : null };
}

/** Points the member may spend: the books' balance less what pending redemptions hold. */
export async function spendable(tx: RedemptionTx, storeId: number, memberId: string): Promise<number> {
  const balance = await tx.ledger.balance(storeId, memberId);
  return balance - (await tx.redemptions.heldPoints(storeId, memberId));
}

/** The member's redemptions of the reward and its budgets' use in their periods (only what the reward limits is read). */
export async function rewardUse(tx: RedemptionTx, storeId: number, memberId: string, reward: Reward, now: Date): Promise<RewardUse> {
  const counts: RedemptionTally[] = [];
  for (const { rewardId, ...query } of rewardUseCounts(reward, memberId, now)) counts.push(await tx.redemptions.countForReward(storeId, rewardId, query));
  return rewardUseFrom(reward, counts);
}

/** The tier the member holds at `now`, null below every tier. */
export const memberTierId = (tiers: ProgramSettings["tiers"], member: Pick<Member, "tier">, now: Date): string | null => heldTier(tiers, member.tier, now)?.id ?? null;

/** What decides whether the member may redeem the reward now: spendable points, tier, their redemptions and its budgets. */
export async function redeemFacts(tx: RedemptionTx, storeId: number, member: Member, tiers: ProgramSettings["tiers"], reward: Reward, now: Date): Promise<RedeemFacts> {
  return {
    spendable: await spendable(tx, storeId, member.id),
    tierId: memberTierId(tiers, member, now),
    ...(await rewardUse(tx, storeId, member.id, reward, now)),
    now,
  };
}

/**
 * The debit of an issued redemption, and its reward.redeemed event; the debit's key makes a second posting write
 * nothing. A granted reward costs no points and books nothing: a 0 debit would be a line on the books that moves nothing.
 */
export async function postRedeem(tx: RedemptionTx, storeId: number, redemption: Redemption, now: Date): Promise<void> {
  if (redemption.points > 0) await postDebit(tx, storeId, redemption, now);
  await recordRewardRedeemed(tx, storeId, redemption, now);
}

async function postDebit(tx: RedemptionTx, storeId: number, redemption: Redemption, now: Date): Promise<void> {
  await post(
    tx,
    storeId,
    {
      memberId: redemption.memberId,
      delta: -redemption.points,
      kind: "redeem",
      source: { type: "redemption", id: redemption.id },
      idempotencyKey: `redeem:${redemption.id}`,
      actor: "system",
      note: `Redeemed: ${redemption.rewardName}`,
      basis: {
        redemptionId: redemption.id,
        rewardId: redemption.rewardId,
        rewardName: redemption.rewardName,
        rewardKind: redemption.rewardKind,
        valueMinor: redemption.valueMinor,
        couponCode: redemption.coupon?.code ?? null,
      },
    },
    now,
  );
}

/**
 * Moves a redemption on only if it is still in `from`, inside the store's transaction, so two processes (or the
 * request and the job) settling the same one change it once. Answers it as it is now, changed or not.
 */
/** A redemption as it is after a step, and whether this call moved it (another process may have first). */
export interface Moved {
  redemption: Redemption;
  changed: boolean;
}

async function transition(
  tx: RedemptionTx,
  storeId: number,
  id: string,
  from: Redemption["status"],
  change: (current: Redemption) => Redemption,
): Promise<{ redemption: Redemption; changed: boolean }> {
  const current = await tx.redemptions.get(storeId, id);
  if (!current) throw new Error(`redemption ${id} is gone`);
  if (current.status !== from) return { redemption: current, changed: false };
  const next = change(current);
  await tx.redemptions.update(storeId, next);
  return { redemption: next, changed: true };
}

/** Ecwid holds the coupon: the hold becomes the `redeem` debit. */
export async function issue(tx: RedemptionTx, storeId: number, id: string, ecwidId: number | null, now: Date): Promise<Redemption> {
  return (await issueOnce(tx, storeId, id, ecwidId, now)).redemption;
}

/** As `issue`, saying whether this call issued it: only that caller tells the shopper (the reward-issued email). */
export async function issueOnce(tx: RedemptionTx, storeId: number, id: string, ecwidId: number | null, now: Date): Promise<{ redemption: Redemption; changed: boolean }> {
  const { redemption, changed } = await transition(tx, storeId, id, "pending", (current) => ({
    ...current,
    status: "issued",
    coupon: current.coupon ? { ...current.coupon, ecwidId } : null,
    checkAfter: null,
    updatedAt: now.toISOString(),
  }));
  if (changed) await postRedeem(tx, storeId, redemption, now);
  return { redemption, changed };
}

/** No coupon, and none can appear any more: the hold goes, nothing is booked. */
export function release(tx: RedemptionTx, storeId: number, id: string, reason: string, now: Date): Promise<Moved> {
  return transition(tx, storeId, id, "pending", (current) => ({ ...current, status: "released", reason, checkAfter: null, updatedAt: now.toISOString() }));
}

/** Ecwid could not say yet: look again later, backing off (2, 4, 8 … at most 60 minutes). */
export function checkLater(tx: RedemptionTx, storeId: number, id: string, from: "pending" | "issued", now: Date): Promise<Moved> {
  return transition(tx, storeId, id, from, (current) => {
    const waitMinutes = Math.min(60, 2 ** (current.checks + 1));
    return { ...current, checks: current.checks + 1, checkAfter: new Date(now.getTime() + waitMinutes * 60_000).toISOString(), updatedAt: now.toISOString() };
  });
}

/**
 * An order carries the coupon's code: the redemption is `used` (a pending one is issued first, since its coupon
 * evidently exists; `orderId` null when only Ecwid's use count says so). Codes are matched exactly, as they were made. Nothing happens for a code that is not ours.
 */
export async function markCouponUsed(tx: RedemptionTx, storeId: number, code: string, orderId: string | null, now: Date): Promise<Moved | null> {
  let redemption = await tx.redemptions.findByCode(storeId, code);
  if (!redemption || redemption.coupon?.code !== code) return null;
  if (redemption.status === "pending") redemption = await issue(tx, storeId, redemption.id, null, now);
  return transition(tx, storeId, redemption.id, "issued", (current) => ({ ...current, status: "used", usedByOrderId: orderId, updatedAt: now.toISOString() }));
}

/** The issued coupon expired unused and was deleted in Ecwid; its points come back when the merchant chose so. */
export async function expire(tx: RedemptionTx, storeId: number, id: string, refund: boolean, now: Date): Promise<Moved> {
  const { redemption, changed } = await transition(tx, storeId, id, "issued", (current) => ({ ...current, status: "expired", updatedAt: now.toISOString() }));
  if (changed && refund && redemption.points > 0) {
    await post(
      tx,
      storeId,
      {
        memberId: redemption.memberId,
        delta: redemption.points,
        kind: "redeem_refund",
        source: { type: "redemption", id: redemption.id },
        idempotencyKey: `redeem_refund:${redemption.id}`,
        actor: "system",
        note: `Coupon expired unused: ${redemption.rewardName}`,
        basis: { redemptionId: redemption.id, rewardName: redemption.rewardName, reason: "coupon_expired" },
      },
      now,
    );
  }
  return { redemption, changed };
}
