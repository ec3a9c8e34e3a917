import { periodKey } from "../program/period.rules.js";
import type { MemberReferral, Referral, ReferralReason, ReferralSignal } from "./referral.js";
import { personalEmail } from "./referral-identity.rules.js";
import type { ReferralSettings } from "./referral-settings.js";
import { inHoldout, type MemberHoldout } from "../holdout/holdout.rules.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Visits from coupon sites or paid ads at or above this share of an ambassador's visits hold their referrals for review. */
export const HIGH_SHARE = 0.25;
/** Friends of one ambassador whose orders ship to one address, at or above which the merchant decides. */
export const MANY_FRIENDS = 3;

/** Everything the judge weighs, gathered by the referral job (from Ecwid outside any transaction, from the books inside it). */
export interface JudgeInput {
  referral: Referral;
  settings: ReferralSettings;
  ambassador: { id: string; email: string | null; customerId: number | null; referral: MemberReferral | null; holdout?: MemberHoldout | null };
  /** Where the ambassador's own orders ship (keyed hashes). */
  ambassadorAddressKeys: string[];
  /** Where the friend's order ships (keyed hash); null when it ships nowhere. */
  addressKey: string | null;
  /** The friend's paid orders before this one, in our books or Ecwid's. */
  earlierPaidOrders: number;
  /** The friend's referrals, any ambassador, this one included or not. */
  friendReferrals: Referral[];
  /** The ambassador's referrals, this one included or not. */
  ambassadorReferrals: Referral[];
  /** When the friend's order was placed: the holding period counts from it. */
  orderPlacedAt: string;
  disposableEmail: boolean;
  timeZone: string;
}

export type Verdict =
  { status: "rejected"; reason: ReferralReason; signals: ReferralSignal[] } | { status: "held" | "review"; reason: null; signals: ReferralSignal[]; payableAt: string };

/**
 * Whether a friend's order earns its ambassador a reward, and why not. Rejections, first that applies: the program
 * is off, the ambassador is blocked, the friend is the ambassador (same inbox, same Ecwid customer, same door), the
 * friend was referred before, the friend had bought before, the order is under the minimum, the ambassador's
 * month is full. Otherwise the reward waits `holdDays` from the order, or for the merchant when a signal is high.
 */
export function judgeReferral(input: JudgeInput): Verdict {
  const signals = referralSignals(input);
  const reason = rejection(input, signals);
  if (reason) return { status: "rejected", reason, signals };
  const payableAt = new Date(Date.parse(input.orderPlacedAt) + input.settings.holdDays * DAY_MS).toISOString();
  return { status: signals.some((signal) => signal.severity === "high") ? "review" : "held", reason: null, signals, payableAt };
}

function rejection(input: JudgeInput, signals: ReferralSignal[]): ReferralReason | null {
  const { referral, settings, ambassador } = input;
  if (!settings.enabled) return "program_off";
  if (ambassador.referral?.blocked) return "blocked_ambassador";
  if (inHoldout(ambassador.holdout, new Date(input.orderPlacedAt))) return "held_out_ambassador";
  if (isSelfReferral(input) || signals.some((signal) => signal.kind === "shared_address")) return "self_referral";
  if (input.friendReferrals.some((other) => other.id !== referral.id && isBefore(other, referral))) return "repeat_friend";
  if (input.earlierPaidOrders > 0) return "existing_customer";
  if (referral.eligibleMinor < settings.minOrderMinor) return "under_minimum";
  if (settings.monthlyCap !== null && monthCount(input) >= settings.monthlyCap) return "cap_reached";
  return null;
}

function isSelfReferral({ referral, ambassador }: JudgeInput): boolean {
  if (referral.friendMemberId === ambassador.id) return true;
  if (referral.friendCustomerId !== null && referral.friendCustomerId === ambassador.customerId) return true;
  const friend = personalEmail(referral.friendEmail);
  return friend !== null && friend === personalEmail(ambassador.email);
}

const isBefore = (a: Referral, b: Referral) => a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);

/** Referrals held or paid in the store's calendar month of this one (those waiting for review do not count yet). */
function monthCount({ referral, ambassadorReferrals, timeZone }: JudgeInput): number {
  const month = periodKey("month", new Date(referral.createdAt), timeZone);
  return ambassadorReferrals.filter(
    (other) => other.id !== referral.id && (other.status === "held" || other.status === "paid") && periodKey("month", new Date(other.createdAt), timeZone) === month,
  ).length;
}

/**
 * Graded signals. Low pays and flags: a throwaway email domain (a real, paid order; many careful people use relay
 * addresses), a few visits from coupon sites or paid ads. High waits for the merchant: coupon sites or paid ads
 * bringing a quarter or more of the ambassador's visits (the code is being sold to strangers who would have bought
 * anyway), several friends shipping to one address. A friend shipping to the ambassador's own address is the
 * ambassador (rejected as a self-referral, the signal saying how it was seen).
 */
export function referralSignals(input: JudgeInput): ReferralSignal[] {
  const signals: ReferralSignal[] = [];
  const { addressKey, ambassador, referral } = input;
  if (input.disposableEmail) signals.push({ kind: "disposable_email", severity: "low", detail: `${domainOf(referral.friendEmail)} is a disposable email domain` });
  const visits = Object.values(ambassador.referral?.clicks ?? {}).reduce((sum, count) => sum + (count ?? 0), 0);
  const share = (count: number) => (count / Math.max(visits, count, 1) >= HIGH_SHARE ? "high" : "low");
  const couponSite = ambassador.referral?.couponSiteClicks ?? 0;
  if (couponSite > 0) signals.push({ kind: "coupon_site", severity: share(couponSite), detail: `${couponSite} of ${Math.max(visits, couponSite)} visits came from coupon sites` });
  const ads = ambassador.referral?.adClicks ?? 0;
  if (ads > 0) signals.push({ kind: "paid_ads", severity: share(ads), detail: `${ads} of ${Math.max(visits, ads)} visits came from paid ads` });
  if (addressKey !== null && input.ambassadorAddressKeys.includes(addressKey)) {
    signals.push({ kind: "shared_address", severity: "high", detail: "the order ships to an address the ambassador's own orders ship to" });
  } else if (addressKey !== null) {
    const friends = input.ambassadorReferrals.filter((other) => other.id !== referral.id && other.addressKey === addressKey).length + 1;
    if (friends >= MANY_FRIENDS) signals.push({ kind: "many_friends_one_address", severity: "high", detail: `${friends} of this ambassador's friends ship to one address` });
  }
  return signals;
}

const domainOf = (email: string | null) => email?.slice(email.lastIndexOf("@") + 1) ?? "the email";
