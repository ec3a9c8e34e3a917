/**
 * Webhook intake, the app as its own process: signed order.created webhooks, each a new event for one of
 * 20 installed stores, answered 200 only once the event is stored (lowdb: file written; PostgreSQL:
 * committed), beside a bare Express JSON POST route measured in the same run, on lowdb and on PostgreSQL.
 * The worker runs as in production, fetching each order from the emulated Ecwid.
 * Run: npx tsx bench/webhooks.ts
 */
import { START_COMMAND } from "./support/start-command.js";
import { build, ECWID_LATENCY_MS, startBenchApp, type Adapter } from "./support/bench-app.js";
import { bareExpress, LOAD_SETUP, load, row, type LoadFigures } from "./support/load.js";
import { postgresReachable } from "./support/postgres-server.js";

const STORES = 20;
const ORDERS_PER_STORE = 100;

async function measure(adapter: Adapter, bare: LoadFigures): Promise<string[]> {
  const app = await startBenchApp(adapter);
  try {
    const stores = [];
    for (let i = 0; i < STORES; i++) stores.push(await app.installStore());
    const orders = stores
      .map(({ storeId }) =>
        Array.from({ length: ORDERS_PER_STORE }, (_, i) => ({
          storeId,
          order: app.emulator.putOrder(storeId, { email: `shopper${i}@example.com`, subtotal: 20, total: 20, paymentStatus: "PAID" }),
        })),
      )
      .flat();
    let sent = 0;
    const intake = await load({
      pid: app.pid,
      url: `${app.url}/webhooks/ecwid?eventtype=order.created`,
      method: "POST",
      next: () => {
        const { storeId, order } = orders[sent % orders.length]!;
        return app.webhookFor(storeId, order, `bench-${adapter}-${++sent}`);
      },
    });
    let pending = 0;
    for (const store of stores) pending += await app.pending(store);
    return [
      `${adapter}:`,
      row(`POST /webhooks/ecwid (${STORES} stores)`, intake, bare),
      `  (${pending} events still queued for the worker afterwards; request log ${((await app.logBytes()) / 1e6).toFixed(0)} MB)`,
    ];
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  build();
  const bare = await bareExpress("POST");
  const lines = await measure("lowdb", bare);
  if (await postgresReachable()) lines.push(...(await measure("postgres", bare)));
  console.log(`bench/webhooks: webhook intake, app as its own process (${START_COMMAND}), ${LOAD_SETUP}, Ecwid emulated at ${ECWID_LATENCY_MS} ms`);
  console.log(row("bare Express, POST (webhook-sized JSON)", bare, bare));
  for (const line of lines) console.log(line);
}

await main();
