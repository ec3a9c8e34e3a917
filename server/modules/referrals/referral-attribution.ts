import { newId } from "../../lib/ids.js";
import { normaliseEmail, type Member } from "../members/member.js";
import type { OrderFacts } from "../orders/order-facts.js";
import type { Referral } from "./referral.js";
import { carriedCodes } from "./referral-attribution.rules.js";
import { cancelReferral, isPending, reverseReferral, saveMove, type ReferralProgram, type ReferralTx } from "./referral-steps.js";

/** An order as the reconciler has just booked it. */
export interface ReconciledOrder {
  orderId: string;
  /** Null when Ecwid no longer has the order. */
  facts: OrderFacts | null;
  /** Counted as paid (a counted status, not wholly refunded); `keptMinor` is what it still counts for. */
  counted: boolean;
  keptMinor: number;
  /** The member the order belongs to: the friend. */
  friend: Member;
}

/**
 * The referral side of an order's reconciliation, in its transaction. A counted order carrying an ambassador's code
 * (its coupon wins over the hidden extra field when they name different ambassadors) is recorded once as `checking`
 * for the referral job. Later, an order no longer counted cancels a referral still waiting, and takes a paid one
 * back only where the merchant chose `reverseAfterHold`; a partial refund keeps it, counting what is kept.
 */
export async function attributeOrder(tx: ReferralTx, storeId: number, order: ReconciledOrder, program: ReferralProgram, now: Date): Promise<Referral | null> {
  const existing = await tx.referrals.findByOrder(storeId, order.orderId);
  if (existing) return followOrder(tx, storeId, existing, order, program, now);
  if (!order.counted || !order.facts) return null;
  const codes = carriedCodes(order.facts);
  const byCoupon = codes.coupon ? await tx.members.findByReferralCode(storeId, codes.coupon) : null;
  const byField = !byCoupon && codes.extraField ? await tx.members.findByReferralCode(storeId, codes.extraField) : null;
  const ambassador = byCoupon ?? byField;
  if (!ambassador?.referral) return null;
  const at = now.toISOString();
  const referral: Referral = {
    id: newId("ref"),
    storeId,
    ambassadorId: ambassador.id,
    code: ambassador.referral.code,
    via: byCoupon ? "coupon" : "extra_field",
    channel: codes.channel,
    orderId: order.orderId,
    friendMemberId: order.friend.id,
    friendEmail: order.facts.email ? normaliseEmail(order.facts.email) : null,
    friendCustomerId: order.facts.customerId,
    addressKey: null,
    eligibleMinor: order.keptMinor,
    status: "checking",
    reason: null,
    signals: [],
    payableAt: null,
    points: 0,
    redemptionId: null,
    paidAt: null,
    decidedBy: null,
    note: null,
    createdAt: at,
    updatedAt: at,
  };
  await tx.referrals.insert(storeId, referral);
  return saveMove(tx, storeId, referral, "system", now, { via: referral.via, channel: referral.channel });
}

async function followOrder(tx: ReferralTx, storeId: number, referral: Referral, order: ReconciledOrder, program: ReferralProgram, now: Date): Promise<Referral> {
  if (order.counted) {
    if (!isPending(referral) || referral.eligibleMinor === order.keptMinor) return referral;
    const kept = { ...referral, eligibleMinor: order.keptMinor, updatedAt: now.toISOString() };
    await tx.referrals.update(storeId, kept);
    return kept;
  }
  if (isPending(referral)) return cancelReferral(tx, storeId, referral, now);
  if (referral.status === "paid" && program.settings.referrals.reverseAfterHold) return reverseReferral(tx, storeId, referral, program, now);
  return referral;
}
