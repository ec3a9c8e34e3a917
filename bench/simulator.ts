/**
 * The cost simulator's replay (order-replay.ts) on a store's 12 months of orders: a proposal with two tiers over a
 * rolling 12 months, for many shoppers and for one shopper placing every order, beside the same orders under the
 * earning rule alone (no tiers, so no tier review) in the same run. "Longest block" is the longest the event loop
 * waited between two turns while the replay ran (a 1 ms interval measures it): other requests wait that long.
 *
 * The replay gives the event loop a turn after 10 ms of work, as simulation.service.ts has it.
 *
 * Run: npx tsx bench/simulator.ts
 */
import { replayOrders, type EarningProgram } from "../server/modules/simulations/order-replay.js";
import type { SnapshotOrder } from "../server/modules/simulations/order-snapshot.js";
import { programSettingsSchema } from "../server/modules/settings/program-settings.js";
import { fmt } from "./measure.js";
import { turnsEvery } from "../server/lib/event-loop-turns.js";

const TIME_ZONE = "America/New_York";
const YEAR_MS = 365 * 86_400_000;

const program = (tiered: boolean): EarningProgram =>
  programSettingsSchema.parse({
    earning: { points: 1, perAmountMinor: 100, minOrderMinor: 0, countedStatuses: ["PAID"] },
    tierRules: { metric: "spend", window: "rolling_12_months", graceDays: 0 },
    tiers: tiered
      ? [
          { id: "tr_silver", name: "Silver", threshold: 15_000, multiplierPercent: 150 },
          { id: "tr_gold", name: "Gold", threshold: 40_000, multiplierPercent: 200 },
        ]
      : [],
  });

/** `count` paid orders spread evenly over the last year, oldest first, from `shoppers` customers in turn. */
function orders(count: number, shoppers: number): SnapshotOrder[] {
  const start = Date.now() - YEAR_MS;
  return Array.from({ length: count }, (_, index) => ({
    orderId: String(index + 1),
    customerId: 1 + (index % shoppers),
    email: `shopper${index % shoppers}@example.com`,
    paymentStatus: "PAID",
    eligibleMinor: 2_000 + (index % 7) * 1_000,
    totalMinor: 2_000 + (index % 7) * 1_000,
    refundedMinor: 0,
    placedAt: new Date(start + Math.floor((index * YEAR_MS) / count)).toISOString(),
    recorded: { memberId: null, points: 0 },
  }));
}

/** Replays once, timing it and the longest gap between the event loop's turns meanwhile. */
async function timed(run: () => Promise<unknown>): Promise<{ ms: number; blockedMs: number }> {
  let last = performance.now();
  let blockedMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    blockedMs = Math.max(blockedMs, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  await run();
  const ms = performance.now() - started;
  clearInterval(ticker);
  return { ms, blockedMs: Math.max(blockedMs, performance.now() - last) };
}

console.log(`bench/simulator: replaying 12 months of orders (time zone ${TIME_ZONE}), one run each after a warm-up`);
await replayOrders(orders(2_000, 50), program(true), TIME_ZONE, turnsEvery(10));
for (const [count, shoppers] of [
  [10_000, 10_000],
  [10_000, 1],
  [20_000, 1],
  [100_000, 20_000],
] as const) {
  const label = `${count} orders, ${shoppers} shopper${shoppers === 1 ? "" : "s"}`;
  const rows = orders(count, shoppers);
  const alone = await timed(() => replayOrders(rows, program(false), TIME_ZONE, turnsEvery(10)));
  const tiered = await timed(() => replayOrders(rows, program(true), TIME_ZONE, turnsEvery(10)));
  console.log(
    `  ${label.padEnd(30)} rule alone ${fmt(alone.ms, 0)} ms (longest block ${fmt(alone.blockedMs, 0)} ms)   with tiers ${fmt(tiered.ms, 0)} ms (longest block ${fmt(tiered.blockedMs, 0)} ms)`,
  );
}
