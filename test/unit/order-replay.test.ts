import { describe, expect, it } from "vitest";
import { turnsEvery } from "../../server/lib/event-loop-turns.js";
import { programSettingsSchema } from "../../server/modules/settings/program-settings.js";
import { replayOrders } from "../../server/modules/simulations/order-replay.js";
import type { SnapshotOrder } from "../../server/modules/simulations/order-snapshot.js";

const DAY_MS = 86_400_000;

/** One shopper's `count` orders of $10, oldest first, over the 364 days before `end` (about 55 a day for 20,000). */
const oneShopper = (count: number, end: number): SnapshotOrder[] =>
  Array.from({ length: count }, (_, index) => ({
    orderId: String(index + 1),
    customerId: 42,
    email: "ana@example.com",
    paymentStatus: "PAID",
    eligibleMinor: 1_000,
    totalMinor: 1_000,
    refundedMinor: 0,
    placedAt: new Date(end - 364 * DAY_MS + Math.floor((index * 364 * DAY_MS) / count)).toISOString(),
    recorded: { memberId: null, points: 0 },
  }));

const program = (tiers: object[]) =>
  programSettingsSchema.parse({
    earning: { points: 1, perAmountMinor: 100, minOrderMinor: 0, countedStatuses: ["PAID"] },
    tierRules: { metric: "spend", window: "rolling_12_months", graceDays: 0 },
    tiers,
  });

describe("replaying a store's orders", () => {
  it("when one customer placed 20,000 orders in a year, then the replay lets timers run while it works and the tiers pay from the order after each promotion", async () => {
    const orders = oneShopper(20_000, Date.parse("2026-11-30T12:00:00Z"));
    const tiers = [
      { id: "tr_silver", name: "Silver", threshold: 15_000, multiplierPercent: 150 },
      { id: "tr_gold", name: "Gold", threshold: 40_000, multiplierPercent: 200 },
    ];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const replayed = replayOrders(orders, program(tiers), "America/New_York", turnsEvery(10));
    const ticksBefore = ticks;
    const issued = await replayed;
    clearInterval(timer);
    expect(ticks - ticksBefore).toBeGreaterThan(1);
    // 15 orders at 10 points reach Silver ($150), 25 more at 15 reach Gold ($400) on the first day, the rest earn 20.
    expect(issued).toEqual({ points: 15 * 10 + 25 * 15 + (20_000 - 40) * 20, members: 1, orders: 20_000 });
    expect(await replayOrders(orders, program([]), "America/New_York", turnsEvery(10))).toEqual({ points: 20_000 * 10, members: 1, orders: 20_000 });
  });
});
