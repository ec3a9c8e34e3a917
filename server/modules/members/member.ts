import { z } from "zod";
import type { KeysetPage } from "../../lib/keyset-page.js";
import type { MemberReferral } from "../referrals/referral.js";
import type { ShareChannel } from "../referrals/referral-settings.js";
import type { Language } from "../settings/program-settings.js";
import type { MemberTier } from "../tiers/member-tier.js";
import type { MemberHoldout } from "../holdout/holdout.rules.js";

/** A shopper in one store's program. Found by Ecwid customer id or by normalised email. */
export interface Member {
  id: string;
  storeId: number;
  email: string | null;
  customerId: number | null;
  /** Cached sum of the member's ledger entries, updated in the same write as each entry. */
  balance: number;
  stats: MemberStats;
  /** The language the shopper last used (an order's, or the widget's at sign-in): their emails are in it. Null: the store's. */
  lang: Language | null;
  /** When the shopper unsubscribed from the program's emails (sign-in codes still go); null while subscribed. */
  unsubscribedAt: string | null;
  /** The expiry the shopper was last warned of by email (its instant), so each expiry is warned of once. */
  expiryWarnedFor: string | null;
  game: MemberGame;
  /** The member's ambassador side: their referral code, its coupon and counters; null until a code is issued. */
  referral: MemberReferral | null;
  /** The member's tiers (earned, paid, assigned) and Ecwid customer group; null until first reviewed. */
  tier: MemberTier | null;
  /** Drawn when the member joined while a holdout ran (left out of the program, or not); null when none ran. */
  holdout: MemberHoldout | null;
  createdAt: string;
  updatedAt: string;
}

/** What the shopper told the game: their birthday, and whether and under which name they show on the leaderboard. */
export interface MemberGame {
  /** "MM-DD" or "YYYY-MM-DD", as the shopper gave it; the day pays the yearly bonus. */
  birthday: string | null;
  /** When the birthday was last set: it can be changed once a year. */
  birthdaySetAt: string | null;
  /** On the leaderboard only once the shopper opts in. */
  leaderboard: boolean;
  /** The name the shopper goes by (first name and last name as an order or the shopper gave them); the board shows "Maya K.". */
  name: string | null;
}

export interface MemberStats {
  paidOrders: number;
  lifetimeSpendMinor: number;
  firstOrderAt: string | null;
  lastOrderAt: string | null;
}

/** What every ambassador's coupon should be now: the friend offer's terms, and whether the program runs. */
export interface ReferralCouponTerms {
  offerKey: string;
  enabled: boolean;
}

/** Whether the member's code's coupon is out of step with `terms` (see `referralCouponsDue`). */
export function referralCouponDue(referral: MemberReferral | null, terms: ReferralCouponTerms): boolean {
  if (!referral) return false;
  const active = terms.enabled && referral.blocked === null;
  return referral.coupon === null ? active : referral.coupon.offerKey !== terms.offerKey || referral.coupon.active !== active;
}

export interface MemberQuery {
  email?: string;
  limit: number;
  offset: number;
}

export interface HoldoutGroup {
  held: boolean;
  members: number;
  repeatBuyers: number;
  spendMinor: number;
}

export interface TierHolders {
  earned: string | null;
  paid: string | null;
  assigned: string | null;
  members: number;
}

export interface MemberRepository {
  get(storeId: number, memberId: string): Promise<Member | null>;
  findByEmail(storeId: number, email: string): Promise<Member | null>;
  findByCustomerId(storeId: number, customerId: number): Promise<Member | null>;
  /** The members with any of these ids, emails (normalised here) or customer ids, in one look-up; each member once. */
  findAny(storeId: number, keys: { ids: string[]; emails: string[]; customerIds: number[] }): Promise<Member[]>;
  /** The member holding this referral code, compared upper-cased. */
  findByReferralCode(storeId: number, code: string): Promise<Member | null>;
  /** Members ordered by creation, optionally filtered by an email prefix. */
  list(storeId: number, query: MemberQuery): Promise<{ total: number; items: Member[] }>;
  /** The store's members in creation order, at most `limit` after the position `after` (0: from the first). */
  pageInCreationOrder(storeId: number, after: number, limit: number): Promise<KeysetPage<Member>>;
  /** Ambassadors (members holding a code), most referrals paid first, then most friends who ordered, then by id; at most `limit`. */
  topAmbassadors(storeId: number, limit: number): Promise<Member[]>;
  /** Link visits per channel, summed over the store's ambassadors. */
  referralClicks(storeId: number): Promise<Partial<Record<ShareChannel, number>>>;
  /**
   * Ambassadors whose code's Ecwid coupon is out of step with `terms` (the friend offer's key, whether the program
   * runs): none made yet though it should be active, or made with another offer, or active when it should be paused
   * (program off, ambassador blocked) or the other way round. In creation order, at most `limit`.
   */
  referralCouponsDue(storeId: number, terms: ReferralCouponTerms, limit: number): Promise<Member[]>;
  /** Members whose birthday's day ("MM-DD") is one of `days` (the yearly birthday bonus). */
  withBirthdayOn(storeId: number, days: string[]): Promise<Member[]>;
  /** Members whose tier is due a review: never reviewed (`tier` null), or whose `tier.earned.reviewAt` is at or before `now`. In creation order, at most `limit`. */
  tierReviewsDue(storeId: number, now: Date, limit: number): Promise<Member[]>;
  /** Members drawn in a holdout, by side (held out or in the program): how many, how many with 2+ paid orders, their lifetime spend. */
  holdoutGroups(storeId: number): Promise<HoldoutGroup[]>;
  /** Every member counted once, grouped by the tiers they hold at `now`: earned, paid (only while it runs), assigned; null where none. */
  tierHolders(storeId: number, now: Date): Promise<TierHolders[]>;
  insert(storeId: number, member: Member): Promise<void>;
  /** Inserts new members in one write (an import); a taken id, email or customer id refuses them all. */
  insertMany(storeId: number, members: Member[]): Promise<void>;
  /** Updates profile fields and stats; the balance is owned by the ledger and is not changed here. */
  update(storeId: number, member: Member): Promise<void>;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Whether a member's email is one address a mail can go to. Emails from Ecwid orders are stored as Ecwid
 * sends them; one with a line break or a second address in it must never reach a mail header.
 */
export const isMailableAddress = (email: string): boolean => email.length <= 254 && emailSchema.safeParse(email).success;

// Built once: a new z.email() on every call cost an import of 50,000 rows over 2 seconds of a held event loop.
const emailSchema = z.email();

/** A new member's email, game, referral and tier state: the store's language, subscribed, never warned; no birthday, off the leaderboard; no code yet; not reviewed. */
export const freshMemberState = (): Pick<Member, "lang" | "unsubscribedAt" | "expiryWarnedFor" | "game" | "referral" | "tier" | "holdout"> => ({
  lang: null,
  unsubscribedAt: null,
  expiryWarnedFor: null,
  game: freshGame(),
  referral: null,
  tier: null,
  holdout: null,
});

export const freshGame = (): MemberGame => ({ birthday: null, birthdaySetAt: null, leaderboard: false, name: null });

export const emptyStats = (): MemberStats => ({ paidOrders: 0, lifetimeSpendMinor: 0, firstOrderAt: null, lastOrderAt: null });
