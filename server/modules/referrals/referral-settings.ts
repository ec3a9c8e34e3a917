import { z } from "zod";

const text = (max: number) => z.string().trim().min(1).max(max);
const minor = z.number().int().min(0).max(100_000_000_000);

/** Where a shared link was sent; each link carries its channel (`?ch=whatsapp`). Anything else counts as "other". */
export const SHARE_CHANNELS = ["facebook", "x", "whatsapp", "telegram", "pinterest", "linkedin", "email", "copy", "share", "qr", "other"] as const;
export const shareChannelSchema = z.enum(SHARE_CHANNELS);
export type ShareChannel = z.infer<typeof shareChannelSchema>;

/**
 * What a friend gets: the ambassador's code is an Ecwid coupon with these terms, for new customers only
 * (`applicationLimit: NEW_CUSTOMER_ONLY`, one use per customer), so Ecwid itself keeps it to first orders.
 */
export const friendOfferSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("amount_off"), amountMinor: z.number().int().min(1).max(100_000_000_000), minOrderMinor: minor.default(0) }),
  z.strictObject({ kind: z.literal("percent_off"), percent: z.number().int().min(1).max(100), minOrderMinor: minor.default(0) }),
  z.strictObject({ kind: z.literal("free_shipping"), minOrderMinor: minor.default(0) }),
]);
export type FriendOffer = z.infer<typeof friendOfferSchema>;

/** What an ambassador earns for each qualified friend: points, or a reward of the catalog granted free. */
export const ambassadorRewardSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("points"), points: z.number().int().min(1).max(1_000_000) }),
  z.strictObject({ kind: z.literal("reward"), rewardId: z.string().regex(/^rw_[a-z0-9_-]{1,40}$/, "must look like rw_something") }),
]);
export type AmbassadorReward = z.infer<typeof ambassadorRewardSchema>;

/** A level ambassadors reach by qualified referrals; from it on, each referral pays `extraPoints` on top of the reward. */
export const ambassadorLevelSchema = z.strictObject({
  id: z.string().regex(/^lv_[a-z0-9_-]{1,40}$/, "must look like lv_something"),
  name: text(40),
  minReferrals: z.number().int().min(1).max(100_000),
  extraPoints: z.number().int().min(0).max(1_000_000).default(0),
});
export type AmbassadorLevel = z.infer<typeof ambassadorLevelSchema>;

/** The merchant's referral program (`referrals` in the program settings; `/api/admin/program/referrals`). */
export const referralSettingsSchema = z
  .strictObject({
    enabled: z.boolean().default(false),
    friendOffer: friendOfferSchema.default({ kind: "percent_off", percent: 10, minOrderMinor: 0 }),
    ambassadorReward: ambassadorRewardSchema.default({ kind: "points", points: 500 }),
    /** Days after the friend's order before the ambassador is paid; a refund or cancellation within them pays nothing. */
    holdDays: z.number().int().min(0).max(90).default(14),
    /** The friend's order must reach this eligible amount (as points count it). */
    minOrderMinor: minor.default(0),
    /** Referrals paid to one ambassador per calendar month (store time zone); null: no cap. */
    monthlyCap: z.number().int().min(1).max(10_000).nullable().default(null),
    /** Whether a refund after the holding period takes the paid reward back. */
    reverseAfterHold: z.boolean().default(false),
    /** Ambassador levels, fewest referrals first, each paying at least as much extra as the one before. */
    levels: z.array(ambassadorLevelSchema).max(5).default([]),
  })
  .superRefine((settings, context) => {
    settings.levels.forEach((level, index) => {
      const before = settings.levels[index - 1];
      if (!before) return;
      if (level.minReferrals <= before.minReferrals) context.addIssue({ code: "custom", path: ["levels", index, "minReferrals"], message: "must be more than the level before" });
      if (level.extraPoints < before.extraPoints) context.addIssue({ code: "custom", path: ["levels", index, "extraPoints"], message: "must be at least the level before's" });
    });
  });
export type ReferralSettings = z.infer<typeof referralSettingsSchema>;
