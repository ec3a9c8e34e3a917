import { z } from "zod";
import { BADGE_ICONS } from "./badge-icons.js";

const id = (prefix: string) => z.string().regex(new RegExp(`^${prefix}_[a-z0-9_-]{1,40}$`), `must look like ${prefix}_something`);
const count = z.number().int().min(1).max(100_000_000_000);
const ecwidIds = z.array(z.number().int().positive()).max(100).default([]);
const instant = z.iso.datetime({ offset: true }).nullable().default(null);
/** Tasks done once (a first order, a sign-up, a click): their target is always 1, so every goal has a target. */
const once = z.literal(1).default(1);

/**
 * What a challenge (or a badge's milestone) asks for. Order kinds are measured from the member's paid orders
 * (the eligible amount, as points use it); shopper kinds from what the shopper does in the widget.
 */
export const goalSchema = z.discriminatedUnion("kind", [
  /** N paid orders. */
  z.strictObject({ kind: z.literal("orders"), target: count }),
  /** Spend, in minor units of the store currency. */
  z.strictObject({ kind: z.literal("spend"), target: count }),
  /** N paid orders holding one of these products, or a product bought from one of these categories. */
  z.strictObject({ kind: z.literal("product"), target: count, productIds: ecwidIds, categoryIds: ecwidIds }),
  z.strictObject({ kind: z.literal("first_order"), target: once }),
  /** A paid order in each of N consecutive calendar weeks or months (store time zone). */
  z.strictObject({ kind: z.literal("streak"), target: z.number().int().min(2).max(104), period: z.enum(["week", "month"]) }),
  /** A stamp card: N units of these products or categories; each unit bought is one stamp. */
  z.strictObject({ kind: z.literal("stamps"), target: z.number().int().min(1).max(50), productIds: ecwidIds, categoryIds: ecwidIds }),
  /** Join the program: the shopper's first verified sign-in. */
  z.strictObject({ kind: z.literal("join"), target: once }),
  /** Add a birthday (pays the challenge's reward once), then `yearlyPoints` each year on the day (store time zone). */
  z.strictObject({ kind: z.literal("birthday"), target: once, yearlyPoints: z.number().int().min(0).max(1_000_000).default(0) }),
  /** Follow the shop or visit a page: a click-through to the merchant's link, on trust. */
  z.strictObject({
    kind: z.literal("visit"),
    target: once,
    url: z.url({ protocol: /^https$/ }).max(500),
    network: z.enum(["facebook", "instagram", "x", "tiktok", "youtube", "pinterest", "linkedin", "website"]).default("website"),
  }),
  /** "How likely are you to recommend us?" 0-10 and an optional comment: the answers make the NPS. */
  z.strictObject({ kind: z.literal("survey"), target: once }),
  /** The shopper sends proof (a link to their post or review, or a photo) the merchant approves or rejects. */
  z.strictObject({ kind: z.literal("proof"), target: once, prompt: z.string().trim().min(1).max(300), proof: z.enum(["link", "photo"]) }),
  /** Share your referral link: done when someone first opens it (a counted visit; link previews are not visits). */
  z.strictObject({ kind: z.literal("share_link"), target: once }),
  /** N referred friends whose referral was paid: they qualified and the hold passed, so a refunded friend never counts. */
  z.strictObject({ kind: z.literal("referrals"), target: z.number().int().min(1).max(10_000) }),
]);
export type Goal = z.infer<typeof goalSchema>;
export type GoalKind = Goal["kind"];

/** Kinds the shopper completes in the widget (`POST /challenges/:id/complete`); the rest come from orders. */
export const SHOPPER_TASK_KINDS = ["join", "birthday", "visit", "survey", "proof"] as const satisfies readonly GoalKind[];
/** Kinds a badge milestone may measure: a badge counts history, it is never "done" by a click. */
export const MILESTONE_KINDS = ["orders", "spend", "product", "first_order", "streak", "stamps"] as const satisfies readonly GoalKind[];
/** Kinds measured from the member's ambassador side: paid when a referral is paid or reversed, or their link is first opened. */
export const REFERRAL_KINDS = ["share_link", "referrals"] as const satisfies readonly GoalKind[];

/** When a challenge counts: fixed dates, or the last N days before now. Empty: always. */
export const windowSchema = z
  .strictObject({
    startsAt: instant,
    endsAt: instant,
    /** Only history from the last N days counts (a rolling window). */
    lastDays: z.number().int().min(1).max(3650).nullable().default(null),
  })
  .superRefine((window, context) => {
    if (window.startsAt && window.endsAt && Date.parse(window.endsAt) <= Date.parse(window.startsAt))
      context.addIssue({ code: "custom", path: ["endsAt"], message: "must be after the start" });
  });

/**
 * How often a member may complete it: once; once per calendar day, week or month (store time zone);
 * or again each time the target is reached anew ("every 5th order"). `cap` bounds completions per member.
 */
export const repeatSchema = z.strictObject({
  every: z.enum(["once", "day", "week", "month", "completion"]).default("once"),
  cap: z.number().int().min(1).max(1000).nullable().default(null),
  /** With `every: "completion"`: each level's target is the last one's plus this (levels); 0 keeps it. */
  levelStep: z.number().int().min(0).max(100_000_000_000).default(0),
});

/** Who may take part. Members outside it see nothing and are paid nothing. */
export const audienceSchema = z.strictObject({
  kind: z.enum(["everyone", "tier", "bought", "new", "returning"]).default("everyone"),
  /** With `tier`: members in one of these tiers. */
  tierIds: z.array(id("tr")).max(10).default([]),
  /** With `bought`: members with a paid order holding one of these products or categories before. */
  productIds: ecwidIds,
  categoryIds: ecwidIds,
});

/** Caps so a challenge that goes viral or is gamed never costs more than the merchant chose; reached, it closes. */
export const challengeLimitsSchema = z.strictObject({
  /** The first N completions win ("the first 50 shoppers this month"); null: no cap. */
  winners: z.number().int().min(1).max(1_000_000).nullable().default(null),
  /** Points it may pay in all, and per period. */
  totalPoints: z.number().int().min(1).max(1_000_000_000).nullable().default(null),
  periodPoints: z.number().int().min(1).max(1_000_000_000).nullable().default(null),
  /** The period `winners` and `periodPoints` count in (calendar, store time zone); "total" never resets. */
  period: z.enum(["total", "day", "week", "month"]).default("total"),
});

export const challengeIconSchema = z.enum(BADGE_ICONS).default("star");

/** The challenge's own fields; `i18n` (texts per language) is added by the program's schema. */
export const challengeFields = {
  id: id("ch"),
  title: z.string().trim().min(1).max(120),
  description: z.string().max(500).default(""),
  icon: challengeIconSchema,
  /** Draft: only the merchant sees it; ended: closed by hand. "Scheduled" is an active one before its start. */
  status: z.enum(["draft", "active", "ended"]).default("active"),
  goal: goalSchema,
  /** What completing pays: points, badges, catalog rewards (granted free), or several. */
  points: z.number().int().min(0).max(1_000_000),
  badgeIds: z.array(id("bd")).max(5).default([]),
  rewardIds: z.array(id("rw")).max(3).default([]),
  window: windowSchema.default(windowSchema.parse({})),
  repeat: repeatSchema.default(repeatSchema.parse({})),
  audience: audienceSchema.default(audienceSchema.parse({})),
  limits: challengeLimitsSchema.default(challengeLimitsSchema.parse({})),
  /** Shown only once completed. */
  hidden: z.boolean().default(false),
  /** A refund that undoes a qualifying order takes the reward back too (progress always follows the orders). */
  reverseOnRefund: z.boolean().default(false),
  /** Only orders placed at or after this instant count; null: the member's whole history. */
  countFrom: instant,
};

/** Rules between fields of one challenge; references to other items are checked by the program's schema. */
export function checkChallenge(
  challenge: {
    goal: Goal;
    points: number;
    badgeIds: string[];
    rewardIds: string[];
    repeat: z.infer<typeof repeatSchema>;
    audience: z.infer<typeof audienceSchema>;
    window: z.infer<typeof windowSchema>;
    countFrom: string | null;
  },
  context: z.RefinementCtx,
): void {
  if (challenge.points === 0 && challenge.badgeIds.length === 0 && challenge.rewardIds.length === 0)
    context.addIssue({ code: "custom", path: ["points"], message: "must give points, a badge or a reward", params: { code: "too_small", minimum: 1 } });
  const { goal, repeat, audience } = challenge;
  if ((goal.kind === "product" || goal.kind === "stamps") && goal.productIds.length === 0 && goal.categoryIds.length === 0)
    context.addIssue({ code: "custom", path: ["goal", "productIds"], message: "must name at least one product or category" });
  if (audience.kind === "tier" && audience.tierIds.length === 0) context.addIssue({ code: "custom", path: ["audience", "tierIds"], message: "must name at least one tier" });
  if (audience.kind === "bought" && audience.productIds.length === 0 && audience.categoryIds.length === 0)
    context.addIssue({ code: "custom", path: ["audience", "productIds"], message: "must name at least one product or category" });
  // New and returning shoppers are told apart by orders placed before the challenge starts, so it needs a start.
  if ((audience.kind === "new" || audience.kind === "returning") && !challenge.window.startsAt && !challenge.countFrom)
    context.addIssue({ code: "custom", path: ["audience", "kind"], message: "needs a start date, or counting orders from a date, to tell new shoppers from returning ones" });
  if (repeat.levelStep > 0 && repeat.every !== "completion")
    context.addIssue({ code: "custom", path: ["repeat", "levelStep"], message: "needs a challenge that restarts on completion" });
  const oneShot = goal.kind === "first_order" || goal.kind === "join" || goal.kind === "visit" || goal.kind === "birthday" || goal.kind === "share_link";
  if (oneShot && repeat.every !== "once") context.addIssue({ code: "custom", path: ["repeat", "every"], message: "this task can be done only once" });
}
