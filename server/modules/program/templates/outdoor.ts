import { followTask, major, stampCard, type ProgramTemplate } from "./template.js";

export const outdoorTemplate: ProgramTemplate = {
  id: "outdoor",
  name: "Outdoor",
  description: "Trail tiers, a four-season streak, a trail-snack stamp card, a tree planted for points and an adventure to share, for outdoor and sports shops.",
  items: (precision) => ({
    rewards: [
      { id: "rw_tpl_outdoor_10off", kind: "amount_off", name: "Money off your gear", costPoints: 1000, amountMinor: major(10, precision) },
      { id: "rw_tpl_outdoor_ship", kind: "free_shipping", name: "Free shipping", costPoints: 600 },
      { id: "rw_tpl_outdoor_tree", kind: "donation", name: "Plant a tree", costPoints: 200, cause: "Reforestation", valueMinor: major(1, precision) },
    ],
    badges: [
      { id: "bd_tpl_outdoor_trail", name: "Trailblazer", icon: "footprints", goal: { kind: "orders", target: 3 } },
      { id: "bd_tpl_outdoor_seasons", name: "All seasons", icon: "sun", goal: null },
    ],
    tiers: [
      { id: "tr_tpl_outdoor_hiker", name: "Hiker", threshold: major(200, precision), perks: "Free gear check" },
      { id: "tr_tpl_outdoor_summit", name: "Summiteer", threshold: major(1000, precision), perks: "Free repairs for a year" },
    ],
    challenges: [
      { id: "ch_tpl_outdoor_join", title: "Join the expedition", icon: "tent", goal: { kind: "join", target: 1 }, points: 50 },
      {
        id: "ch_tpl_outdoor_seasons",
        title: "Four seasons",
        description: "An order a month, four months in a row.",
        icon: "mountain",
        goal: { kind: "streak", target: 4, period: "month" },
        points: 400,
        badgeIds: ["bd_tpl_outdoor_seasons"],
      },
      { id: "ch_tpl_outdoor_spend", title: "Fully equipped", icon: "rocket", goal: { kind: "spend", target: major(300, precision) }, points: 300 },
      {
        id: "ch_tpl_outdoor_story",
        title: "Share your adventure",
        icon: "camera",
        goal: { kind: "proof", target: 1, prompt: "A link to your post or review of a trip with our gear", proof: "link" },
        points: 100,
      },
      followTask("ch_tpl_outdoor_follow", "instagram", 25),
    ],
    categoryChallenges: [
      stampCard(
        {
          id: "ch_tpl_outdoor_stamps",
          title: "Trail snack card",
          description: "Ten snacks stamped earn free shipping.",
          icon: "leaf",
          target: 10,
          rewardId: "rw_tpl_outdoor_ship",
        },
        ["snack", "food", "bar", "nutrition"],
      ),
    ],
  }),
};
