import { z } from "zod";

const id = (prefix: string) => z.string().regex(new RegExp(`^${prefix}_[a-z0-9_-]{1,40}$`), `must look like ${prefix}_something`);
const text = (max: number) => z.string().trim().min(1).max(max);
const minor = z.number().int().min(0).max(100_000_000_000);
const points = z.number().int().min(1).max(100_000_000);
const ecwidIds = z.array(z.number().int().positive()).max(100).default([]);

/** Where an Ecwid coupon applies and how long it lives (CONTRACT §4.9). */
const couponTerms = {
  /** The order subtotal the coupon needs (Ecwid's `totalLimit`); 0: any order. */
  minOrderMinor: minor.default(0),
  /** Limits the coupon to these Ecwid products or categories; both empty: the whole catalog. */
  productIds: ecwidIds,
  categoryIds: ecwidIds,
  /** Days from its issue until the coupon expires. */
  couponDays: z.number().int().min(1).max(365).default(30),
};

/** A cap on what a reward may give: coupons issued, or money given, in total or per calendar period. */
export const rewardBudgetSchema = z.strictObject({
  measure: z.enum(["redemptions", "money"]),
  /** Redemptions, or minor units of the store currency. */
  limit: z.number().int().min(1).max(100_000_000_000),
  period: z.enum(["total", "day", "week", "month"]),
});

/** What every reward has, whatever it gives. */
const common = {
  id: id("rw"),
  name: text(80),
  description: z.string().max(500).default(""),
  /** Redemptions one member may make of it over their membership; null: no limit. */
  perMemberLimit: z.number().int().min(1).max(1000).nullable().default(null),
  /** The tiers it is open to; empty: every member. */
  tierIds: z.array(id("tr")).max(10).default([]),
  /** Optional dates it can be redeemed between (inclusive instants). */
  availableFrom: z.iso.datetime({ offset: true }).nullable().default(null),
  availableUntil: z.iso.datetime({ offset: true }).nullable().default(null),
  budgets: z.array(rewardBudgetSchema).max(4).default([]),
};

/** Each kind of reward, with what it costs and gives. `i18n` is added by the program's schema. */
export const rewardKindSchemas = {
  amount_off: z.strictObject({ ...common, ...couponTerms, kind: z.literal("amount_off"), costPoints: points, amountMinor: z.number().int().min(1).max(100_000_000_000) }),
  percent_off: z.strictObject({ ...common, ...couponTerms, kind: z.literal("percent_off"), costPoints: points, percent: z.number().int().min(1).max(100) }),
  free_shipping: z.strictObject({ ...common, ...couponTerms, kind: z.literal("free_shipping"), costPoints: points }),
  /** One unit free: a coupon for the product's price at redemption, limited to that product (CONTRACT §4.12). */
  free_product: z.strictObject({
    ...common,
    minOrderMinor: couponTerms.minOrderMinor,
    couponDays: couponTerms.couponDays,
    kind: z.literal("free_product"),
    costPoints: points,
    productId: z.number().int().positive(),
  }),
  /** The shopper picks the points, from `minPoints` to `maxPoints` in steps of `stepPoints`; every `pointsPerUnit` gives `unitMinor` off. */
  variable: z.strictObject({
    ...common,
    ...couponTerms,
    kind: z.literal("variable"),
    pointsPerUnit: points,
    unitMinor: z.number().int().min(1).max(100_000_000),
    minPoints: points,
    maxPoints: points,
    stepPoints: points,
  }),
  /** Something the merchant does (early access, an invitation): they are told and mark it fulfilled. */
  experience: z.strictObject({ ...common, kind: z.literal("experience"), costPoints: points, instructions: z.string().max(500).default("") }),
  /** Points pledged to the merchant's cause; each pledge is worth `valueMinor` that the merchant pays out. */
  donation: z.strictObject({ ...common, kind: z.literal("donation"), costPoints: points, cause: text(120), valueMinor: z.number().int().min(1).max(100_000_000) }),
};
export const REWARD_KINDS = Object.keys(rewardKindSchemas) as RewardKind[];
export type RewardKind = keyof typeof rewardKindSchemas;

/** Rewards that pay out as an Ecwid coupon. */
export const COUPON_KINDS = ["amount_off", "percent_off", "free_shipping", "free_product", "variable"] as const satisfies readonly RewardKind[];

/**
 * A reward saved before kinds existed (`discount: { type, value }` with the amount in whole units) read as
 * the kind it was. `precision` is the store currency's (2 for dollars); the amount becomes minor units.
 */
export function upgradeLegacyReward(saved: unknown, precision: number): unknown {
  if (typeof saved !== "object" || saved === null || "kind" in saved || !("discount" in saved)) return saved;
  const { discount, ...rest } = saved as { discount: { type?: string; value?: number } };
  const value = Number(discount?.value ?? 0);
  return discount?.type === "PERCENT"
    ? { ...rest, kind: "percent_off", percent: Math.min(100, Math.max(1, Math.round(value))) }
    : { ...rest, kind: "amount_off", amountMinor: Math.max(1, Math.round(value * 10 ** precision)) };
}
