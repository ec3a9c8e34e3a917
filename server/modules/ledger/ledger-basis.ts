import { z } from "zod";

/**
 * The typed basis of each kind of entry, as the code that books it writes it. Entries from older versions
 * may lack fields: whatever does not read as its kind's basis is explained by its note instead.
 */
export const orderBasisSchema = z.object({
  rule: z.object({ points: z.number(), perAmountMinor: z.number(), minOrderMinor: z.number() }),
  paymentStatus: z.string(),
  /** After discounts, without shipping and tax, before refunds. */
  eligibleMinor: z.number(),
  refundedMinor: z.number(),
  /** The eligible amount the shopper kept: what the points were computed on. */
  keptMinor: z.number(),
  /** Points the order deserved after this entry. */
  deserved: z.number(),
  /** Points taken back beyond what the balance held. */
  shortfall: z.number().optional(),
});
export type OrderBasis = z.infer<typeof orderBasisSchema>;

export const taskBasisSchema = z.object({
  challengeId: z.string(),
  title: z.string(),
  goal: z.object({ kind: z.enum(["orders", "spend"]), target: z.number() }),
  countFrom: z.string().nullable().optional(),
  points: z.number(),
});

export const adjustBasisSchema = z.object({
  /** The merchant chose to show the reason to the shopper. */
  visibleToShopper: z.boolean(),
});
