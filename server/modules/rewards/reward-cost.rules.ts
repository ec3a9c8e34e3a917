import type { Reward } from "../settings/program-settings.js";

/** The fewest points that redeem the reward: its cost, or a variable reward's smallest choice. */
export const lowestCost = (reward: Pick<Reward, "kind"> & ({ costPoints: number } | { minPoints: number })): number =>
  "costPoints" in reward ? reward.costPoints : reward.minPoints;
