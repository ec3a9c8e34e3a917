import { z } from "zod";

/** Why a member's tier changed, as the merchant and the shopper read it. */
export const TIER_CHANGE_REASONS = ["reached", "kept", "grace_started", "demoted", "reset", "bought", "renewed", "refunded", "expired", "assigned", "unassigned"] as const;
export type TierChangeReason = (typeof TIER_CHANGE_REASONS)[number];

/**
 * One change of a member's tier, recorded as it happens (append-only): the tier they held before and after
 * (`heldTier`, the best of earned, paid and assigned), the reason, and for a review the amount it measured.
 */
export const tierChangeSchema = z.object({
  id: z.string(),
  storeId: z.number().int(),
  memberId: z.string(),
  fromTierId: z.string().nullable(),
  toTierId: z.string().nullable(),
  reason: z.enum(TIER_CHANGE_REASONS),
  /** What the review measured (minor units or points, per the rules' metric), the order of a purchase, the merchant. */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  at: z.string(),
});
export type TierChange = z.infer<typeof tierChangeSchema>;

export interface TierChangeRepository {
  /** Refuses (conflict) a second change with the same id. */
  append(storeId: number, change: TierChange): Promise<void>;
  /** Newest first, at most `limit`. */
  listForMember(storeId: number, memberId: string, limit: number): Promise<TierChange[]>;
}
