import { newId } from "../../server/lib/ids.js";
import type { MemberReferral, Referral } from "../../server/modules/referrals/referral.js";
import { minutesAfter } from "./storage-fixtures.js";

/** A member's ambassador side with a code and nothing else yet, unless `overrides` say otherwise. */
export function aMemberReferral(overrides: Partial<MemberReferral> = {}): MemberReferral {
  return {
    code: "MAYA-7Q2K",
    createdAt: minutesAfter(0),
    coupon: null,
    blocked: null,
    clicks: {},
    firstVisitAt: null,
    adClicks: 0,
    couponSiteClicks: 0,
    friendsOrdered: 0,
    pending: 0,
    paid: 0,
    ...overrides,
  };
}

/** A friend's order attributed by coupon, waiting for its checks, unless `overrides` say otherwise. */
export function aReferral(storeId: number, overrides: Partial<Referral> = {}): Referral {
  const id = overrides.id ?? newId("ref");
  return {
    id,
    storeId,
    ambassadorId: "mem_maya",
    code: "MAYA-7Q2K",
    via: "coupon",
    channel: null,
    orderId: `order-${id}`,
    friendMemberId: null,
    friendEmail: "friend@shopper.example",
    friendCustomerId: null,
    addressKey: null,
    eligibleMinor: 5_000,
    status: "checking",
    reason: null,
    signals: [],
    payableAt: null,
    points: 0,
    redemptionId: null,
    paidAt: null,
    decidedBy: null,
    note: null,
    createdAt: minutesAfter(0),
    updatedAt: minutesAfter(0),
    ...overrides,
  };
}
