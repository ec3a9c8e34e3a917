import { z } from "zod";
import { itemId, text } from "../settings/schema-parts.js";

const amount = z.number().int().min(0).max(100_000_000_000);

/**
 * How members qualify for tiers, for the whole ladder: by money spent (the eligible amount, as points use it) or by
 * points earned, over the member's lifetime, the calendar year, or the last 12 months (rolling; calendar periods in
 * the store's time zone); and how many days a member who falls below their tier's keep threshold keeps it first.
 */
export const tierRulesSchema = z.strictObject({
  metric: z.enum(["spend", "points"]).default("spend"),
  window: z.enum(["lifetime", "calendar_year", "rolling_12_months"]).default("lifetime"),
  graceDays: z.number().int().min(0).max(365).default(0),
});
export type TierRules = z.infer<typeof tierRulesSchema>;

/** A tier's own fields; `i18n` (texts per language) is added by the program's schema. */
export const tierFields = {
  id: itemId("tr"),
  name: text(60),
  /** Entry: minor units of the store currency (metric spend) or points (metric points), within the rules' window. */
  threshold: amount,
  /** A lower amount that keeps the tier once reached; null: the entry threshold keeps it. */
  keepThreshold: amount.nullable().default(null),
  /** The earning multiplier, in percent of the earning rule: 200 earns 2 points where the rule gives 1; 100: none. */
  multiplierPercent: z.number().int().min(100).max(1000).default(100),
  /** Points each year on the member's birthday (store time zone) while they hold this tier. */
  birthdayPoints: z.number().int().min(0).max(1_000_000).default(0),
  /** Reached only when the merchant assigns it, never by spend or points. */
  inviteOnly: z.boolean().default(false),
  /** The Ecwid customer group its members are moved into (Ecwid's group prices and rules then apply); null: none. */
  customerGroupId: z.number().int().positive().nullable().default(null),
  /** What Questline cannot enforce, in the merchant's words; the perks it enforces are said from the rules. */
  perks: z.string().max(300).default(""),
};

/** Rules between a tier's fields. */
export function checkTier(tier: { threshold: number; keepThreshold: number | null }, context: z.RefinementCtx): void {
  if (tier.keepThreshold !== null && tier.keepThreshold > tier.threshold)
    context.addIssue({ code: "custom", path: ["keepThreshold"], message: "must not be above the entry threshold" });
}

/** Tiers saved before thresholds had a metric held `thresholdMinor` (spend): read as `threshold`. */
export function upgradeLegacyTier<T extends object>(tier: T): T {
  if (!("thresholdMinor" in tier) || "threshold" in tier) return tier;
  const { thresholdMinor, ...rest } = tier as T & { thresholdMinor: unknown };
  return { ...rest, threshold: thresholdMinor } as T;
}

/**
 * A paid membership: a paid order holding `productId` (e.g. a yearly "Club pass") gives its buyer `tierId` for
 * `months`; a renewal extends it from its end, a refund or cancellation of that order takes its months back.
 */
export const membershipSchema = z.strictObject({
  id: itemId("ms"),
  productId: z.number().int().positive(),
  tierId: itemId("tr"),
  months: z.number().int().min(1).max(60),
});
export type Membership = z.infer<typeof membershipSchema>;
