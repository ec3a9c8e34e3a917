import type { TierHolders } from "../members/member.js";
import type { ProgramSettings } from "../settings/program-settings.js";
import { bestTier, ladder } from "./held-tier.rules.js";

/** `GET /api/admin/program/tier-counts`: how many members enjoy each tier now (the best they hold), lowest tier first, and how many none. */
export interface TierCounts {
  members: number;
  none: number;
  tiers: { tierId: string; members: number }[];
}

export function countTiers(tiers: ProgramSettings["tiers"], holders: TierHolders[]): TierCounts {
  const counts = new Map(ladder(tiers).map((tier) => [tier.id, 0]));
  let members = 0;
  let none = 0;
  for (const group of holders) {
    members += group.members;
    const best = bestTier(tiers, group);
    if (best) counts.set(best.id, counts.get(best.id)! + group.members);
    else none += group.members;
  }
  return { members, none, tiers: [...counts].map(([tierId, count]) => ({ tierId, members: count })) };
}
