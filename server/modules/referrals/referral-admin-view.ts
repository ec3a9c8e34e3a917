import { z } from "zod";
import { REFERRAL_STATUSES, referralSchema, referralTotalsSchema } from "./referral.js";
import { shareChannelSchema } from "./referral-settings.js";

/** `GET /api/admin/referrals?status=&ambassador=&limit=&offset=`: newest first, of one status or all, of one ambassador or all. */
export const referralQuerySchema = z.strictObject({
  status: z.enum(REFERRAL_STATUSES).optional(),
  /** The ambassador's member id. */
  ambassador: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type AdminReferralQuery = z.infer<typeof referralQuerySchema>;

/** A referral as the dashboard lists it: the record, who referred (as they are now) and the friend's email. */
export const adminReferralSchema = referralSchema.extend({
  ambassador: z.object({ id: z.string(), email: z.string().nullable(), name: z.string().nullable(), code: z.string() }),
  friend: z.object({ email: z.string().nullable() }),
});
export type AdminReferral = z.infer<typeof adminReferralSchema>;

export const adminReferralListSchema = z.object({ total: z.number().int(), items: z.array(adminReferralSchema) });
export type AdminReferralList = z.infer<typeof adminReferralListSchema>;

/** `GET /api/admin/referrals/summary`: the program at a glance. */
export const referralSummarySchema = z.object({
  totals: referralTotalsSchema,
  /** Eligible amounts of referred friends' orders that were not cancelled, rejected or reversed: revenue from referrals. */
  revenueMinor: z.number().int(),
  /** The ambassadors who brought the most friends, most paid first. */
  topAmbassadors: z.array(
    z.object({
      memberId: z.string(),
      email: z.string().nullable(),
      name: z.string().nullable(),
      code: z.string(),
      friendsOrdered: z.number().int(),
      paid: z.number().int(),
      clicks: z.number().int(),
    }),
  ),
  /** Link visits and friends who ordered, per channel: conversion is friendsOrdered / clicks. */
  channels: z.array(z.object({ channel: shareChannelSchema, clicks: z.number().int(), friendsOrdered: z.number().int() })),
});
export type ReferralSummary = z.infer<typeof referralSummarySchema>;

/** `POST /api/admin/referrals/:id/reject`: why the merchant turned a referral under review down (kept for the merchant). */
export const referralRejectionSchema = z.strictObject({ reason: z.string().trim().min(1).max(300) });
/** `POST /api/admin/referrals/:id/approve`: nothing to send. */
export const referralApprovalSchema = z.strictObject({});

/** Both decisions answer the referral as it is after it (held, paid or rejected). */
export const referralDecisionSchema = adminReferralSchema;
