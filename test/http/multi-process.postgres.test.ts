import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../server/lib/clock.js";
import { findOrCreateMember } from "../../server/modules/members/member.service.js";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { startAppProcess } from "../support/app-process.js";
import { createEcwidEmulator, type WebhookEvent } from "../../server/ecwid-emulator/index.js";
import { createTestDatabase, postgresSkipReason, type TestDatabase } from "../support/postgres.js";

const CLIENT_ID = "questline-multi";
const CLIENT_SECRET = "multi-client-secret-0123456789";
const EVENTS = 1000;

const skipReason = await postgresSkipReason("multi-process postgres tests");
if (skipReason) console.log(skipReason);

type App = Awaited<ReturnType<typeof startAppProcess>>;

/** Two real app processes behind an imaginary load balancer, sharing one fresh PostgreSQL database. */
describe.skipIf(skipReason !== null)("several app processes on one PostgreSQL database", () => {
  const emulator = createEcwidEmulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, rateLimitPerMinute: null });
  const cleanups: (() => Promise<void>)[] = [];
  let database: TestDatabase;
  let apps: App[];
  let storage: Storage;

  beforeAll(async () => {
    const ecwid = await emulator.listen(0);
    cleanups.push(() => ecwid.close());
    database = await createTestDatabase("multi");
    cleanups.push(() => database.drop());
    const env = {
      ECWID_CLIENT_ID: CLIENT_ID,
      ECWID_CLIENT_SECRET: CLIENT_SECRET,
      ECWID_API_URL: `${ecwid.url}/api/v3`,
      ECWID_OAUTH_URL: `${ecwid.url}/api/oauth`,
      SESSION_SECRET: "multi-session-secret-0123456789-0123456789",
      ENCRYPTION_KEY: "multi-encryption-key-0123456789-0123456789",
      DATABASE_URL: database.url,
      // 1,000 orders are fetched from the emulator in seconds; the client-side Ecwid throttle would stretch that to minutes
      ECWID_REQUESTS_PER_MINUTE: "100000",
      DATA_DIR: path.join(tmpdir(), `questline-multi-unused-${randomUUID()}`),
    };
    // started together, so their migrations race too
    apps = await Promise.all([startAppProcess(env), startAppProcess(env)]);
    for (const app of apps) cleanups.push(() => app.stop("SIGTERM"));
    storage = await createPostgresStorage({ databaseUrl: database.url });
    cleanups.push(() => storage.close());
  }, 120_000);

  afterAll(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  }, 60_000);

  const sessionOn = async (app: App, storeId: number): Promise<string> => {
    const response = await fetch(`${app.url}/api/admin/session`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ payload: emulator.encryptedPayload(storeId) }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { token: string }).token;
  };

  it("when 1,000 order webhooks are split across both processes, then every event is processed exactly once", async () => {
    const [a, b] = apps as [App, App];
    const { storeId } = emulator.addStore();
    const token = await sessionOn(a, storeId);

    const items: { event: WebhookEvent; email: string; points: number }[] = [];
    for (let i = 0; i < EVENTS; i++) {
      const email = `multi${i}@example.com`;
      const points = 1 + (i % 97);
      const order = emulator.putOrder(storeId, { email, subtotal: points, total: points, paymentStatus: "PAID" });
      items.push({ event: { ...emulator.orderWebhook(storeId, order.id, "order.created"), eventId: randomUUID(), eventCreated: Math.floor(Date.now() / 1000) }, email, points });
    }
    let next = 0;
    const statuses: number[] = [];
    const lane = async () => {
      while (next < items.length) {
        const index = next++;
        const target = index % 2 === 0 ? a : b;
        statuses.push((await emulator.sendWebhook({ url: `${target.url}/webhooks/ecwid`, ...items[index]!.event })).status);
      }
    };
    await Promise.all(Array.from({ length: 20 }, lane));
    expect(statuses.filter((status) => status === 200)).toHaveLength(EVENTS);

    for (let i = 0; i < 600; i++) {
      const inbox = (await (await fetch(`${b.url}/api/admin/inbox`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { counts: { pending: number } };
      if (inbox.counts.pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    expect(await storage.inbox.counts(storeId)).toEqual({ pending: 0, done: EVENTS, failed: 0 });
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const taken = await client.query<{ events: number; attempts: number }>(
        "SELECT count(*)::int AS events, sum(attempts)::int AS attempts FROM inbox_events WHERE store_id = $1",
        [storeId],
      );
      expect(taken.rows[0]).toEqual({ events: EVENTS, attempts: EVENTS });
    } finally {
      await client.end();
    }
    await storage.transaction(storeId, async (tx) => {
      for (const item of items) {
        const member = await tx.members.findByEmail(storeId, item.email);
        const { items: entries } = await tx.ledger.listForMember(storeId, member!.id, { limit: 10, offset: 0 });
        expect(entries.map((entry) => entry.delta)).toEqual([item.points]);
        expect(await tx.ledger.balance(storeId, member!.id)).toBe(item.points);
      }
    });
  }, 180_000);

  it("when both processes adjust one member's points at once, round after round, then the balance never goes negative and no update is lost", async () => {
    const [a, b] = apps as [App, App];
    const { storeId } = emulator.addStore();
    const tokens = [await sessionOn(a, storeId), await sessionOn(b, storeId)];
    const member = await storage.transaction(storeId, (tx) => findOrCreateMember(tx, storeId, { customerId: 7, email: "spender@example.com" }, systemClock));
    const adjust = async (app: App, token: string, points: number) => {
      const response = await fetch(`${app.url}/api/admin/members/${member.id}/adjustments`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
        body: JSON.stringify({ points, reason: "concurrency test" }),
      });
      return { status: response.status, points };
    };

    let expected = 0;
    let accepted = 0;
    for (let round = 0; round < 12; round++) {
      const topUp = await adjust(a, tokens[0]!, 100);
      expect(topUp.status).toBe(201);
      expected += 100;
      accepted += 1;
      // 30 requests at once over both processes: 270 points asked for where about 100 are there, plus a few credits
      const requests = Array.from({ length: 30 }, (_, i) => adjust(i % 2 ? a : b, tokens[i % 2]!, i % 10 === 0 ? 5 : -9));
      const results = await Promise.all(requests);
      for (const result of results) {
        expect([201, 409]).toContain(result.status);
        if (result.points > 0) expect(result.status).toBe(201);
        if (result.status === 201) {
          expected += result.points;
          accepted += 1;
        }
      }
      expect(results.some((result) => result.status === 409)).toBe(true);
      const ledger = (await (await fetch(`${b.url}/api/admin/members/${member.id}/ledger?limit=1`, { headers: { Authorization: `Bearer ${tokens[1]}` } })).json()) as {
        member: { balance: number };
        total: number;
      };
      expect(ledger.member.balance).toBe(expected);
      expect(ledger.member.balance).toBeGreaterThanOrEqual(0);
      expect(ledger.total).toBe(accepted);
    }

    await storage.transaction(storeId, async (tx) => {
      expect(await tx.ledger.balance(storeId, member.id)).toBe(expected);
      expect(await tx.ledger.sumEntries(storeId, member.id)).toBe(expected);
      expect((await tx.audit.list(storeId, { limit: 1, offset: 0 })).total).toBe(accepted);
    });
  }, 120_000);
});
