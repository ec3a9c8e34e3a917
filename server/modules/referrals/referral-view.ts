import { z } from "zod";
import { ambassadorLevelSchema, friendOfferSchema, shareChannelSchema } from "./referral-settings.js";

/** What `GET /api/storefront/:storeId/program` tells of the referral program: the friend's offer, what ambassadors earn. */
export const publicReferralSchema = z.object({
  enabled: z.boolean(),
  friendOffer: friendOfferSchema.nullable(),
  /** Points per qualified friend, or the reward's name in the shopper's language. */
  ambassadorReward: z.union([z.object({ kind: z.literal("points"), points: z.number().int() }), z.object({ kind: z.literal("reward"), name: z.string() })]).nullable(),
  holdDays: z.number().int(),
  levels: z.array(ambassadorLevelSchema.pick({ id: true, name: true, minReferrals: true, extraPoints: true })),
});
export type PublicReferral = z.infer<typeof publicReferralSchema>;

/** A verified member's own ambassador side in `GET /api/storefront/:storeId/me`; null while the program is off. */
export const shopperReferralSchema = z.object({
  code: z.string(),
  /** The absolute landing URL (`/r/CODE`); the widget adds `?ch=<channel>` for each share button. */
  link: z.string(),
  /** An SVG QR code of the link (channel "qr"), for sharing in person. */
  qrUrl: z.string(),
  /** Whether friends can type the code at checkout yet (its Ecwid coupon is made). */
  couponReady: z.boolean(),
  blocked: z.boolean(),
  stats: z.object({
    clicks: z.number().int(),
    clicksByChannel: z.partialRecord(shareChannelSchema, z.number().int()),
    friendsOrdered: z.number().int(),
    pending: z.number().int(),
    paid: z.number().int(),
  }),
  /** The level reached (null: none yet) and the next one with the qualified referrals still needed. */
  level: z.object({
    current: z.object({ id: z.string(), name: z.string() }).nullable(),
    next: z.object({ id: z.string(), name: z.string(), referralsNeeded: z.number().int() }).nullable(),
  }),
});
export type ShopperReferral = z.infer<typeof shopperReferralSchema>;
