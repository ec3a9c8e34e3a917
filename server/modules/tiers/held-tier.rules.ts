import type { ProgramSettings } from "../settings/program-settings.js";
import type { MemberTier } from "./member-tier.js";

type Tier = ProgramSettings["tiers"][number];

/** The ladder, lowest first: by entry threshold, ties in the merchant's order (an invitation-only tier ranks by its threshold too). */
export const ladder = (tiers: Tier[]): Tier[] =>
  tiers
    .map((tier, index) => ({ tier, index }))
    .sort((a, b) => a.tier.threshold - b.tier.threshold || a.index - b.index)
    .map(({ tier }) => tier);

/**
 * The tier a member enjoys at `now`: the highest on the ladder of the earned one, a paid one still running and an
 * assigned one. A tier no longer in the program counts for nothing.
 */
export function heldTier(tiers: Tier[], state: MemberTier | null, now: Date): Tier | null {
  if (!state) return null;
  const candidates = new Set<string>();
  if (state.earned.tierId) candidates.add(state.earned.tierId);
  if (state.paid && Date.parse(state.paid.until) > now.getTime()) candidates.add(state.paid.tierId);
  if (state.assigned) candidates.add(state.assigned.tierId);
  return ladder(tiers).findLast((tier) => candidates.has(tier.id)) ?? null;
}
