import { lowestCost } from "../modules/rewards/reward-cost.rules.js";
import { h, item, muted, need, section } from "./dom.js";
import { redeemControl, type Redeemer } from "./redeem-control.js";
import { reasonText, rewardGives } from "./reward-words.js";
import type { View } from "./sections.js";
import type { Me, Reward, RewardStanding } from "./types.js";

/**
 * The reward catalog: what each gives and costs; for a signed-in shopper, a Redeem button or why not, in
 * numbers ("120 points to go", "For Gold members").
 */
export function rewardsSection(view: View, signedIn?: { me: Me; redeemer: Redeemer }): HTMLElement | null {
  const { program, f } = view;
  if (program.rewards.length === 0) return null;
  const items = program.rewards.map((reward) => {
    const cost = lowestCost(reward);
    const standing = signedIn?.me.rewards.find((entry) => entry.id === reward.id);
    const minOrder = "minOrderMinor" in reward && reward.minOrderMinor > 0 && f.t("earn.minimum", { amount: f.money(reward.minOrderMinor) });
    return item(
      h(
        "div",
        { class: "grow" },
        h("div", { class: "tt" }, reward.name),
        h("div", { class: "gv" }, rewardGives(f, reward)),
        reward.description && muted(reward.description, true),
        minOrder && muted(minOrder, true),
      ),
      h("span", { class: standing?.available ? "chip on" : "chip" }, reward.kind === "variable" ? f.t("reward.from", { points: f.points(cost) }) : f.points(cost)),
      signedIn && standing && h("div", { class: "full" }, status(view, reward, signedIn.me, standing, cost, signedIn.redeemer)),
    );
  });
  return section(f.t("rewards.title"), h("ul", null, items));
}

function status(view: View, reward: Reward, me: Me, standing: RewardStanding, cost: number, redeemer: Redeemer) {
  const { f, program } = view;
  if (standing.available) return redeemControl(view, reward, me.member.balance, redeemer);
  const reason = standing.reason;
  if (!reason) return null;
  const words = reasonText(f, program, reward, reason);
  return reason.code === "insufficient_points" ? need(reward.name, Math.max(0, cost - reason.missing), cost, words) : muted(words, true);
}
