import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { booksFor } from "../support/books.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

let app: TestApp;
let storeId: number;
let hook: string;

beforeEach(async () => {
  app = await startTestApp();
  ({ storeId } = await app.installStore({ currency: "USD", currencyPrecision: 2 }));
  hook = `${app.url}/webhooks/ecwid`;
});
afterEach(() => app.close());

const send = (orderId: string, eventType: "order.created" | "order.updated" | "order.deleted", extra: Record<string, unknown> = {}) =>
  app.emulator.sendWebhook({ url: hook, ...app.emulator.orderWebhook(storeId, orderId, eventType), ...extra });
const inboxCounts = () => app.container.storage.inbox.counts(storeId);

describe("webhook intake", () => {
  it("when the signature is missing, forged or signed with another secret, then 401 and nothing is stored", async () => {
    const order = app.emulator.putOrder(storeId, { email: "ana@example.com", subtotal: 50, total: 50, paymentStatus: "PAID" });
    for (const signature of [null, "forged", "5LwaK6im6mdLp7pZPlTz/+b2yB/FVhvIduZuzn4nEQg="]) {
      const result = await send(order.id, "order.created", { signature });
      expect(result.status).toBe(401);
    }
    expect(await inboxCounts()).toEqual({ pending: 0, done: 0, failed: 0 });
    expect(await app.container.storage.receipts.find("anything")).toBeNull();
  });

  it("when a captured signature is replayed with a new body, then it is refused and the original stands", async () => {
    const mine = app.emulator.putOrder(storeId, { email: "ana@example.com", subtotal: 50, total: 50, paymentStatus: "PAID" });
    const other = app.emulator.putOrder(storeId, { email: "eve@example.com", subtotal: 900, total: 900, paymentStatus: "PAID" });
    const original = await send(mine.id, "order.created");
    expect(original.status).toBe(200);
    const victim = await app.installStore();
    for (const change of [{ data: { orderId: other.id } }, { storeId: victim.storeId }, { eventType: "application.uninstalled", entityId: String(storeId) }]) {
      const replay = await app.emulator.sendWebhook({
        url: hook,
        ...app.emulator.orderWebhook(storeId, mine.id, "order.created"),
        eventId: original.eventId,
        eventCreated: original.eventCreated,
        ...change,
      });
      expect(replay.status).toBe(401);
    }
    expect((await app.container.storage.installs.get(storeId))?.status).toBe("active");
    expect((await app.container.storage.installs.get(victim.storeId))?.status).toBe("active");
    expect(await inboxCounts()).toEqual({ pending: 1, done: 0, failed: 0 });
  });

  it("when the body is not JSON, lacks fields, is older than 48 hours or from the future, then 400 and nothing is stored", async () => {
    const malformed = await app.http.post("/webhooks/ecwid", "{not json", { headers: { "Content-Type": "application/json", "X-Ecwid-Webhook-Signature": "x" } });
    expect(malformed.status).toBe(400);
    const order = app.emulator.putOrder(storeId, { email: "ana@example.com", subtotal: 50, total: 50, paymentStatus: "PAID" });
    const old = await send(order.id, "order.created", { eventCreated: Math.floor(Date.now() / 1000) - 49 * 3600 });
    expect(old.status).toBe(400);
    const future = await send(order.id, "order.created", { eventCreated: Math.floor(Date.now() / 1000) + 3600 });
    expect(future.status).toBe(400);
    expect(future.body).toMatchObject({ code: "bad_request" });
    const missingType = await app.emulator.sendWebhook({ url: hook, storeId, eventType: "", entityId: 1 });
    expect(missingType.status).toBe(400);
    expect(await inboxCounts()).toEqual({ pending: 0, done: 0, failed: 0 });
  });

  it("when Ecwid's clock runs a minute ahead of ours, then its event is still taken", async () => {
    const order = app.emulator.putOrder(storeId, { email: "ana@example.com", subtotal: 50, total: 50, paymentStatus: "PAID" });
    const ahead = await send(order.id, "order.created", { eventCreated: Math.floor(Date.now() / 1000) + 60 });
    expect(ahead.status).toBe(200);
    expect(await inboxCounts()).toMatchObject({ pending: 1 });
  });

  it("when a signed event names a store that never installed Questline, then 200 and it is dropped, counted, stored nowhere", async () => {
    const unknown = await app.emulator.sendWebhook({ url: hook, storeId: 999_999, eventType: "order.created", entityId: 1, data: { orderId: "X" } });
    expect(unknown.status).toBe(200);
    expect(unknown.body).toMatchObject({ outcome: "unknown_store" });
    expect(await app.container.storage.installs.get(999_999)).toBeNull();
    expect(await app.container.storage.inbox.counts(999_999)).toEqual({ pending: 0, done: 0, failed: 0 });
    expect(await inboxCounts()).toEqual({ pending: 0, done: 0, failed: 0 });
  });

  it("when an event type the app does not use arrives, then it is acknowledged and dropped", async () => {
    const result = await app.emulator.sendWebhook({ url: hook, storeId, eventType: "product.updated", entityId: 42 });
    expect(result.status).toBe(200);
    expect(await inboxCounts()).toEqual({ pending: 0, done: 0, failed: 0 });
  });

  it("when Ecwid spells the query parameter eventType, then the event is still accepted", async () => {
    const order = app.emulator.putOrder(storeId, { email: "ana@example.com", subtotal: 10, total: 10, paymentStatus: "PAID" });
    expect((await send(order.id, "order.created", { queryParamName: "eventType" })).status).toBe(200);
  });
});

describe("orders become points", () => {
  it("when the same event is delivered five times, then the points are awarded once", async () => {
    const order = app.emulator.putOrder(storeId, { email: "ana@example.com", customerId: 77, subtotal: 120.5, total: 130, paymentStatus: "PAID" });
    const first = await send(order.id, "order.created");
    for (let i = 0; i < 4; i++) {
      const again = await app.emulator.sendWebhook({
        url: hook,
        ...app.emulator.orderWebhook(storeId, order.id, "order.created"),
        eventId: first.eventId,
        eventCreated: first.eventCreated,
      });
      expect(again.status).toBe(200);
    }
    await app.worker.drain();
    const books = await booksFor(app.container.storage, storeId, "ana@example.com");
    expect(books.balance).toBe(120);
    expect(books.entries.map((entry) => entry.delta)).toEqual([120]);
    expect(books.member?.stats).toMatchObject({ paidOrders: 1, lifetimeSpendMinor: 12_050 });
  });

  it("when order.updated arrives before order.created, then the books converge to the same state", async () => {
    const order = app.emulator.putOrder(storeId, { email: "bo@example.com", subtotal: 80, total: 80, paymentStatus: "AWAITING_PAYMENT" });
    const created = app.emulator.orderWebhook(storeId, order.id, "order.created");
    app.emulator.updateOrder(storeId, order.id, { paymentStatus: "PAID" });
    await app.emulator.sendWebhook({ url: hook, ...app.emulator.orderWebhook(storeId, order.id, "order.updated", { oldPaymentStatus: "AWAITING_PAYMENT" }) });
    await app.emulator.sendWebhook({ url: hook, ...created });
    await app.worker.drain();
    const books = await booksFor(app.container.storage, storeId, "bo@example.com");
    expect(books.balance).toBe(80);
    expect(books.entries).toHaveLength(1);
  });

  it("when an order goes paid, then partially refunded, then refunded, then the balance ends at zero with every step in the ledger", async () => {
    const order = app.emulator.putOrder(storeId, { email: "cy@example.com", subtotal: 100, total: 100, paymentStatus: "PAID" });
    await send(order.id, "order.created");
    await app.worker.drain();
    app.emulator.refundOrder(storeId, order.id, 30);
    await send(order.id, "order.updated");
    await app.worker.drain();
    expect((await booksFor(app.container.storage, storeId, "cy@example.com")).balance).toBe(70);
    app.emulator.refundOrder(storeId, order.id, 70);
    await send(order.id, "order.updated");
    await app.worker.drain();
    const books = await booksFor(app.container.storage, storeId, "cy@example.com");
    expect(books.balance).toBe(0);
    expect(books.summed).toBe(0);
    expect(books.entries.map((entry) => [entry.kind, entry.delta])).toEqual([
      ["earn_order", 100],
      ["reverse", -30],
      ["reverse", -70],
    ]);
    expect(books.member?.stats.paidOrders).toBe(0);
  });

  it("when a refund comes after the points were spent, then the clawback is booked in full and its shortfall recorded for the merchant", async () => {
    const order = app.emulator.putOrder(storeId, { email: "di@example.com", subtotal: 50, total: 50, paymentStatus: "PAID" });
    await send(order.id, "order.created");
    await app.worker.drain();
    const { member } = await booksFor(app.container.storage, storeId, "di@example.com");
    const token = await app.adminToken(storeId);
    expect((await app.http.post(`/api/admin/members/${member!.id}/adjustments`, { points: -40, reason: "spent in store" }, bearer(token))).status).toBe(201);
    app.emulator.refundOrder(storeId, order.id, 50);
    await send(order.id, "order.updated");
    await app.worker.drain();
    const books = await booksFor(app.container.storage, storeId, "di@example.com");
    expect(books.balance).toBe(-40);
    expect(books.entries.at(-1)?.basis).toMatchObject({ shortfall: 40 });
    const audit = await app.http.get("/api/admin/audit", bearer(token));
    expect(audit.data.items[0]).toMatchObject({
      action: "points.clawback_shortfall",
      subject: member!.id,
      details: { shortfall: 40 },
      label: "Clawback shortfall of 40 points for di@example.com",
      member: { id: member!.id, email: "di@example.com" },
    });
    expect(audit.data.items[1]).toMatchObject({ label: "Points adjusted by -40 for di@example.com", member: { id: member!.id, email: "di@example.com" } });
  });

  it("when an order is deleted in Ecwid, then what it earned is taken back, even without data in the event", async () => {
    const order = app.emulator.putOrder(storeId, { email: "ed@example.com", subtotal: 25, total: 25, paymentStatus: "PAID" });
    await send(order.id, "order.created");
    await app.worker.drain();
    app.emulator.deleteOrder(storeId, order.id);
    await app.emulator.sendWebhook({ url: hook, storeId, eventType: "order.deleted", entityId: order.internalId });
    await app.worker.drain();
    expect((await booksFor(app.container.storage, storeId, "ed@example.com")).balance).toBe(0);
  });

  it("when a guest pays and later an account order comes with the same email, then both earn on one member", async () => {
    const guest = app.emulator.putOrder(storeId, { email: "Fay@Example.com", customerId: null, subtotal: 10, total: 10, paymentStatus: "PAID" });
    const registered = app.emulator.putOrder(storeId, { email: "fay@example.com", customerId: 501, subtotal: 20, total: 20, paymentStatus: "PAID" });
    await send(guest.id, "order.created");
    await send(registered.id, "order.created");
    await app.worker.drain();
    const books = await booksFor(app.container.storage, storeId, "fay@example.com");
    expect(books.balance).toBe(30);
    expect(books.member).toMatchObject({ customerId: 501, stats: { paidOrders: 2, lifetimeSpendMinor: 3_000 } });
  });

  it("when Ecwid answers 429 and then 503, then processing is delayed but the event is not lost", async () => {
    const order = app.emulator.putOrder(storeId, { email: "gus@example.com", subtotal: 15, total: 15, paymentStatus: "PAID" });
    app.emulator.failNext(1, { status: 429, retryAfter: 1 });
    app.emulator.failNext(6, { status: 503 });
    await send(order.id, "order.created");
    const started = Date.now();
    for (let i = 0; i < 40 && (await booksFor(app.container.storage, storeId, "gus@example.com")).balance === 0; i++) {
      await app.worker.drain();
      const [pending] = await Promise.all([app.container.storage.inbox.counts(storeId)]);
      if (pending.pending > 0) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect((await booksFor(app.container.storage, storeId, "gus@example.com")).balance).toBe(15);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(await inboxCounts()).toMatchObject({ pending: 0, failed: 0, done: 1 });
  });

  it("when the merchant earns 2 points per unit with a minimum, then new orders follow the saved rule", async () => {
    const token = await app.adminToken(storeId);
    const saved = await app.http.put("/api/admin/settings", { earning: { points: 2, perAmountMinor: 100, minOrderMinor: 2_000, countedStatuses: ["PAID"] } }, bearer(token));
    expect(saved.status).toBe(200);
    expect((await app.http.put("/api/admin/settings", { earning: { points: 1.5, perAmountMinor: 0, minOrderMinor: -1, countedStatuses: [] } }, bearer(token))).status).toBe(400);
    const small = app.emulator.putOrder(storeId, { email: "hal@example.com", subtotal: 19.99, total: 19.99, paymentStatus: "PAID" });
    const big = app.emulator.putOrder(storeId, { email: "hal@example.com", subtotal: 30, total: 30, paymentStatus: "PAID" });
    await send(small.id, "order.created");
    await send(big.id, "order.created");
    await app.worker.drain();
    expect((await booksFor(app.container.storage, storeId, "hal@example.com")).balance).toBe(60);
  });
});
