import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { manualClock } from "../../server/lib/clock.js";
import { post } from "../../server/modules/ledger/posting.js";
import { createHttpsTransport } from "../../server/modules/webhooks/webhook-transport.js";
import { createMemoryStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { createTestDatabase, postgresSkipReason, type TestDatabase } from "../support/postgres.js";
import { redemptionStore } from "../support/redemption-fixture.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";
import { startWebhookReceiver } from "../support/webhook-receiver.js";

const skipReason = await postgresSkipReason("outgoing webhooks on PostgreSQL");
if (skipReason) console.log(skipReason);

let database: TestDatabase | undefined;
beforeAll(async () => {
  if (!skipReason) database = await createTestDatabase("outgoing_webhooks");
});
afterAll(async () => {
  await database?.drop();
});

const adapters: [string, () => Promise<Storage>, boolean][] = [
  ["lowdb", () => createMemoryStorage(), false],
  ["postgres", () => createPostgresStorage({ databaseUrl: database!.url }), true],
];

const ALL_EVENTS = ["member.points_changed", "reward.redeemed", "tier.changed", "referral.qualified", "challenge.completed"];
const five = { id: "rw_five", name: "$5 off", kind: "amount_off", costPoints: 20, amountMinor: 500, minOrderMinor: 0, productIds: [], categoryIds: [], couponDays: 10 };
const MINUTE = 60_000;

let app: TestApp;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

async function openApp(options: Parameters<typeof startTestApp>[0]): Promise<TestApp> {
  app = await startTestApp(options);
  closers.push(() => app.close());
  return app;
}

async function openReceiver() {
  const opened = await startWebhookReceiver();
  closers.push(() => opened.close());
  return opened;
}

async function addEndpoint(storeId: number, body: Record<string, unknown>) {
  return app.http.post("/api/admin/webhook-endpoints", body, bearer(await app.adminToken(storeId)));
}

describe.each(adapters)("outgoing webhooks on %s", (_name, open, needsPostgres) => {
  it.skipIf(needsPostgres && skipReason !== null)(
    "when a signed Ecwid webhook pays an order and the shopper redeems, then the endpoint receives member.points_changed and reward.redeemed, signed",
    async () => {
      await openApp({ storage: await open(), env: { WEBHOOKS_ALLOW_LOOPBACK: "1" } });
      receiver = await openReceiver();
      const shop = await redemptionStore(app, [five], { points: 0 });
      const created = await addEndpoint(shop.storeId, { url: receiver.url, events: ALL_EVENTS, description: "Klaviyo" });
      expect(created.status).toBe(201);
      const { secret, endpoint } = created.data;
      expect(secret).toMatch(/^whsec_/);
      expect(endpoint).not.toHaveProperty("sealedSecret");

      const order = app.emulator.putOrder(shop.storeId, { email: "ana@example.com", subtotal: 50, total: 50, paymentStatus: "PAID" });
      const hook = await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(shop.storeId, order.id, "order.created") });
      expect(hook.status).toBe(200);
      await app.worker.drain();
      expect(await app.container.webhookDispatcher.drain()).toBe(1);
      const redeemed = await shop.redeem("rw_five");
      expect(redeemed.status).toBe(201);
      await app.container.webhookDispatcher.drain();

      // deliveries of one endpoint go out side by side, so the order they arrive in is not promised
      const events = receiver.verifiedEvents(secret).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.type.localeCompare(b.type));
      expect(events.map((event) => event.type)).toEqual(["member.points_changed", "member.points_changed", "reward.redeemed"]);
      const member = { id: shop.memberId, email: "ana@example.com" };
      expect(events[0]).toMatchObject({ storeId: shop.storeId, data: { member, delta: 50, balance: 50, kind: "earn_order", source: { type: "order", id: order.id } } });
      expect(events[1]).toMatchObject({ data: { member, delta: -20, balance: 30, kind: "redeem" } });
      expect(events[2]).toMatchObject({ data: { member, rewardId: "rw_five", rewardName: "$5 off", points: 20, couponCode: redeemed.data.redemption.coupon.code } });
      expect(new Set(events.map((event) => event.id)).size).toBe(3);
      const first = receiver.received.find((request) => request.body.includes(events[0]!.id))!;
      expect(first.headers["questline-event-id"]).toBe(events[0]!.id);

      const deliveries = await app.http.get(`/api/admin/webhook-endpoints/${endpoint.id}/deliveries`, bearer(await app.adminToken(shop.storeId)));
      expect(deliveries.data.items).toHaveLength(3);
      expect(deliveries.data.items[0]).toMatchObject({ status: "succeeded", attempts: 1, lastStatus: 200, lastResponse: "ok", eventType: "reward.redeemed" });
    },
  );

  it.skipIf(needsPostgres && skipReason !== null)("when a change rolls back, then no event of it is recorded or sent", async () => {
    await openApp({ storage: await open(), env: { WEBHOOKS_ALLOW_LOOPBACK: "1" } });
    receiver = await openReceiver();
    const shop = await redemptionStore(app, [], { points: 0 });
    const { secret } = (await addEndpoint(shop.storeId, { url: receiver.url, events: ["member.points_changed"] })).data;
    const posting = (key: string) => ({
      memberId: shop.memberId,
      delta: 7,
      kind: "adjust" as const,
      source: { type: "manual" as const, id: key },
      idempotencyKey: key,
      actor: "merchant@example.com",
      note: "test",
      basis: { reason: "test", visibleToShopper: false },
    });
    const storage = app.container.storage;
    await expect(
      storage.transaction(shop.storeId, async (tx) => {
        await post(tx, shop.storeId, posting("rolled-back"), new Date());
        throw new Error("the change fails after its posting");
      }),
    ).rejects.toThrow("the change fails");
    expect(await app.container.webhookDispatcher.drain()).toBe(0);
    await storage.transaction(shop.storeId, (tx) => post(tx, shop.storeId, posting("kept"), new Date()));
    expect(await app.container.webhookDispatcher.drain()).toBe(1);
    expect(receiver.verifiedEvents(secret).map((event) => event.data.source)).toEqual([{ type: "manual", id: "kept" }]);
  });

  it.skipIf(needsPostgres && skipReason !== null)(
    "when the receiver keeps failing, then it is retried with growing waits, Retry-After is kept, and after a day the endpoint is off until turned on again",
    async () => {
      const clock = manualClock("2026-05-01T08:00:00Z");
      await openApp({ storage: await open(), clock, env: { WEBHOOKS_ALLOW_LOOPBACK: "1" } });
      receiver = await openReceiver();
      receiver.answerWith(() => ({ status: 503, body: "down for maintenance" }));
      const shop = await redemptionStore(app, [], { points: 0 });
      // sessions expire as the clock moves on: a fresh one for each call
      const auth = async () => bearer(await app.adminToken(shop.storeId));
      const { endpoint } = (await addEndpoint(shop.storeId, { url: receiver.url, events: ["member.points_changed"] })).data;
      const test = await app.http.post(`/api/admin/webhook-endpoints/${endpoint.id}/test`, {}, await auth());
      expect(test.status).toBe(202);
      const dispatcher = app.container.webhookDispatcher;
      const deliveries = async () => (await app.http.get(`/api/admin/webhook-endpoints/${endpoint.id}/deliveries`, await auth())).data.items;
      const delivery = async () => (await deliveries()).at(-1);

      const waits: number[] = [];
      for (let attempt = 1; attempt <= 4; attempt++) {
        expect(await dispatcher.drain()).toBe(1);
        const after = await delivery();
        expect(after).toMatchObject({ status: "pending", attempts: attempt, lastStatus: 503, lastResponse: "down for maintenance" });
        const wait = new Date(after.availableAt).getTime() - clock.now().getTime();
        waits.push(wait);
        clock.advance(wait - 1);
        expect(await dispatcher.drain()).toBe(0);
        clock.advance(1);
      }
      // 30 s, 1, 2 and 4 minutes, each jittered by at most 20%
      [0.5, 1, 2, 4].forEach((minutes, index) => {
        expect(waits[index]).toBeGreaterThanOrEqual(minutes * MINUTE * 0.8);
        expect(waits[index]).toBeLessThanOrEqual(minutes * MINUTE * 1.2);
      });

      receiver.answerWith(() => ({ status: 429, headers: { "Retry-After": "120" } }));
      await dispatcher.drain();
      expect(new Date((await delivery()).availableAt).getTime() - clock.now().getTime()).toBe(2 * MINUTE);

      receiver.answerWith(() => ({ status: 500 }));
      let late: string | null = null;
      for (let hour = 0; hour < 30; hour++) {
        clock.advance(60 * MINUTE);
        if (hour === 22) late = (await app.http.post(`/api/admin/webhook-endpoints/${endpoint.id}/test`, {}, await auth())).data.id;
        await dispatcher.drain();
      }
      const list = (await app.http.get("/api/admin/webhook-endpoints", await auth())).data.items;
      expect(list[0]).toMatchObject({ enabled: false, disabledReason: "failing" });
      const items = await deliveries();
      // the first event gave up at a day old, or was paused with the endpoint, whichever its last attempt met first
      expect(["failed", "paused"]).toContain(items.at(-1).status);
      expect(items.find((one: { id: string }) => one.id === late)).toMatchObject({ status: "paused" });
      const attemptsBefore = receiver.received.length;
      clock.advance(120 * MINUTE);
      expect(await dispatcher.drain()).toBe(0);
      expect(receiver.received).toHaveLength(attemptsBefore);

      receiver.answerWith(() => ({ status: 204 }));
      const on = await app.http.patch(`/api/admin/webhook-endpoints/${endpoint.id}`, { enabled: true }, await auth());
      expect(on.data).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
      expect(await dispatcher.drain()).toBe(items.filter((one: { status: string }) => one.status === "paused").length);
      const resumed = await deliveries();
      expect(resumed.find((one: { id: string }) => one.id === late)).toMatchObject({ status: "succeeded", lastStatus: 204 });
    },
  );
});

describe("outgoing webhook addresses", () => {
  it("when an endpoint URL is not https or names a private, metadata, loopback or link-local address, then 400 and nothing is stored", async () => {
    await openApp({});
    receiver = await openReceiver();
    const { storeId } = await app.installStore();
    for (const url of [
      "http://hooks.example.com/x",
      "https://10.0.0.8/x",
      "https://192.168.1.2/x",
      "https://169.254.169.254/latest",
      "https://[::1]/x",
      "https://127.0.0.1/x",
      "https://localhost/x",
      "https://[fd00::1]/x",
      "https://[::ffff:10.0.0.1]/x",
      "https://user:pw@hooks.example.com/x",
      receiver.url,
    ]) {
      const refused = await addEndpoint(storeId, { url, events: ["reward.redeemed"] });
      expect(refused.status, url).toBe(400);
      expect(refused.data.code).toMatch(/bad_request|validation_failed/);
    }
    expect((await app.http.get("/api/admin/webhook-endpoints", bearer(await app.adminToken(storeId)))).data.items).toEqual([]);
  });

  it("when a host resolves to loopback without the test setting, or the URL is plain http, then no request leaves", async () => {
    receiver = await openReceiver();
    const transport = createHttpsTransport({ allowLoopback: false });
    const port = new URL(receiver.url).port;
    const refusedLocal = await transport.post(`https://localhost:${port}/hooks`, {}, "{}");
    expect(refusedLocal).toMatchObject({ status: null, error: expect.stringMatching(/not a public address/) });
    expect(await transport.post(receiver.url, {}, "{}")).toMatchObject({ status: null, error: "only https URLs are called" });
    expect(receiver.received).toHaveLength(0);
  });

  it("when the endpoint answers with a redirect, then it is not followed and the delivery is not retried", async () => {
    await openApp({ env: { WEBHOOKS_ALLOW_LOOPBACK: "1" } });
    receiver = await openReceiver();
    const elsewhere = await openReceiver();
    receiver.answerWith(() => ({ status: 302, headers: { Location: elsewhere.url } }));
    const shop = await redemptionStore(app, [], { points: 0 });
    const token = await app.adminToken(shop.storeId);
    const { endpoint } = (await addEndpoint(shop.storeId, { url: receiver.url, events: ["reward.redeemed"] })).data;
    await app.http.post(`/api/admin/webhook-endpoints/${endpoint.id}/test`, {}, bearer(token));
    expect(await app.container.webhookDispatcher.drain()).toBe(1);
    expect(elsewhere.received).toHaveLength(0);
    const [delivery] = (await app.http.get(`/api/admin/webhook-endpoints/${endpoint.id}/deliveries`, bearer(token))).data.items;
    expect(delivery).toMatchObject({ status: "failed", attempts: 1, lastStatus: 302, lastError: "the endpoint answered 302, which is not retried" });
  });
});
