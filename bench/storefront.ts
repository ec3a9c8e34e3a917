/**
 * The widget's reads, the app as its own process: the public program as a first visit asks for it
 * (gzip/brotli accepted), the same revalidated with its ETag (304), and a signed-in shopper's /me,
 * beside a bare Express JSON route measured in the same run, on lowdb and on PostgreSQL.
 * Run: npx tsx bench/storefront.ts
 */
import { START_COMMAND } from "./support/start-command.js";
import { build, ECWID_LATENCY_MS, msUntil, startBenchApp, type Adapter } from "./support/bench-app.js";
import { bareExpress, LOAD_SETUP, load, row, type LoadFigures } from "./support/load.js";
import { postgresReachable } from "./support/postgres-server.js";

const BROWSER = { "Accept-Encoding": "gzip, deflate, br" };

async function measure(adapter: Adapter, bare: LoadFigures): Promise<string[]> {
  const app = await startBenchApp(adapter);
  try {
    const store = await app.installStore();
    await app.send(app.paidOrder(store.storeId, "ana@example.com"));
    await msUntil(async () => ((await app.member(store, "ana@example.com"))?.balance ?? 0) > 0);
    const member = await app.member(store, "ana@example.com");
    const program = `${app.url}/api/storefront/${store.storeId}/program?lang=en`;
    const etag = (await fetch(program, { headers: BROWSER })).headers.get("etag") ?? "";
    const rows = [
      row("GET /program (gzip/br)", await load({ pid: app.pid, url: program, headers: BROWSER }), bare),
      row("GET /program, If-None-Match (304)", await load({ pid: app.pid, url: program, headers: { ...BROWSER, "If-None-Match": etag } }), bare),
      row(
        "GET /me (Bearer)",
        await load({
          pid: app.pid,
          url: `${app.url}/api/storefront/${store.storeId}/me`,
          headers: { ...BROWSER, Authorization: `Bearer ${app.shopperToken(store.storeId, member?.id ?? "")}` },
        }),
        bare,
      ),
    ];
    return [`${adapter}:`, ...rows, `  (request log at info: ${((await app.logBytes()) / 1e6).toFixed(0)} MB written)`];
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  build();
  const bare = await bareExpress("GET");
  const lines = await measure("lowdb", bare);
  if (await postgresReachable()) lines.push(...(await measure("postgres", bare)));
  console.log(`bench/storefront: the widget's API, app as its own process (${START_COMMAND}), ${LOAD_SETUP}, Ecwid emulated at ${ECWID_LATENCY_MS} ms`);
  console.log(row("bare Express, GET", bare, bare));
  for (const line of lines) console.log(line);
}

await main();
