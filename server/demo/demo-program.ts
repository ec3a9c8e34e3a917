import type { ProgramSettingsInput } from "../modules/settings/program-settings.js";

/** The demo shop's program: a little of everything, so a newcomer sees the whole game. */
export const DEMO_PROGRAM: ProgramSettingsInput = {
  earning: { points: 1, perAmountMinor: 100, minOrderMinor: 0, countedStatuses: ["PAID"] },
  challenges: [
    { id: "ch_first_order", title: "First steps", description: "Place your first order", points: 50, goal: { kind: "orders", target: 1 } },
    { id: "ch_three_orders", title: "Trail regular", description: "Place three orders", points: 150, goal: { kind: "orders", target: 3 } },
    { id: "ch_spend_500", title: "Big expedition", description: "Spend $500 in total", points: 300, goal: { kind: "spend", target: 50_000 } },
  ],
  badges: [
    { id: "bd_explorer", name: "Explorer", description: "Placed a first order", goal: { kind: "orders", target: 1 } },
    { id: "bd_summit", name: "Summit", description: "Spent $300 in total", goal: { kind: "spend", target: 30_000 } },
    { id: "bd_loyal", name: "Loyal", description: "Placed five orders", goal: { kind: "orders", target: 5 } },
  ],
  tiers: [
    // Perks that act (multiplier, birthday points) are said from the rules; the text is for what Questline cannot enforce.
    { id: "tr_base", name: "Base camp", threshold: 0, perks: "Members' newsletter" },
    { id: "tr_ridge", name: "Ridge", threshold: 25_000, multiplierPercent: 150, perks: "Free shipping on every order" },
    { id: "tr_peak", name: "Peak", threshold: 75_000, multiplierPercent: 200, birthdayPoints: 100, perks: "Early access to new gear" },
  ],
  rewards: [
    { id: "rw_5_off", name: "$5 off", kind: "amount_off", costPoints: 500, amountMinor: 500 },
    { id: "rw_10_pct", name: "10% off an order", kind: "percent_off", costPoints: 900, percent: 10 },
  ],
  theme: { primaryColor: "#2f6f4f", textColor: "#ffffff", position: "bottom-right", launcherText: "" },
};
