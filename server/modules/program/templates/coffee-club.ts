import { followTask, major, stampCard, type ProgramTemplate } from "./template.js";

export const coffeeClubTemplate: ProgramTemplate = {
  id: "coffee_club",
  name: "Coffee club",
  description: "A punch card for every ninth coffee, a weekly streak, a birthday drink and roaster tiers, for shops that sell coffee, tea or treats.",
  items: (precision) => ({
    rewards: [
      { id: "rw_tpl_coffee_drink", kind: "amount_off", name: "A coffee on us", costPoints: 400, amountMinor: major(4, precision) },
      { id: "rw_tpl_coffee_beans", kind: "percent_off", name: "10% off beans", costPoints: 800, percent: 10 },
    ],
    badges: [
      { id: "bd_tpl_coffee_regular", name: "Regular", icon: "coffee", goal: { kind: "orders", target: 5 } },
      { id: "bd_tpl_coffee_streak", name: "Daily grind", description: "Three weeks in a row", icon: "flame", goal: null },
    ],
    tiers: [
      { id: "tr_tpl_coffee_roaster", name: "Roaster", threshold: major(100, precision), perks: "Free tasting at every new roast" },
      { id: "tr_tpl_coffee_master", name: "Coffee master", threshold: major(300, precision), perks: "First pick of limited lots" },
    ],
    challenges: [
      { id: "ch_tpl_coffee_join", title: "Join the club", icon: "coffee", goal: { kind: "join", target: 1 }, points: 50 },
      {
        id: "ch_tpl_coffee_streak",
        title: "Three weeks of coffee",
        description: "An order each week, three weeks in a row.",
        icon: "flame",
        goal: { kind: "streak", target: 3, period: "week" },
        points: 150,
        badgeIds: ["bd_tpl_coffee_streak"],
      },
      { id: "ch_tpl_coffee_birthday", title: "Birthday drink", icon: "cake", goal: { kind: "birthday", target: 1, yearlyPoints: 400 }, points: 25 },
      followTask("ch_tpl_coffee_follow", "instagram", 25),
    ],
    categoryChallenges: [
      stampCard(
        {
          id: "ch_tpl_coffee_stamps",
          title: "Coffee stamp card",
          description: "Nine coffees stamped, the tenth is on us.",
          icon: "coffee",
          target: 9,
          rewardId: "rw_tpl_coffee_drink",
        },
        ["coffee", "koffie", "kaffee", "kaffe", "espresso", "tea"],
      ),
    ],
  }),
};
