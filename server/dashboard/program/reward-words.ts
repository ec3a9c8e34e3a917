import type { ProgramItem } from "../api.js";
import type { Formatters } from "../format.js";
import { lowestCost } from "../../modules/rewards/reward-cost.rules.js";

type Reward = ProgramItem<"rewards">;

/** What a reward gives, in a few words ("$5 off", "$1 off per 100 points"). */
export const rewardLabel = (reward: Reward, fmt: Pick<Formatters, "moneyShort" | "points">) => {
  switch (reward.kind) {
    case "amount_off":
      return `${fmt.moneyShort(reward.amountMinor)} off`;
    case "percent_off":
      return `${reward.percent}% off`;
    case "free_shipping":
      return "Free shipping";
    case "free_product":
      return "One product free";
    case "variable":
      return `${fmt.moneyShort(reward.unitMinor)} off per ${fmt.points(reward.pointsPerUnit)}, ${fmt.points(reward.minPoints)} to ${fmt.points(reward.maxPoints)}`;
    case "experience":
      return "An experience";
    case "donation":
      return `${fmt.moneyShort(reward.valueMinor)} to ${reward.cause}`;
  }
};

/** The list's line: cost, what it gives, and the limits that apply. */
export function rewardLine(reward: Reward, fmt: Formatters): string {
  const parts = [reward.kind === "variable" ? rewardLabel(reward, fmt) : `${fmt.points(lowestCost(reward))} · ${rewardLabel(reward, fmt)}`];
  if (reward.perMemberLimit) parts.push(`${reward.perMemberLimit} per member`);
  if (reward.tierIds.length) parts.push(`${reward.tierIds.length} ${reward.tierIds.length === 1 ? "tier" : "tiers"}`);
  if (reward.availableUntil) parts.push(`until ${fmt.date(reward.availableUntil)}`);
  if (reward.budgets.length) parts.push(`${reward.budgets.length} ${reward.budgets.length === 1 ? "budget" : "budgets"}`);
  return parts.join(" · ");
}
