import { z } from "zod";

export const REDEMPTION_STATUSES = ["pending", "issued", "used", "expired", "released", "fulfilled"] as const;

/**
 * A shopper's redemption of a reward. While `pending` its points are held (spendable balance = ledger
 * balance - held points); `issued` posts the `redeem` entry; `released` gives the hold back and books nothing.
 */
export const redemptionSchema = z.object({
  id: z.string(),
  storeId: z.number().int(),
  memberId: z.string(),
  rewardId: z.string(),
  /** The reward as it was when redeemed: later edits to the catalog do not change what was bought. */
  rewardName: z.string(),
  rewardKind: z.string(),
  /** Points spent; 0 for a reward a challenge granted. */
  points: z.number().int().nonnegative(),
  /** Money the reward is worth in minor units (a coupon's amount, a donation's value); null when it has none fixed. */
  valueMinor: z.number().int().nullable(),
  status: z.enum(REDEMPTION_STATUSES),
  coupon: z.object({ code: z.string(), expiresAt: z.string(), ecwidId: z.number().int().nullable() }).nullable(),
  /** Why it was released, in words the shopper reads. */
  reason: z.string().nullable(),
  /** The shopper's Idempotency-Key, scoped to store and member, and a fingerprint of the request it came with. */
  requestKey: z.string().nullable(),
  requestFingerprint: z.string(),
  /** When the settle job should next look at a pending coupon, and how often it has. */
  checkAfter: z.string().nullable(),
  checks: z.number().int(),
  /** The order that used the coupon, or the merchant who fulfilled an experience or paid out a donation. */
  usedByOrderId: z.string().nullable(),
  fulfilledBy: z.string().nullable(),
  /** The challenge completion or the friend's referral that granted it free, or null when bought with points. */
  grantedBy: z.union([z.object({ challengeId: z.string(), challengeTitle: z.string(), periodKey: z.string() }), z.object({ referralId: z.string(), code: z.string() })]).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Redemption = z.infer<typeof redemptionSchema>;
export type RedemptionStatus = Redemption["status"];

/** What the shopper reads of a redemption (`POST .../redeem`, `GET /me`). */
export const redemptionViewSchema = redemptionSchema.pick({ id: true, rewardId: true, rewardName: true, points: true, status: true, grantedBy: true, createdAt: true }).extend({
  coupon: z.object({ code: z.string(), expiresAt: z.string() }).nullable(),
});
export type RedemptionView = z.infer<typeof redemptionViewSchema>;

export interface RedemptionSums {
  rewardId: string;
  rewardName: string;
  status: RedemptionStatus;
  count: number;
  points: number;
  valueMinor: number;
}

/** Which redemptions `countForReward` counts: a reward's not released, since `since` (all when null), only `memberId`'s when given. */
export interface RedemptionCountQuery {
  rewardId: string;
  memberId?: string;
  since: string | null;
}

/** How many redemptions were counted and the money they were worth (`valueMinor`, none counting as 0). */
export interface RedemptionTally {
  count: number;
  valueMinor: number;
}

export interface RedemptionRepository {
  /** Refuses (throws) a second redemption with the same id, coupon code or member request key. */
  insert(storeId: number, redemption: Redemption): Promise<void>;
  update(storeId: number, redemption: Redemption): Promise<void>;
  get(storeId: number, id: string): Promise<Redemption | null>;
  findByCode(storeId: number, code: string): Promise<Redemption | null>;
  findByRequestKey(storeId: number, memberId: string, requestKey: string): Promise<Redemption | null>;
  /** Newest first. */
  listForMember(storeId: number, memberId: string, limit: number): Promise<Redemption[]>;
  /** Newest first, optionally of some statuses and of some rewards. */
  page(storeId: number, query: { statuses?: RedemptionStatus[]; rewardIds?: string[]; limit: number; offset: number }): Promise<{ total: number; items: Redemption[] }>;
  /** Points held by the member's pending redemptions. */
  heldPoints(storeId: number, memberId: string): Promise<number>;
  /** Redemptions of `rewardId` not released, created at or after `since` (all when null): limits and budgets count these. */
  countForReward(storeId: number, rewardId: string, query: Omit<RedemptionCountQuery, "rewardId">): Promise<RedemptionTally>;
  /** A kind's redemptions per reward and status, counted and summed (the dashboard's donation totals); `rewardName` is the newest one's. */
  sumsByReward(storeId: number, rewardKind: string): Promise<RedemptionSums[]>;
  /** Pending ones whose `checkAfter` is due, and issued ones whose coupon expired by `now` (and whose `checkAfter`, set after a failed try, is due): the jobs' work. */
  due(storeId: number, now: string, limit: number): Promise<Redemption[]>;
}
