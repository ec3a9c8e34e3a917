import { followTask, major, stampCard, type ProgramTemplate } from "./template.js";

export const fashionVipTemplate: ProgramTemplate = {
  id: "fashion_vip",
  name: "Fashion VIP",
  description: "VIP tiers by spend, a styling session, a photo of the look, a new-season challenge and a stamp card, for fashion and beauty shops.",
  items: (precision) => ({
    rewards: [
      { id: "rw_tpl_fashion_10pct", kind: "percent_off", name: "10% off your order", costPoints: 1000, percent: 10 },
      { id: "rw_tpl_fashion_20off", kind: "amount_off", name: "Money off your order", costPoints: 2000, amountMinor: major(20, precision), minOrderMinor: major(100, precision) },
      { id: "rw_tpl_fashion_ship", kind: "free_shipping", name: "Free shipping", costPoints: 500 },
      { id: "rw_tpl_fashion_styling", kind: "experience", name: "Private styling session", costPoints: 3000, instructions: "We will email you to book a time." },
    ],
    badges: [
      { id: "bd_tpl_fashion_trend", name: "Trendsetter", icon: "sparkles", goal: null },
      { id: "bd_tpl_fashion_wardrobe", name: "Wardrobe builder", icon: "shirt", goal: { kind: "orders", target: 10 } },
    ],
    tiers: [
      { id: "tr_tpl_fashion_insider", name: "Insider", threshold: major(250, precision), perks: "Early access to new collections" },
      { id: "tr_tpl_fashion_vip", name: "VIP", threshold: major(1000, precision), perks: "Free shipping and returns" },
      { id: "tr_tpl_fashion_icon", name: "Icon", threshold: major(2500, precision), perks: "A personal stylist" },
    ],
    challenges: [
      { id: "ch_tpl_fashion_first", title: "Welcome to the club", icon: "gift", goal: { kind: "first_order", target: 1 }, points: 100 },
      { id: "ch_tpl_fashion_spend", title: "Big spender", icon: "crown", goal: { kind: "spend", target: major(500, precision) }, points: 500, badgeIds: ["bd_tpl_fashion_trend"] },
      {
        id: "ch_tpl_fashion_look",
        title: "Share your look",
        description: "A photo of you in your new piece.",
        icon: "camera",
        goal: { kind: "proof", target: 1, prompt: "A photo of you wearing something from our shop", proof: "photo" },
        points: 100,
        repeat: { every: "month" },
      },
      {
        id: "ch_tpl_fashion_vipmonths",
        title: "VIP three months running",
        icon: "gem",
        goal: { kind: "streak", target: 3, period: "month" },
        points: 300,
        audience: { kind: "tier", tierIds: ["tr_tpl_fashion_vip", "tr_tpl_fashion_icon"] },
      },
      { id: "ch_tpl_fashion_birthday", title: "Birthday gift", icon: "cake", goal: { kind: "birthday", target: 1, yearlyPoints: 200 }, points: 50 },
      followTask("ch_tpl_fashion_follow", "instagram", 25),
    ],
    categoryChallenges: [
      stampCard(
        {
          id: "ch_tpl_fashion_stamps",
          title: "Style stamp card",
          description: "Five pieces stamped earn 20 off.",
          icon: "shopping-bag",
          target: 5,
          rewardId: "rw_tpl_fashion_20off",
        },
        ["new", "season", "collection", "dress", "shoe"],
      ),
    ],
  }),
};
