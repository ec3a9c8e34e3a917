import { z } from "zod";
import { shareChannelSchema, type ShareChannel } from "./referral-settings.js";

/**
 * A member's ambassador side, kept on the member (so `GET /me` reads it with the member): their code, the Ecwid
 * coupon that carries the friend's offer, whether the merchant blocked them, and counters kept in step with
 * their referrals in the same transaction.
 */
export const memberReferralSchema = z.object({
  /** Short and readable, e.g. "MAYA-7Q2K"; unique in the store, upper case. */
  code: z.string(),
  createdAt: z.string(),
  /**
   * The Ecwid coupon of the code: made by the referral job, remade when the offer changes (`offerKey`), ACTIVE
   * while the program runs and the ambassador is not blocked, else PAUSED (`active`).
   */
  coupon: z.object({ ecwidId: z.number().int().nullable(), offerKey: z.string(), active: z.boolean(), syncedAt: z.string() }).nullable(),
  blocked: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
  /** Link visits by channel (link-preview crawlers are not visits). */
  clicks: z.partialRecord(shareChannelSchema, z.number().int().nonnegative()),
  /** The first counted visit: the share a "share your link" challenge waits for. */
  firstVisitAt: z.string().nullable(),
  /** Visits that arrived with a paid-ads click id, and from a coupon-sharing site: fraud signals. */
  adClicks: z.number().int().nonnegative(),
  couponSiteClicks: z.number().int().nonnegative(),
  /** Friends whose order was attributed, referrals waiting (checking, held, review), and paid. */
  friendsOrdered: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  paid: z.number().int().nonnegative(),
});
export type MemberReferral = z.infer<typeof memberReferralSchema>;

export const REFERRAL_STATUSES = ["checking", "held", "review", "paid", "rejected", "cancelled", "reversed"] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Why a referral pays nothing; shown to the merchant as is. */
export const REFERRAL_REASONS = [
  "self_referral",
  "repeat_friend",
  "existing_customer",
  "refunded",
  "under_minimum",
  "cap_reached",
  "blocked_ambassador",
  "held_out_ambassador",
  "merchant_rejected",
  "program_off",
] as const;
export type ReferralReason = (typeof REFERRAL_REASONS)[number];

/** A fraud signal, graded: low pays and flags, high holds the reward for the merchant's decision. */
export const referralSignalSchema = z.object({
  kind: z.enum(["disposable_email", "coupon_site", "paid_ads", "many_friends_one_address", "shared_address"]),
  severity: z.enum(["low", "high"]),
  detail: z.string(),
});
export type ReferralSignal = z.infer<typeof referralSignalSchema>;

/**
 * A friend's order attributed to an ambassador: one per order. `checking` waits for the referral job to ask Ecwid
 * whether the friend is new and not the ambassador; `held` waits `holdDays` (`payableAt`); `review` waits for
 * the merchant (a high-severity signal); `paid` booked the reward; `rejected` and `cancelled` say why in `reason`;
 * `reversed` took a paid reward back after a refund.
 */
export const referralSchema = z.object({
  id: z.string(),
  storeId: z.number().int(),
  ambassadorId: z.string(),
  code: z.string(),
  /** How the order carried the code: as its coupon, or only in the hidden `questline_ref` extra field. */
  via: z.enum(["coupon", "extra_field"]),
  /** The channel the friend's visit came through (the hidden `questline_ch` extra field), when known. */
  channel: shareChannelSchema.nullable(),
  orderId: z.string(),
  friendMemberId: z.string().nullable(),
  /** Normalised. */
  friendEmail: z.string().nullable(),
  friendCustomerId: z.number().int().nullable(),
  /** A keyed hash of the order's normalised shipping address (never the address itself), set by the checks. */
  addressKey: z.string().nullable(),
  /** The order's eligible amount (as points count it): revenue from referred friends. */
  eligibleMinor: z.number().int().nonnegative(),
  status: z.enum(REFERRAL_STATUSES),
  reason: z.enum(REFERRAL_REASONS).nullable(),
  signals: z.array(referralSignalSchema),
  /** When a held referral may be paid. */
  payableAt: z.string().nullable(),
  /** What was paid: points booked (`earn_referral`), or the redemption a catalog reward was granted as. */
  points: z.number().int().nonnegative(),
  redemptionId: z.string().nullable(),
  paidAt: z.string().nullable(),
  /** The merchant who decided a referral under review, or "system". */
  decidedBy: z.string().nullable(),
  /** The merchant's words when they rejected a referral under review. */
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Referral = z.infer<typeof referralSchema>;

export interface ReferralQuery {
  statuses?: ReferralStatus[];
  ambassadorId?: string;
  limit: number;
  offset: number;
}

/** Referrals per status with their orders' eligible amounts summed (revenue from referred friends). */
export const referralTotalsSchema = z.partialRecord(z.enum(REFERRAL_STATUSES), z.object({ count: z.number().int(), eligibleMinor: z.number().int() }));
export type ReferralTotals = z.infer<typeof referralTotalsSchema>;

export interface ReferralRepository {
  /** Refuses (conflict) a second referral of the same order. */
  insert(storeId: number, referral: Referral): Promise<void>;
  update(storeId: number, referral: Referral): Promise<void>;
  get(storeId: number, id: string): Promise<Referral | null>;
  findByOrder(storeId: number, orderId: string): Promise<Referral | null>;
  /** Newest first. */
  page(storeId: number, query: ReferralQuery): Promise<{ total: number; items: Referral[] }>;
  /** An ambassador's referrals, oldest first (their counters are recomputed from these). */
  listForAmbassador(storeId: number, ambassadorId: string): Promise<Referral[]>;
  /** Referrals of a friend (by member, normalised email or Ecwid customer), any ambassador: a repeat friend. */
  listForFriend(storeId: number, friend: { memberId: string | null; email: string | null; customerId: number | null }): Promise<Referral[]>;
  /** The job's work: `checking` ones, and `held` ones whose `payableAt` is at or before `now`; oldest first. */
  due(storeId: number, now: string, limit: number): Promise<Referral[]>;
  totals(storeId: number): Promise<ReferralTotals>;
  /** Friends who ordered (referrals not rejected) per channel they came by; null: none known (the code typed without a visit). */
  channelTotals(storeId: number): Promise<{ channel: ShareChannel | null; friendsOrdered: number }[]>;
}
