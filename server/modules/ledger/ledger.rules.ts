import { z } from "zod";

/** Points are whole numbers within a sane range; no float, no NaN, no 1e308 ever reaches the books. */
export const MAX_POINTS_PER_ENTRY = 100_000_000;

export const adjustmentSchema = z.object({
  points: z
    .number({ error: "points must be a whole number" })
    .int("points must be a whole number")
    .refine((n) => n !== 0, "points must not be zero")
    .refine((n) => Math.abs(n) <= MAX_POINTS_PER_ENTRY, `points must be between -${MAX_POINTS_PER_ENTRY} and ${MAX_POINTS_PER_ENTRY}`),
  reason: z.string().trim().min(3, "a reason of at least 3 characters is required").max(500, "the reason is longer than 500 characters"),
});
export type Adjustment = z.infer<typeof adjustmentSchema>;

/** A merchant may take points back, but not below zero: a deficit only ever comes from a recorded clawback. */
export function adjustmentLeavesBalance(balance: number, points: number): { allowed: boolean; balanceAfter: number } {
  const balanceAfter = balance + points;
  return { allowed: points > 0 || balanceAfter >= 0, balanceAfter };
}
