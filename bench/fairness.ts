/**
 * One store's flood must not hold up another's points. Store A gets 400 paid-order webhooks at once; then
 * store B's paid orders are sent one after another while A's queue drains, each timed from the webhook's
 * 200 to the points showing in B's dashboard. Measured beside the same with nothing queued, in the same
 * run, on lowdb and on PostgreSQL, the app as its own process.
 * Run: npx tsx bench/fairness.ts
 */
import { build, ECWID_LATENCY_MS, msUntil, startBenchApp, type Adapter, type BenchApp, type InstalledStore } from "./support/bench-app.js";
import { fmt, percentile } from "./measure.js";
import { postgresReachable } from "./support/postgres-server.js";

const FLOOD = 400;
const SAMPLES = 40;

/** Milliseconds from each of B's webhooks being acknowledged to its points showing, one order at a time. */
async function pointsVisible(app: BenchApp, store: InstalledStore, tag: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const email = `${tag}${i}@example.com`;
    const status = await app.send(app.paidOrder(store.storeId, email));
    if (status !== 200) throw new Error(`webhook answered ${status}`);
    times.push(await msUntil(async () => ((await app.member(store, email))?.balance ?? 0) > 0));
  }
  return times.sort((a, b) => a - b);
}

async function measure(adapter: Adapter): Promise<string[]> {
  const app = await startBenchApp(adapter);
  try {
    const [flooded, other] = [await app.installStore(), await app.installStore()];
    const quiet = await pointsVisible(app, other, "quiet");
    const flood = Array.from({ length: FLOOD }, (_, i) => app.paidOrder(flooded.storeId, `flood${i}@example.com`));
    const statuses = await Promise.all(flood.map((webhook) => app.send(webhook)));
    if (statuses.some((status) => status !== 200)) throw new Error("the flood was not all acknowledged");
    const queuedAtStart = await app.pending(flooded);
    const busy = await pointsVisible(app, other, "busy");
    const queuedAtEnd = await app.pending(flooded);
    const figures = (times: number[]) => `p50 ${fmt(percentile(times, 50), 0)} ms  p99 ${fmt(percentile(times, 99), 0)} ms  max ${fmt(times.at(-1) ?? 0, 0)} ms`;
    return [
      `${adapter}:`,
      `  ${"nothing else queued".padEnd(40)} ${figures(quiet)}`,
      `  ${`${FLOOD} events queued for store A`.padEnd(40)} ${figures(busy)}   (A: ${queuedAtStart} queued when B began, ${queuedAtEnd} when B ended)`,
    ];
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  build();
  const lines = await measure("lowdb");
  if (await postgresReachable()) lines.push(...(await measure("postgres")));
  console.log(
    `bench/fairness: store B's points visible after its paid webhook (${SAMPLES} orders, one at a time), app as its own process, Ecwid emulated at ${ECWID_LATENCY_MS} ms`,
  );
  for (const line of lines) console.log(line);
}

await main();
