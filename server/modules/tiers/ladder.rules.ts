import type { ProgramSettings } from "../settings/program-settings.js";

type Tier = ProgramSettings["tiers"][number];

/**
 * The ladder, lowest first: by entry threshold, ties in the merchant's order (an invitation-only tier ranks by its
 * threshold too). In a file of its own, importing only types, so the dashboard's bundle can order the ladder with it.
 */
export const ladder = <T extends Pick<Tier, "threshold">>(tiers: T[]): T[] =>
  tiers
    .map((tier, index) => ({ tier, index }))
    .sort((a, b) => a.tier.threshold - b.tier.threshold || a.index - b.index)
    .map(({ tier }) => tier);
