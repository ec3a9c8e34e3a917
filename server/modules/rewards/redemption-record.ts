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

/** What a redemption's record is made of, whoever starts it. */
interface RecordInput {
  storeId: number;
  memberId: string;
  reward: Reward;
  points: number;
  valueMinor: number | null;
  now: Date;
  key: string | null;
  requestFingerprint: string;
  code: string | null;
  grantedBy: Redemption["grantedBy"];
  checkAfter: Date | null;
}

/** A new redemption: pending with its coupon to make, or (an experience, a donation) issued at once. */
export function newRedemption(input: Omit<RecordInput, "code" | "grantedBy" | "checkAfter"> & { coupon: EcwidCouponInput | null }): Redemption {
  return newRecord({ ...input, code: input.coupon?.code ?? null, grantedBy: null, checkAfter: input.coupon ? new Date(input.now.getTime() + SETTLE_GRACE_MS) : null });
}

/** The record both a shopper's redemption and a challenge's grant start as: pending with a coupon code, else issued. */
export function newRecord(input: RecordInput): Redemption {
  const { reward, now, code } = input;
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
    status: code ? "pending" : "issued",
    coupon: code && "couponDays" in reward ? { code, expiresAt: couponExpiry(reward, now).toISOString(), ecwidId: null } : null,
    reason: null,
    requestKey: input.key,
    requestFingerprint: input.requestFingerprint,
    checkAfter: input.checkAfter?.toISOString() ?? null,
    checks: 0,
    usedByOrderId: null,
    fulfilledBy: null,
    grantedBy: input.grantedBy,
    createdAt: at,
    updatedAt: at,
  };
}
