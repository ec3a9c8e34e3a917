import type { ProgramSettings } from "../settings/program-settings.js";
import { localDate } from "../program/period.rules.js";
import { ladder } from "./held-tier.rules.js";
import type { MemberTier } from "./member-tier.js";
import type { TierChangeReason } from "./tier-change.js";
import type { TierRules } from "./tier-schema.js";
import { localDaysAfter, measure, type TierActivity } from "./tier-window.rules.js";

type Tier = ProgramSettings["tiers"][number];
type Earned = MemberTier["earned"];

export const keepAmount = (tier: Tier): number => tier.keepThreshold ?? tier.threshold;

/** The highest tier the amount reaches by its entry threshold; invitation-only tiers are never reached. */
export const reachedTier = (tiers: Tier[], amount: number): Tier | null => ladder(tiers).findLast((tier) => !tier.inviteOnly && amount >= tier.threshold) ?? null;

/** Where a demotion from `from` lands: the highest tier at or below it whose keep amount the amount meets (null: none). */
function landing(tiers: Tier[], from: Tier, amount: number): Tier | null {
  const ordered = ladder(tiers);
  return ordered.slice(0, ordered.indexOf(from) + 1).findLast((tier) => !tier.inviteOnly && amount >= keepAmount(tier)) ?? null;
}

export interface TierReviewInput {
  tiers: Tier[];
  rules: TierRules;
  activity: TierActivity;
  /** The member's tier state; null: never reviewed. */
  state: MemberTier | null;
  now: Date;
  timeZone: string;
}

export interface TierReview {
  /** The amount in the window (minor units or points, per `rules.metric`). */
  amount: number;
  /** The new earned state. */
  earned: Earned;
  /** What happened to the earned tier, if anything. */
  event: { reason: TierChangeReason; fromTierId: string | null; toTierId: string | null } | null;
}

/**
 * One review of a member's earned tier (README.md says the principles). Promotion is at once; a member below
 * their tier's keep amount is demoted only by a scheduled review (`reviewAt` come) or when their grace ends.
 */
export function reviewTier({ tiers, rules, activity, state, now, timeZone }: TierReviewInput): TierReview {
  const { amount, nextDrop } = measure(rules, activity, now, timeZone);
  const previous = state?.earned ?? null;
  // A tier no longer in the program, or no longer reachable, counts as none.
  const current = tiers.find((tier) => tier.id === previous?.tierId && !tier.inviteOnly) ?? null;
  const reached = reachedTier(tiers, amount);
  const at = now.toISOString();
  const order = ladder(tiers);
  const scheduled = previous?.reviewAt != null && Date.parse(previous.reviewAt) > now.getTime() ? new Date(previous.reviewAt) : null;
  const settle = (tierId: string | null, since: string | null, graceEndsAt: string | null, event: TierReview["event"], pendingDemotion = false): TierReview => {
    const times = [tierId === null ? null : nextDrop, graceEndsAt === null ? null : new Date(graceEndsAt)].filter((time): time is Date => time !== null);
    // With no grace, a member below their keep amount is demoted at their next scheduled review (one already set, else the next local day).
    if (pendingDemotion) times.push(scheduled ?? localDaysAfter(now, 1, timeZone));
    const reviewAt = times.length ? new Date(Math.min(...times.map((time) => time.getTime()))).toISOString() : null;
    return { amount, earned: { tierId, since, graceEndsAt, reviewAt, reviewedAt: at }, event };
  };

  if (reached && (!current || order.indexOf(reached) > order.indexOf(current)))
    return settle(reached.id, at, null, { reason: "reached", fromTierId: current?.id ?? null, toTierId: reached.id });
  if (!current) return settle(null, null, null, null);

  const since = previous?.since ?? at;
  const graceEndsAt = previous?.graceEndsAt ?? null;
  if (amount >= keepAmount(current)) return settle(current.id, since, null, graceEndsAt === null ? null : { reason: "kept", fromTierId: current.id, toTierId: current.id });

  const due = previous?.reviewAt != null && Date.parse(previous.reviewAt) <= now.getTime();
  const graceOver = graceEndsAt !== null && Date.parse(graceEndsAt) <= now.getTime();
  if (graceOver || (graceEndsAt === null && rules.graceDays === 0 && due)) {
    const to = landing(tiers, current, amount);
    const reset = rules.window === "calendar_year" && localDate(new Date(since), timeZone).year < localDate(now, timeZone).year;
    return settle(to?.id ?? null, to ? at : null, null, { reason: reset ? "reset" : "demoted", fromTierId: current.id, toTierId: to?.id ?? null });
  }
  if (graceEndsAt !== null) return settle(current.id, since, graceEndsAt, null);
  if (rules.graceDays > 0) {
    const ends = localDaysAfter(now, rules.graceDays, timeZone).toISOString();
    return settle(current.id, since, ends, { reason: "grace_started", fromTierId: current.id, toTierId: current.id });
  }
  return settle(current.id, since, null, null, true);
}
