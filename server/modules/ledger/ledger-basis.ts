import { z } from "zod";

/**
 * The typed basis of each kind of entry, as the code that books it writes it. Entries from older versions
 * may lack fields: whatever does not read as its kind's basis is explained by its note instead.
 */
export const orderBasisSchema = z.object({
  rule: z.object({ points: z.number(), perAmountMinor: z.number(), minOrderMinor: z.number() }),
  /** The tier multiplier the order earns at, frozen from its first earn entry; absent (entries from before tiers multiplied): 100. */
  multiplierPercent: z.number().int().optional(),
  /** The tier the member held when the order was paid, whose multiplier that was; null: none. */
  tierId: z.string().nullable().optional(),
  paymentStatus: z.string(),
  /** After discounts, without shipping and tax, before refunds. */
  eligibleMinor: z.number(),
  refundedMinor: z.number(),
  /** The eligible amount the shopper kept: what the points were computed on. */
  keptMinor: z.number(),
  /** Points the order deserved after this entry. */
  deserved: z.number(),
  /** Points the order's entries had given before this one. */
  grantedBefore: z.number().optional(),
  /** Points taken back beyond what the balance held. */
  shortfall: z.number().optional(),
});
export type OrderBasis = z.infer<typeof orderBasisSchema>;

export const taskBasisSchema = z.object({
  challengeId: z.string(),
  title: z.string(),
  goal: z.object({ kind: z.string(), target: z.number() }),
  countFrom: z.string().nullable().optional(),
  points: z.number(),
  /** The completion paid or taken back ("once", "2026-W49", "n3"…); absent on entries from before repeats. */
  periodKey: z.string().optional(),
});

export type TaskBasis = z.infer<typeof taskBasisSchema>;

export const adjustBasisSchema = z.object({
  /** The merchant chose to show the reason to the shopper. */
  visibleToShopper: z.boolean(),
});
export type AdjustBasis = z.infer<typeof adjustBasisSchema>;

/** A starting balance from a CSV import: the balance the file gave the member, and the file (its SHA-256). */
export const importBasisSchema = adjustBasisSchema.extend({
  startingBalance: z.number(),
  fileSha256: z.string(),
});
export type ImportBasis = z.infer<typeof importBasisSchema>;

/** A reward paid for with points: what was bought, at what price. */
export const redeemBasisSchema = z.object({
  redemptionId: z.string(),
  rewardId: z.string(),
  rewardName: z.string(),
  rewardKind: z.string(),
  /** The money the reward is worth (a coupon's amount, a donation's value); null for a percent, free shipping or an experience. */
  valueMinor: z.number().nullable(),
  couponCode: z.string().nullable(),
});
export type RedeemBasis = z.infer<typeof redeemBasisSchema>;

/** Points of a redemption given back, and why (its coupon expired unused, the merchant cancelled it). */
export const redeemRefundBasisSchema = z.object({
  redemptionId: z.string(),
  rewardName: z.string(),
  reason: z.enum(["coupon_expired", "cancelled"]),
});
export type RedeemRefundBasis = z.infer<typeof redeemRefundBasisSchema>;

/** A tier's yearly birthday points: the tier the member held on their birthday, and the store's local year. */
export const tierBirthdayBasisSchema = z.object({
  tierId: z.string(),
  tierName: z.string(),
  points: z.number(),
  year: z.number(),
});
export type TierBirthdayBasis = z.infer<typeof tierBirthdayBasisSchema>;

/** Points that lapsed under the merchant's expiry rule. */
export const expireBasisSchema = z.object({
  rule: z.enum(["inactivity", "per_lot"]),
  months: z.number(),
  /** The last earning (inactivity) or the lot's earning (per lot) the expiry counts from. */
  earnedAt: z.string(),
});
export type ExpireBasis = z.infer<typeof expireBasisSchema>;

/** A referral paid or taken back: the friend's order it was for, and how the points were reckoned. */
export const referralBasisSchema = z.object({
  referralId: z.string(),
  orderId: z.string(),
  code: z.string(),
  /** The reward's points (0 when a catalog reward was granted instead) and the level's extra on top. */
  rewardPoints: z.number(),
  extraPoints: z.number(),
  level: z.string().nullable(),
  /** Points taken back beyond what the balance held (a reversal). */
  shortfall: z.number().optional(),
});
export type ReferralBasis = z.infer<typeof referralBasisSchema>;
