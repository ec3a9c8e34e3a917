import type { ProgramSettings } from "../settings/program-settings.js";
import { ladder } from "./ladder.rules.js";
import { tiersHeldAt, type MemberTier } from "./member-tier.js";

type Tier = ProgramSettings["tiers"][number];

export { ladder };

/**
 * The tier a member enjoys at `now`: the highest on the ladder of the earned one, a paid one still running and an
 * assigned one. A tier no longer in the program counts for nothing.
 */
export const heldTier = (tiers: Tier[], state: MemberTier | null, now: Date): Tier | null => bestTier(tiers, tiersHeldAt(state, now));

/** The highest on the ladder of the tiers held (ids of tiers no longer in the program count for nothing). */
export function bestTier(tiers: Tier[], held: { earned: string | null; paid: string | null; assigned: string | null }): Tier | null {
  const ids = [held.earned, held.paid, held.assigned];
  return ladder(tiers).findLast((tier) => ids.includes(tier.id)) ?? null;
}
