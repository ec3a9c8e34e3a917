import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createLowdbStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import { startAppProcess } from "../support/app-process.js";
import { createEcwidEmulator, type WebhookEvent } from "../../server/ecwid-emulator/index.js";

const CLIENT_ID = "questline-crash";
const CLIENT_SECRET = "crash-client-secret-0123456789";
const EVENTS = 500;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("crash recovery", () => {
  it("when the app is SIGKILLed with 500 events in flight and started again, then every event is in the books exactly once", async () => {
    const emulator = createEcwidEmulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, rateLimitPerMinute: null });
    const ecwid = await emulator.listen(0);
    cleanups.push(() => ecwid.close());
    const dataDir = await mkdtemp(path.join(tmpdir(), "questline-crash-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const env = {
      ECWID_CLIENT_ID: CLIENT_ID,
      ECWID_CLIENT_SECRET: CLIENT_SECRET,
      ECWID_API_URL: `${ecwid.url}/api/v3`,
      ECWID_OAUTH_URL: `${ecwid.url}/api/oauth`,
      SESSION_SECRET: "crash-session-secret-0123456789-0123456789",
      ENCRYPTION_KEY: "crash-encryption-key-0123456789-0123456789",
      DATA_DIR: dataDir,
      INBOX_LEASE_SECONDS: "2",
    };

    let app = await startAppProcess(env);
    cleanups.push(() => app.stop("SIGKILL"));
    const { storeId } = emulator.addStore();
    const session = await fetch(`${app.url}/api/admin/session`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ payload: emulator.encryptedPayload(storeId) }),
    });
    expect(session.status).toBe(200);

    const events: { event: WebhookEvent; email: string; points: number; acked: boolean }[] = [];
    for (let i = 0; i < EVENTS; i++) {
      const email = `crash${i}@example.com`;
      const points = 1 + (i % 97);
      const order = emulator.putOrder(storeId, { email, subtotal: points, total: points, paymentStatus: "PAID" });
      events.push({
        event: { ...emulator.orderWebhook(storeId, order.id, "order.created"), eventId: randomUUID(), eventCreated: Math.floor(Date.now() / 1000) },
        email,
        points,
        acked: false,
      });
    }

    /** Delivers like Ecwid: 20 at a time; an event counts as delivered only on a 200. */
    const deliver = async (url: string, items: typeof events, onProgress?: (sent: number) => void) => {
      let next = 0;
      let sent = 0;
      const lane = async () => {
        while (next < items.length) {
          const item = items[next++]!;
          try {
            const result = await emulator.sendWebhook({ url: `${url}/webhooks/ecwid`, ...item.event });
            if (result.status === 200) item.acked = true;
          } catch {
            // connection refused or reset: Ecwid would try again later
          }
          onProgress?.(++sent);
        }
      };
      await Promise.all(Array.from({ length: 20 }, lane));
    };

    let killed = false;
    await deliver(app.url, events, (sent) => {
      if (!killed && sent >= EVENTS / 2) {
        killed = true;
        app.child.kill("SIGKILL");
      }
    });
    await app.stop("SIGKILL");
    const ackedBeforeCrash = events.filter((item) => item.acked).length;
    expect(ackedBeforeCrash).toBeGreaterThan(0);
    expect(ackedBeforeCrash).toBeLessThan(EVENTS);

    app = await startAppProcess(env);
    await deliver(
      app.url,
      events.filter((item) => !item.acked),
    );
    await deliver(app.url, events.slice(0, 50));
    expect(events.every((item) => item.acked)).toBe(true);

    const token = (
      await (
        await fetch(`${app.url}/api/admin/session`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ payload: emulator.encryptedPayload(storeId) }),
        })
      ).json()
    ).token;
    for (let i = 0; i < 300; i++) {
      const inbox = await (await fetch(`${app.url}/api/admin/inbox`, { headers: { Authorization: `Bearer ${token}` } })).json();
      if (inbox.counts.pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await app.stop("SIGTERM");

    const storage = await createLowdbStorage({ dataDir });
    cleanups.push(() => storage.close());
    const counts = await storage.inbox.counts(storeId);
    expect(counts).toEqual({ pending: 0, done: EVENTS, failed: 0 });
    await storage.transaction(storeId, async (tx) => {
      for (const item of events) {
        const member = await tx.members.findByEmail(storeId, item.email);
        const { items } = await tx.ledger.listForMember(storeId, member!.id, { limit: 10, offset: 0 });
        expect(items.map((entry) => entry.delta)).toEqual([item.points]);
        expect(await tx.ledger.balance(storeId, member!.id)).toBe(item.points);
      }
    });
  }, 120_000);
});
