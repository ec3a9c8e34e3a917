import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { verifyBooks } from "../../server/modules/ledger/verify-books.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { createEcwidEmulator, type EcwidEmulator, type WebhookEvent } from "../../server/ecwid-emulator/index.js";
import { startAppProcess } from "./app-process.js";
import type { ProcessStorage } from "./process-storage.js";

export const STORM_CLIENT_ID = "questline-storm";
export const STORM_CLIENT_SECRET = "storm-client-secret-0123456789";

/** An Ecwid emulator over HTTP with its rate limit off, for an app process to talk to. */
export async function startStormEcwid() {
  const emulator = createEcwidEmulator({ clientId: STORM_CLIENT_ID, clientSecret: STORM_CLIENT_SECRET, rateLimitPerMinute: null });
  const running = await emulator.listen(0);
  return { emulator, url: running.url, close: () => running.close() };
}

/** The environment of an app process on that emulator; `storage` is `DATA_DIR` or `DATABASE_URL`. */
export function stormAppEnv(ecwidUrl: string, storage: { DATA_DIR: string } | { DATABASE_URL: string; DATA_DIR: string }): Record<string, string> {
  return {
    ECWID_CLIENT_ID: STORM_CLIENT_ID,
    ECWID_CLIENT_SECRET: STORM_CLIENT_SECRET,
    ECWID_API_URL: `${ecwidUrl}/api/v3`,
    ECWID_OAUTH_URL: `${ecwidUrl}/api/oauth`,
    SESSION_SECRET: "storm-session-secret-0123456789-0123456789",
    ENCRYPTION_KEY: "storm-encryption-key-0123456789-0123456789",
    // a killed process's leases lapse quickly, so its events are taken again within the test
    INBOX_LEASE_SECONDS: "2",
    ECWID_REQUESTS_PER_MINUTE: "100000",
    ...storage,
  };
}

/**
 * An emulator, an app process on fresh storage and a store installed in it, ready for a storm. The app
 * is the caller's to stop (it may restart it with `env`); everything else goes with `cleanups`.
 */
export async function prepareStorm(storage: ProcessStorage, cleanups: (() => Promise<void>)[]) {
  const ecwid = await startStormEcwid();
  cleanups.push(ecwid.close);
  const storageEnv = await storage.env();
  const env = stormAppEnv(ecwid.url, storageEnv);
  const app = await startAppProcess(env);
  const { storeId } = ecwid.emulator.addStore();
  const token = await openAdmin(ecwid.emulator, app.url, storeId);
  return { emulator: ecwid.emulator, storageEnv, env, app, storeId, token };
}

/** A paid order and its signed `order.created`; the order deserves `points` and `acked` says whether the app took the event. */
export interface StormEvent {
  event: WebhookEvent & { eventId: string; eventCreated: number };
  email: string;
  points: number;
  acked: boolean;
}

export function paidOrderEvents(emulator: EcwidEmulator, storeId: number, count: number): StormEvent[] {
  return Array.from({ length: count }, (_, i) => {
    const email = `storm${i}@example.com`;
    const points = 1 + (i % 97);
    const order = emulator.putOrder(storeId, { email, subtotal: points, total: points, paymentStatus: "PAID" });
    const event = { ...emulator.orderWebhook(storeId, order.id, "order.created"), eventId: randomUUID(), eventCreated: Math.floor(Date.now() / 1000) };
    return { event, email, points, acked: false };
  });
}

/**
 * Delivers like Ecwid, `lanes` at a time: an event counts as delivered only on a 200. Returns every
 * status other than 200 (a connection refused or reset is no status: Ecwid would just try again).
 */
export async function deliver(emulator: EcwidEmulator, url: string, items: StormEvent[], onProgress?: (sent: number) => void, lanes = 20): Promise<number[]> {
  const refused: number[] = [];
  let next = 0;
  let sent = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      try {
        const result = await emulator.sendWebhook({ url: `${url}/webhooks/ecwid`, ...item.event });
        if (result.status === 200) item.acked = true;
        else refused.push(result.status);
      } catch {
        // connection refused or reset: Ecwid would try again later
      }
      onProgress?.(++sent);
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return refused;
}

/** Installs the store the way a merchant's first open of the app page does. */
export async function openAdmin(emulator: EcwidEmulator, url: string, storeId: number): Promise<string> {
  const response = await fetch(`${url}/api/admin/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ payload: emulator.encryptedPayload(storeId) }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

/** Waits, by asking the app, until its inbox holds no pending event. */
export async function inboxDrained(url: string, token: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const inbox = (await (await fetch(`${url}/api/admin/inbox`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { counts: { pending: number } };
    if (inbox.counts.pending === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the inbox did not drain within a minute");
}

/** Waits, by asking the storage, until the store's inbox holds no pending event and `also` holds. */
export async function storageDrained(storage: Storage, storeId: number, also: () => boolean = () => true): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if ((await storage.inbox.counts(storeId)).pending === 0 && also()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the inbox did not drain within 30 s");
}

/** Every event done once, every shopper's books exactly what their order deserves, and verify finds nothing. */
export async function expectEachEventOnce(storage: Storage, storeId: number, items: StormEvent[]): Promise<void> {
  expect(await storage.inbox.counts(storeId)).toEqual({ pending: 0, done: items.length, failed: 0 });
  const books = await storage.read(storeId, async (tx) =>
    Promise.all(
      items.map(async (item) => {
        const member = await tx.members.findByEmail(storeId, item.email);
        const { items: entries } = member ? await tx.ledger.listForMember(storeId, member.id, { limit: 10, offset: 0 }) : { items: [] };
        return { email: item.email, deltas: entries.map((entry) => entry.delta), balance: member?.balance ?? 0 };
      }),
    ),
  );
  expect(books).toEqual(items.map((item) => ({ email: item.email, deltas: [item.points], balance: item.points })));
  expect(await verifyBooks(storage, { storeIds: [storeId] })).toEqual([{ storeId, members: items.length, entries: items.length, problems: [] }]);
}
