import { customAlphabet } from "nanoid";
import type { EcwidCouponInput } from "../../ecwid/wire-types.js";
import { newId } from "../../lib/ids.js";
import type { Reward } from "../settings/program-settings.js";
import type { Redemption } from "./redemption.js";
import { couponExpiry } from "./reward-availability.rules.js";

/** How long after its start a lost coupon call could still land in Ecwid; the settle job decides after it. */
export const SETTLE_GRACE_MS = 2 * 60 * 1000;

/** No look-alikes (0/O, 1/I/L): a shopper may type the code. 31^10 codes, chosen before the call to Ecwid. */
const couponCode = customAlphabet("23456789ABCDEFGHJKMNPQRSTUVWXYZ", 10);
export const newCouponCode = () => `QL-${couponCode()}`;

/** A new redemption: pending with its coupon to make, or (an experience, a donation) issued at once. */
export function newRedemption(input: {
  storeId: number;
  memberId: string;
  reward: Reward;
  points: number;
  valueMinor: number | null;
  now: Date;
  key: string | null;
  requestFingerprint: string;
  coupon: EcwidCouponInput | null;
}): Redemption {
  const { reward, now, coupon } = input;
  const at = now.toISOString();
  return {
    id: newId("rdm"),
    storeId: input.storeId,
    memberId: input.memberId,
    rewardId: reward.id,
    rewardName: reward.name,
    rewardKind: reward.kind,
    points: input.points,
    valueMinor: input.valueMinor,
    status: coupon ? "pending" : "issued",
    coupon: coupon && "couponDays" in reward ? { code: coupon.code, expiresAt: couponExpiry(reward, now).toISOString(), ecwidId: null } : null,
    reason: null,
    requestKey: input.key,
    requestFingerprint: input.requestFingerprint,
    checkAfter: coupon ? new Date(now.getTime() + SETTLE_GRACE_MS).toISOString() : null,
    checks: 0,
    usedByOrderId: null,
    fulfilledBy: null,
    createdAt: at,
    updatedAt: at,
  };
}
