import { z } from "zod";
import type { ProgramSettings } from "../settings/program-settings.js";
import { heldTier, ladder } from "./held-tier.rules.js";
import type { MemberTier } from "./member-tier.js";
import { TIER_CHANGE_REASONS, type TierChange } from "./tier-change.js";
import { keepAmount } from "./tier-review.rules.js";

type Tier = ProgramSettings["tiers"][number];

/** `GET /me`'s `tier`: what the member holds and how, where they stand in the window, what the next tier and keeping this one take, and their last changes. */
export const memberTierStandingSchema = z.object({
  current: z
    .object({
      id: z.string(),
      name: z.string(),
      /** When the earned tier was reached, the paid one last bought, the assigned one given. */
      since: z.string().nullable(),
      how: z.enum(["earned", "paid", "assigned"]),
      paidUntil: z.string().nullable(),
    })
    .nullable(),
  metric: z.enum(["spend", "points"]),
  /** The amount in the window: minor units (spend) or points. */
  amount: z.number().int(),
  /** The next tier up that spend or points reach, and how much more it takes. */
  next: z.object({ id: z.string(), name: z.string(), threshold: z.number().int(), needed: z.number().int() }).nullable(),
  /** Keeping the earned tier: its keep amount, how much more it takes now (0: kept), and by when (a grace's end, else the next review). */
  keep: z.object({ threshold: z.number().int(), needed: z.number().int(), by: z.string().nullable(), grace: z.boolean() }).nullable(),
  changes: z.array(z.object({ reason: z.enum(TIER_CHANGE_REASONS), fromTierId: z.string().nullable(), toTierId: z.string().nullable(), at: z.string() })),
});
export type MemberTierStanding = z.infer<typeof memberTierStandingSchema>;

function how(tier: Tier, state: MemberTier): Pick<NonNullable<MemberTierStanding["current"]>, "how" | "since" | "paidUntil"> {
  const paidUntil = state.paid?.tierId === tier.id ? state.paid.until : null;
  if (state.earned.tierId === tier.id) return { how: "earned", since: state.earned.since, paidUntil };
  if (paidUntil !== null) return { how: "paid", since: state.paid!.grants.at(-1)?.at ?? null, paidUntil };
  return { how: "assigned", since: state.assigned?.at ?? null, paidUntil };
}

/** The member's tier as `/me` tells it, from their state, the amount measured now and their recorded changes (newest first). */
export function tierStandingView(
  settings: Pick<ProgramSettings, "tiers" | "tierRules">,
  state: MemberTier | null,
  amount: number,
  changes: TierChange[],
  now: Date,
): MemberTierStanding {
  const held = heldTier(settings.tiers, state, now);
  const order = ladder(settings.tiers);
  const next = order.find((tier) => !tier.inviteOnly && (!held || order.indexOf(tier) > order.indexOf(held)) && tier.threshold > amount) ?? null;
  const earned = state && settings.tiers.find((tier) => tier.id === state.earned.tierId && !tier.inviteOnly);
  return {
    current: held && state ? { id: held.id, name: held.name, ...how(held, state) } : null,
    metric: settings.tierRules.metric,
    amount,
    next: next ? { id: next.id, name: next.name, threshold: next.threshold, needed: next.threshold - amount } : null,
    keep:
      earned && state
        ? {
            threshold: keepAmount(earned),
            needed: Math.max(0, keepAmount(earned) - amount),
            by: state.earned.graceEndsAt ?? state.earned.reviewAt,
            grace: state.earned.graceEndsAt !== null,
          }
        : null,
    changes: changes.map(({ reason, fromTierId, toTierId, at }) => ({ reason, fromTierId, toTierId, at })),
  };
}
