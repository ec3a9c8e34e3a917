import { z } from "zod";

/** Points are whole numbers within a sane range; no float, no NaN, no 1e308 ever reaches the books. */
export const MAX_POINTS_PER_ENTRY = 100_000_000;

export const adjustmentSchema = z.strictObject({
  points: z
    .number()
    .int()
    .min(-MAX_POINTS_PER_ENTRY)
    .max(MAX_POINTS_PER_ENTRY)
    .refine((n) => n !== 0, "must not be zero"),
  reason: z.string().trim().min(3, "must be at least 3 characters long").max(500),
  /** Whether the shopper may read the reason beside the entry in the widget. */
  visibleToShopper: z.boolean().default(false),
});
export type Adjustment = z.infer<typeof adjustmentSchema>;

/** A merchant may take points back, but not below zero: a deficit only ever comes from a recorded clawback. */
export function adjustmentLeavesBalance(balance: number, points: number): { allowed: boolean; balanceAfter: number } {
  const balanceAfter = balance + points;
  return { allowed: points > 0 || balanceAfter >= 0, balanceAfter };
}
