import { z } from "zod";
import { challengeIconSchema, goalSchema } from "./challenge-schema.js";
import { proofStandingSchema } from "./task-schema.js";

/** Where a member stands on a challenge (`challengeStanding`), and what `GET /me` says of each challenge. */
export const challengeStandingSchema = z.object({
  /** False for drafts, audience misses, hidden-and-not-completed. */
  visible: z.boolean(),
  /** Can progress or be completed now. */
  open: z.boolean(),
  reason: z.enum(["draft", "ended", "not_started", "audience", "closed", "cap_reached"]).nullable(),
  /** "once", "2026-12-01", "2026-W49", "2026-12", or "n3" (the 3rd completion) for every: "completion". */
  periodKey: z.string(),
  /** In the current period or level. */
  progress: z.number().int(),
  target: z.number().int(),
  /** 1-based, for levels. */
  level: z.number().int(),
  /** Period keys completed: by the history in the rules; paid (and not taken back) in `GET /me`. */
  completedKeys: z.array(z.string()),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  nextAvailableAt: z.string().nullable(),
  stamps: z.object({ filled: z.number().int(), total: z.number().int() }).nullable(),
});
export type ChallengeStanding = z.infer<typeof challengeStandingSchema>;
export type StandingReason = NonNullable<ChallengeStanding["reason"]>;

/**
 * `GET /me`: a challenge as the member sees it; `completed` is the current period's (or level's) completion, paid;
 * `proof` the member's proof of this period while it waits for review or after it was turned down.
 */
export const memberChallengeSchema = challengeStandingSchema.extend({ id: z.string(), completed: z.boolean(), proof: proofStandingSchema });
export type MemberChallenge = z.infer<typeof memberChallengeSchema>;

/**
 * `GET /me`: a badge, earned or locked; a locked one says what it takes (its milestone goal, the visible
 * challenges that give it) and how far the member is (progress toward target).
 */
export const memberBadgeSchema = z.object({
  id: z.string(),
  icon: challengeIconSchema,
  earned: z.boolean(),
  goal: goalSchema.nullable(),
  challengeIds: z.array(z.string()),
  progress: z.number().int(),
  target: z.number().int(),
});
export type MemberBadge = z.infer<typeof memberBadgeSchema>;
