import { z } from "zod";
import { redemptionViewSchema } from "./redemption.js";

/**
 * Why a member cannot redeem a reward now, in numbers the widget can show ("120 points to go"). A refused
 * redemption answers the same reason under its error code.
 */
export const unavailableReasonSchema = z.discriminatedUnion("code", [
  z.object({ code: z.literal("insufficient_points"), missing: z.number().int().positive() }),
  z.object({ code: z.literal("limit_reached"), limit: z.number().int() }),
  z.object({ code: z.literal("not_available"), why: z.enum(["tier", "not_yet", "ended", "budget"]), from: z.string().nullable().optional() }),
  /** Enough points, but some are still pending (a return window) until `freeOn`. */
  z.object({ code: z.literal("points_pending"), missing: z.number().int().positive(), freeOn: z.string() }),
]);
export type UnavailableReason = z.infer<typeof unavailableReasonSchema>;

/** `GET /me`: each reward of the program, whether the member can redeem it now, and if not, why. */
export const rewardStandingSchema = z.object({ id: z.string(), available: z.boolean(), reason: unavailableReasonSchema.nullable() });
export type RewardStanding = z.infer<typeof rewardStandingSchema>;

/** `POST /api/storefront/:storeId/rewards/:rewardId/redeem`: 201 issued (or fulfilled later), 202 pending, 200 a repeated Idempotency-Key. */
export const redeemResponseSchema = z.object({ redemption: redemptionViewSchema, balance: z.number().int() });
export type RedeemResponse = z.infer<typeof redeemResponseSchema>;

/** `GET /me`: points that lapse next under the store's expiry rule; null when none will. */
export const expiringPointsSchema = z.object({ points: z.number().int().positive(), at: z.string() }).nullable();
export type ExpiringPoints = z.infer<typeof expiringPointsSchema>;
