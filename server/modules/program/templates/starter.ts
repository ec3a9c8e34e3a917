import { followTask, major, stampCard, type ProgramTemplate } from "./template.js";

export const starterTemplate: ProgramTemplate = {
  id: "starter",
  name: "Starter",
  description: "A welcome bonus, a first-order reward, a stamp card, a birthday treat, two tiers and two rewards: a sound start for any shop.",
  items: (precision) => ({
    rewards: [
      { id: "rw_tpl_start_5off", kind: "amount_off", name: `Money off your order`, costPoints: 500, amountMinor: major(5, precision) },
      { id: "rw_tpl_start_ship", kind: "free_shipping", name: "Free shipping", costPoints: 750 },
    ],
    badges: [
      { id: "bd_tpl_start_first", name: "First order", icon: "shopping-bag", goal: { kind: "first_order", target: 1 } },
      { id: "bd_tpl_start_loyal", name: "Loyal", icon: "heart", goal: { kind: "orders", target: 5 } },
    ],
    tiers: [
      { id: "tr_tpl_start_silver", name: "Silver", threshold: major(200, precision), perks: "Early access to sales" },
      { id: "tr_tpl_start_gold", name: "Gold", threshold: major(500, precision), perks: "Free shipping on every order" },
    ],
    challenges: [
      { id: "ch_tpl_start_join", title: "Join the program", icon: "user-plus", goal: { kind: "join", target: 1 }, points: 50 },
      { id: "ch_tpl_start_first", title: "Your first order", icon: "shopping-bag", goal: { kind: "first_order", target: 1 }, points: 100, badgeIds: ["bd_tpl_start_first"] },
      { id: "ch_tpl_start_three", title: "Three orders", icon: "trophy", goal: { kind: "orders", target: 3 }, points: 150 },
      { id: "ch_tpl_start_birthday", title: "Birthday treat", icon: "cake", goal: { kind: "birthday", target: 1, yearlyPoints: 100 }, points: 25 },
      { id: "ch_tpl_start_survey", title: "Tell us how we're doing", icon: "message-circle", goal: { kind: "survey", target: 1 }, points: 20, repeat: { every: "month" } },
      followTask("ch_tpl_start_follow", "facebook", 20),
    ],
    categoryChallenges: [
      stampCard({ id: "ch_tpl_start_stamps", title: "Stamp card", description: "Every 10th item is on us.", icon: "ticket", target: 10, rewardId: "rw_tpl_start_5off" }, []),
    ],
  }),
};
