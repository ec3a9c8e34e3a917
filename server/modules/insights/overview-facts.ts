import type { LedgerKind } from "../ledger/ledger-entry.js";
import type { OverviewSpan } from "./overview-span.rules.js";

/** Earning kinds: what the program gives (a merchant's positive adjustment counts too). */
export const ISSUING_KINDS = ["earn_order", "earn_task", "earn_referral", "earn_tier"] as const satisfies readonly LedgerKind[];
/** Kinds that spend points on rewards (a coupon's points given back on expiry is `redeem_refund`, netted). */
export const REDEEMING_KINDS = ["redeem", "redeem_refund"] as const satisfies readonly LedgerKind[];
/** Referral statuses whose friend's order stands (as the Referrals page counts revenue). */
export const STANDING_REFERRALS = ["checking", "held", "review", "paid"] as const;
/** Redemptions that gave the shopper their reward (not pending, not released). */
export const GIVEN_REDEMPTIONS = ["issued", "used", "expired", "fulfilled"] as const;
/** Challenge, reward and ambassador lists are this long. */
export const TOP = 5;

/** Paid orders (counted: paid and not fully refunded) of one group, their kept eligible amount, and the customers behind them. */
export interface OrderGroupFacts {
  orders: number;
  revenueMinor: number;
  /** Distinct customers; orders without a member cannot be told apart, so for them this is null. */
  customers: number | null;
  /** Customers with two or more of these orders; null as `customers`. */
  repeatCustomers: number | null;
}

export interface PointsFacts {
  issued: number;
  /** Reversed after refunds, and the merchant's negative adjustments. */
  takenBack: number;
  redeemed: number;
  expired: number;
  /** Starting balances brought by the CSV import (net of later files' corrections): neither issued by the program nor a sign of activity. */
  imported: number;
}

/**
 * What the storage sums for the overview of one span, each figure computed where the rows are (SQL on PostgreSQL, one pass
 * over the store's tables on lowdb). Everything is a whole number: points, minor units, counts.
 */
export interface OverviewFacts {
  members: {
    /** Members who joined before the span's end. */
    total: number;
    joined: number;
    /** Members with a paid order placed in the span, or a ledger entry in it other than expiry. */
    active: number;
  };
  points: PointsFacts;
  /** Points held now: the sum of positive balances (a balance below zero owes the shop, not the other way round). */
  outstanding: number;
  /** Orders placed in the span, by members and by shoppers with no member. */
  orders: { members: OrderGroupFacts; guests: OrderGroupFacts };
  /** Paid orders placed before the span's end, of all time. */
  lifetime: { members: OrderGroupFacts; guests: OrderGroupFacts };
  /** Friends' orders attributed to ambassadors in the span that stand, and their kept eligible amount. */
  referrals: { friends: number; revenueMinor: number };
  /** Survey answers (0-10) given in the span. */
  survey: { promoters: number; passives: number; detractors: number };
  topChallenges: { challengeId: string; completions: number; points: number }[];
  topRewards: { rewardId: string; name: string; redemptions: number; points: number }[];
  topAmbassadors: { memberId: string; email: string | null; name: string | null; friends: number; revenueMinor: number }[];
  /** One value per bucket of the span, in order. */
  series: {
    issued: number[];
    redeemed: number[];
    expired: number[];
    memberRevenueMinor: number[];
    guestRevenueMinor: number[];
    joined: number[];
  };
}

/** Reads the overview's sums; bounded by the span, never loading a store's ledger into memory on PostgreSQL. */
export interface OverviewReader {
  facts(storeId: number, span: OverviewSpan): Promise<OverviewFacts>;
}
