import { z } from "zod";
import { holdoutSettingsSchema } from "../holdout/holdout.rules.js";
import { challengeFields, challengeIconSchema, checkChallenge, goalSchema, MILESTONE_KINDS } from "../program/challenge-schema.js";
import { referralSettingsSchema } from "../referrals/referral-settings.js";
import { rewardKindSchemas } from "../rewards/reward-schema.js";
import { checkTier, membershipSchema, tierFields, tierRulesSchema, upgradeLegacyTier } from "../tiers/tier-schema.js";
import { itemId, text } from "./schema-parts.js";
import { contrastProblem, MIN_TEXT_CONTRAST } from "./theme-contrast.rules.js";

/** The merchant's earning rule: `points` for every `perAmountMinor` minor units spent, rounded down. No floats. */
export const earningRuleSchema = z.strictObject({
  points: z.number().int().min(0).max(10_000),
  perAmountMinor: z.number().int().min(1).max(100_000_000),
  minOrderMinor: z.number().int().min(0).max(100_000_000_000),
  /** Ecwid payment statuses that earn. PARTIALLY_REFUNDED earns on what is left whenever PAID counts. */
  countedStatuses: z
    .array(z.string().regex(/^[A-Z0-9_]+$/))
    .min(1)
    .max(10),
});
export type EarningRule = z.infer<typeof earningRuleSchema>;

export const LANGUAGES = ["en", "nl", "de", "nb"] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * An item's texts in other languages, e.g. `{ nl: { title: "Lente" } }`. The item's own fields are in the
 * store's language, so a one-language shop keeps plain strings; a shopper reads their language's text where
 * there is one, else the store's.
 */
const translations = <Fields extends z.ZodRawShape>(fields: Fields) => z.partialRecord(z.enum(LANGUAGES), z.strictObject(fields).partial()).optional();

export { goalSchema, type Goal } from "../program/challenge-schema.js";

export const challengeSchema = z.strictObject({ ...challengeFields, i18n: translations({ title: text(120), description: z.string().max(500) }) }).superRefine(checkChallenge);
export const badgeSchema = z.strictObject({
  id: itemId("bd"),
  name: text(80),
  description: z.string().max(500).default(""),
  i18n: translations({ name: text(80), description: z.string().max(500) }),
  icon: challengeIconSchema,
  /** A milestone the member's orders reach; null: the badge is given only by the challenges that name it. */
  goal: goalSchema
    .refine((goal) => (MILESTONE_KINDS as readonly string[]).includes(goal.kind), "a badge measures orders: orders, spend, product, first order, streak or stamps")
    .nullable()
    .default(null),
});
const tierObjectSchema = z.strictObject({ ...tierFields, i18n: translations({ name: text(60), perks: z.string().max(300) }) }).superRefine(checkTier);
export const tierSchema = z.preprocess((input) => (input && typeof input === "object" ? upgradeLegacyTier(input) : input), tierObjectSchema);
export type TierInput = z.input<typeof tierObjectSchema>;
const rewardTexts = translations({ name: text(80), description: z.string().max(500) });
/** A reward in the catalog, by kind (reward-schema.ts), with its texts in other languages. */
export const rewardSchema = z
  .discriminatedUnion("kind", [
    rewardKindSchemas.amount_off.extend({ i18n: rewardTexts }),
    rewardKindSchemas.percent_off.extend({ i18n: rewardTexts }),
    rewardKindSchemas.free_shipping.extend({ i18n: rewardTexts }),
    rewardKindSchemas.free_product.extend({ i18n: rewardTexts }),
    rewardKindSchemas.variable.extend({ i18n: rewardTexts }),
    rewardKindSchemas.experience.extend({ i18n: rewardTexts }),
    rewardKindSchemas.donation.extend({ i18n: rewardTexts }),
  ])
  .superRefine((reward, context) => {
    if (reward.availableFrom && reward.availableUntil && reward.availableFrom > reward.availableUntil)
      context.addIssue({ code: "custom", path: ["availableUntil"], message: "must not be before the date it is available from" });
    if (reward.kind !== "variable") return;
    if (reward.minPoints > reward.maxPoints) context.addIssue({ code: "custom", path: ["maxPoints"], message: "must be at least the fewest points" });
    if ((reward.maxPoints - reward.minPoints) % reward.stepPoints !== 0)
      context.addIssue({ code: "custom", path: ["stepPoints"], message: "must step evenly from the fewest points to the most" });
    if (reward.minPoints % reward.pointsPerUnit !== 0 || reward.stepPoints % reward.pointsPerUnit !== 0)
      context.addIssue({ code: "custom", path: ["pointsPerUnit"], message: "must divide the fewest points and the step, so every choice is whole units" });
  });
export type Reward = z.infer<typeof rewardSchema>;

export const themeSchema = z
  .strictObject({
    primaryColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #1f6feb")
      .default("#1f6feb"),
    textColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #ffffff")
      .default("#ffffff"),
    position: z.enum(["bottom-right", "bottom-left"]).default("bottom-right"),
    launcherText: z.string().trim().max(40).default(""),
  })
  // The text colour is the launcher's and the header's text on the primary colour: it must stay readable.
  .superRefine((theme, context) => {
    const problem = contrastProblem(theme.textColor, theme.primaryColor);
    if (problem) context.addIssue({ code: "custom", path: ["textColor"], message: problem, params: { code: "too_small", minimum: MIN_TEXT_CONTRAST } });
  });

/** What happens around redemptions beyond each reward's own terms. */
export const redemptionPolicySchema = z.strictObject({
  /** An issued coupon that expires unused gives its points back (a `redeem_refund` entry). */
  returnPointsOnCouponExpiry: z.boolean().default(false),
});

/** Points lapse after `months` without earning (inactivity), or `months` after each lot was earned (per lot). */
export const pointsExpirySchema = z.strictObject({
  mode: z.enum(["off", "inactivity", "per_lot"]).default("off"),
  months: z.number().int().min(1).max(120).default(12),
  /** Days before an expiry that the member is warned by email (once). */
  warnDays: z.number().int().min(1).max(90).default(14),
});

/** Which emails shoppers get (sign-in codes always go). */
export const emailSwitchesSchema = z.strictObject({
  pointsEarned: z.boolean().default(false),
  rewardIssued: z.boolean().default(true),
  expiringSoon: z.boolean().default(true),
  /** To an ambassador: a friend's order counts, and when its reward is paid. */
  referralQualified: z.boolean().default(true),
  /** To an ambassador: a referral's reward was paid. */
  referralPaid: z.boolean().default(true),
  /** To a member promoted to a tier. */
  tierReached: z.boolean().default(true),
  /** To a member below what keeps their tier: the date it goes unless they qualify again (before a demotion). */
  tierGraceStarted: z.boolean().default(true),
});

/** The month's leaderboard in the widget: off until the merchant turns it on; shoppers still choose to appear. */
export const leaderboardSettingsSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** How many top members the board shows. */
  size: z.number().int().min(3).max(50).default(10),
});

/** Merchant overrides of any storefront or email text, per language. */
export const textsSchema = z.partialRecord(z.enum(LANGUAGES), z.record(z.string().max(80), z.string().max(500)));

export const programSettingsSchema = z
  .strictObject({
    earning: earningRuleSchema,
    challenges: z.array(challengeSchema).max(50).default([]),
    badges: z.array(badgeSchema).max(50).default([]),
    tiers: z.array(tierSchema).max(10).default([]),
    tierRules: tierRulesSchema.default(tierRulesSchema.parse({})),
    memberships: z.array(membershipSchema).max(10).default([]),
    rewards: z.array(rewardSchema).max(30).default([]),
    theme: themeSchema.default(themeSchema.parse({})),
    texts: textsSchema.default({}),
    redemption: redemptionPolicySchema.default(redemptionPolicySchema.parse({})),
    expiry: pointsExpirySchema.default(pointsExpirySchema.parse({})),
    emails: emailSwitchesSchema.default(emailSwitchesSchema.parse({})),
    leaderboard: leaderboardSettingsSchema.default(leaderboardSettingsSchema.parse({})),
    referrals: referralSettingsSchema.default(referralSettingsSchema.parse({})),
    holdout: holdoutSettingsSchema.default(holdoutSettingsSchema.parse({})),
  })
  .superRefine((settings, context) => {
    for (const list of ["challenges", "badges", "tiers", "rewards"] as const) {
      const seen = new Set<string>();
      settings[list].forEach((item, index) => {
        if (seen.has(item.id)) context.addIssue({ code: "custom", path: [list, index, "id"], message: "is already used by another item", params: { code: "not_unique" } });
        seen.add(item.id);
      });
    }
    const known = (list: { id: string }[]) => new Set(list.map((item) => item.id));
    const badges = known(settings.badges);
    const rewards = known(settings.rewards);
    const tiers = known(settings.tiers);
    settings.challenges.forEach((challenge, index) => {
      const missing = (ids: string[], have: Set<string>, path: (string | number)[], what: string) =>
        ids.forEach((ref, at) => {
          if (!have.has(ref))
            context.addIssue({ code: "custom", path: ["challenges", index, ...path, at], message: `is not a ${what} of this program`, params: { code: "unknown_reference" } });
        });
      missing(challenge.badgeIds, badges, ["badgeIds"], "badge");
      missing(challenge.rewardIds, rewards, ["rewardIds"], "reward");
      missing(challenge.audience.tierIds, tiers, ["audience", "tierIds"], "tier");
    });
    const passIds = new Set<string>();
    const passProducts = new Set<number>();
    settings.memberships.forEach((membership, index) => {
      if (!tiers.has(membership.tierId))
        context.addIssue({ code: "custom", path: ["memberships", index, "tierId"], message: "is not a tier of this program", params: { code: "unknown_reference" } });
      if (passIds.has(membership.id))
        context.addIssue({ code: "custom", path: ["memberships", index, "id"], message: "is already used by another pass", params: { code: "not_unique" } });
      // An order buys the first pass holding its product: a second pass of the same product would never sell.
      if (passProducts.has(membership.productId))
        context.addIssue({ code: "custom", path: ["memberships", index, "productId"], message: "is already sold as another pass", params: { code: "not_unique" } });
      passIds.add(membership.id);
      passProducts.add(membership.productId);
    });
    const groups = new Set<number>();
    settings.tiers.forEach((tier, index) => {
      if (tier.customerGroupId === null) return;
      if (groups.has(tier.customerGroupId))
        context.addIssue({ code: "custom", path: ["tiers", index, "customerGroupId"], message: "is already linked to another tier", params: { code: "not_unique" } });
      groups.add(tier.customerGroupId);
    });
    const ambassadorReward = settings.referrals.ambassadorReward;
    if (ambassadorReward.kind === "reward" && !rewards.has(ambassadorReward.rewardId))
      context.addIssue({ code: "custom", path: ["referrals", "ambassadorReward", "rewardId"], message: "is not a reward of this program", params: { code: "unknown_reference" } });
  });
export type ProgramSettings = z.infer<typeof programSettingsSchema>;
export type ProgramSettingsInput = z.input<typeof programSettingsSchema>;

/** One point per one unit of the store currency on paid orders; nothing else until the merchant adds it. */
export function defaultProgramSettings(currencyPrecision: number): ProgramSettings {
  return programSettingsSchema.parse({ earning: { points: 1, perAmountMinor: 10 ** currencyPrecision, minOrderMinor: 0, countedStatuses: ["PAID"] } });
}

export interface SettingsRepository {
  get(storeId: number): Promise<ProgramSettings | null>;
  save(storeId: number, settings: ProgramSettings): Promise<void>;
}
