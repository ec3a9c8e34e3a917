/**
 * The app under test as its own process, the way production runs it (`npm start`'s command, built first),
 * with the request log on (pino at info into a file, as it would go to stdout), against an Ecwid emulator
 * served from the bench process. Storage: lowdb files in a temporary folder, or a fresh PostgreSQL
 * database dropped after.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createSecretKey } from "node:crypto";
import { closeSync, openSync } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express from "express";
import { createEcwidEmulator, type EcwidEmulator } from "../../server/ecwid-emulator/index.js";
import { signWebhook } from "../../server/ecwid/webhook-signature.js";
import { createSessionTokens } from "../../server/lib/session-tokens.js";
import { SHOPPER_AUDIENCE } from "../../server/modules/shoppers/shopper-session.service.js";
import { freePort } from "../../test/support/app-process.js";
import { freshDatabase } from "./postgres-server.js";
import { startFlags } from "./start-command.js";

export type Adapter = "lowdb" | "postgres";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CLIENT_ID = "questline-bench";
const CLIENT_SECRET = "bench-client-secret-0123456789";
const SESSION_SECRET = "bench-session-secret-0123456789-0123456789";
/** Signs each webhook the load sends with a key made once, so the load's own side costs little of the machine the app runs on. */
const SIGNING_KEY = createSecretKey(Buffer.from(CLIENT_SECRET, "utf8"));

/**
 * How long the emulated Ecwid takes to answer. Ecwid is a remote API (and allows a store 600 calls a
 * minute); one that answers at once would make the worker's processing compete for the CPU as it never does.
 */
export const ECWID_LATENCY_MS = Number(process.env.BENCH_ECWID_LATENCY_MS ?? 50);

/** A signed webhook, ready to send. */
export interface SignedWebhook {
  body: string;
  headers: Record<string, string>;
}

export interface InstalledStore {
  storeId: number;
  adminToken: string;
}

export interface BenchApp {
  url: string;
  /** The app's process id, whose CPU time the load measures. */
  pid: number;
  adapter: Adapter;
  emulator: EcwidEmulator;
  /** Creates a store in the emulator and installs it the way an App Market first open does. */
  installStore(): Promise<InstalledStore>;
  /** A paid order placed in the emulator by `email`, and the order.created webhook Ecwid would send for it. */
  paidOrder(storeId: number, email: string): SignedWebhook;
  /** The same order's webhook again, under a new event id. */
  webhookFor(storeId: number, order: { id: string; internalId: number }, eventId: string): SignedWebhook;
  send(webhook: SignedWebhook): Promise<number>;
  /** The shopper's balance as the dashboard reads it, or null while they are not a member. */
  member(store: InstalledStore, email: string): Promise<{ id: string; balance: number } | null>;
  /** Pending events of a store, as the dashboard's webhook health reads them. */
  pending(store: InstalledStore): Promise<number>;
  /** A shopper session token, as session/verify hands out. */
  shopperToken(storeId: number, memberId: string): string;
  /** Bytes the request log holds. */
  logBytes(): Promise<number>;
  close(): Promise<void>;
}

/** `npm run build`, so the process under test runs the code as it is now. */
export function build(): void {
  const result = spawnSync("npm", ["run", "-s", "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error("npm run build failed");
}

export async function waitForHttp(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${url} did not answer`);
}

export async function startBenchApp(adapter: Adapter): Promise<BenchApp> {
  const emulator = createEcwidEmulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, rateLimitPerMinute: null });
  const ecwid = await serveEmulator(emulator, ECWID_LATENCY_MS);
  const work = await mkdtemp(path.join(tmpdir(), "questline-bench-"));
  const database = adapter === "postgres" ? await freshDatabase() : null;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(work, "app.log");
  const log = openSync(logFile, "a");
  // e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the app under load
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  // e.g. BENCH_APP_ENTRY=dist/variants/a.js to weigh two builds of the app against each other
  const entry = process.env.BENCH_APP_ENTRY ?? "dist/main.js";
  const child = spawn(process.execPath, [...startFlags(), ...nodeArgs, entry], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      PORT: String(port),
      BASE_URL: url,
      ECWID_CLIENT_ID: CLIENT_ID,
      ECWID_CLIENT_SECRET: CLIENT_SECRET,
      ECWID_API_URL: `${ecwid.url}/api/v3`,
      ECWID_OAUTH_URL: `${ecwid.url}/api/oauth`,
      ECWID_CP_URL: `${url}/cp`,
      ECWID_REQUESTS_PER_MINUTE: "100000",
      SESSION_SECRET,
      ENCRYPTION_KEY: "bench-encryption-key-0123456789-0123456789",
      DATA_DIR: path.join(work, "data"),
      LOG_LEVEL: "info",
      ...(database ? { DATABASE_URL: database.url } : {}),
    },
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await waitForHttp(`${url}/healthz`, child);
  const tokens = createSessionTokens(SESSION_SECRET, () => new Date());
  const admin = async <T>(store: InstalledStore, pathAndQuery: string) =>
    (await (await fetch(`${url}/api/admin${pathAndQuery}`, { headers: { Authorization: `Bearer ${store.adminToken}` } })).json()) as T;
  let events = 0;

  const webhookFor = (storeId: number, order: { id: string; internalId: number }, eventId: string): SignedWebhook => {
    const eventCreated = Math.floor(Date.now() / 1000);
    const event = { eventId, eventCreated, storeId, entityId: order.internalId, eventType: "order.created", data: { orderId: order.id, newPaymentStatus: "PAID" } };
    return { body: JSON.stringify(event), headers: { "Content-Type": "application/json", "X-Ecwid-Webhook-Signature": signWebhook(eventCreated, eventId, SIGNING_KEY) } };
  };

  return {
    url,
    pid: child.pid ?? 0,
    adapter,
    emulator,
    async installStore() {
      const { storeId } = emulator.addStore();
      const response = await fetch(`${url}/api/admin/session`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ payload: emulator.encryptedPayload(storeId) }),
      });
      if (response.status !== 200) throw new Error(`install of store ${storeId} failed: ${response.status} ${await response.text()}`);
      const { token } = (await response.json()) as { token: string };
      return { storeId, adminToken: token };
    },
    paidOrder(storeId, email) {
      const order = emulator.putOrder(storeId, { email, subtotal: 25, total: 25, paymentStatus: "PAID" });
      return webhookFor(storeId, order, `bench-${++events}`);
    },
    webhookFor,
    async send(webhook) {
      const response = await fetch(`${url}/webhooks/ecwid?eventtype=order.created`, { method: "POST", headers: webhook.headers, body: webhook.body });
      await response.arrayBuffer();
      return response.status;
    },
    async member(store, email) {
      const { items } = await admin<{ items: { id: string; balance: number }[] }>(store, `/members?email=${encodeURIComponent(email)}`);
      return items[0] ?? null;
    },
    async pending(store) {
      return (await admin<{ counts: { pending: number } }>(store, "/inbox")).counts.pending;
    },
    shopperToken: (storeId, memberId) => tokens.sign(SHOPPER_AUDIENCE, { storeId, memberId }, 3600),
    logBytes: async () => (await stat(logFile)).size,
    async close() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      await ecwid.close();
      await database?.drop();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/** The emulator on its own port, each answer held back `latencyMs` (a timer: no CPU). */
async function serveEmulator(emulator: EcwidEmulator, latencyMs: number): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  if (latencyMs > 0) app.use((_req, _res, next) => void setTimeout(next, latencyMs));
  app.use(emulator.router);
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Waits until `check` holds, looking every few milliseconds; returns how long that took. */
export async function msUntil(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) throw new Error(`not seen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return performance.now() - started;
}
