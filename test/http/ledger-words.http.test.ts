import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { booksFor } from "../support/books.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

let app: TestApp;
let storeId: number;
let admin: { headers: { Authorization: string } };

beforeEach(async () => {
  app = await startTestApp();
  ({ storeId } = await app.installStore({ currency: "USD", currencyPrecision: 2, ownerEmail: "owner@shop.example" }));
  admin = bearer(await app.adminToken(storeId));
});
afterEach(() => app.close());

const api = (path: string) => `/api/storefront/${storeId}${path}`;

async function sendOrderEvent(orderId: string, eventType: "order.created" | "order.updated") {
  await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(storeId, orderId, eventType) });
  await app.worker.drain();
}

async function memberId(email: string) {
  return (await booksFor(app.container.storage, storeId, email)).member!.id;
}

async function signIn(email: string) {
  await app.http.post(api("/session/start"), { email });
  const verified = await app.http.post(api("/session/verify"), { email, code: app.mail.codeFor(email) });
  return bearer(verified.data.token as string);
}

describe("the books explain themselves", () => {
  it("when an order earns, completes a challenge and is partly refunded, then each ledger entry carries its basis in words", async () => {
    const current = (await app.http.get("/api/admin/settings", admin)).data;
    const challenge = { id: "ch_first", title: "First order", points: 10, goal: { kind: "orders", target: 1 } };
    expect((await app.http.put("/api/admin/settings", { ...current, challenges: [challenge] }, admin)).status).toBe(200);
    // 50.00 of goods, 7.50 off, 5.00 shipping, 3.00 tax: 50.50 paid, 42.50 eligible
    const order = app.emulator.putOrder(storeId, { email: "ana@example.com", subtotal: 50, discount: 7.5, shipping: 5, tax: 3, paymentStatus: "PAID" });
    await sendOrderEvent(order.id, "order.created");
    app.emulator.refundOrder(storeId, order.id, 10.1);
    await sendOrderEvent(order.id, "order.updated");

    const ledger = await app.http.get(`/api/admin/members/${await memberId("ana@example.com")}/ledger`, admin);
    expect(ledger.status).toBe(200);
    expect(ledger.data.items.map((entry: { delta: number; explanation: string }) => [entry.delta, entry.explanation])).toEqual([
      [-8, "Refund of $10.10 took back 8 points; $34.00 kept of $42.50 eligible after $10.10 refunded, earning 1 point per $1.00"],
      [10, "Challenge 'First order' completed: 1 paid order"],
      [42, "1 point per $1.00 on $42.50 eligible (after discounts, without shipping and tax)"],
    ]);
  });

  it("when the merchant shows one adjustment's reason to the shopper and keeps another's, then /me carries only the shown reason", async () => {
    const order = app.emulator.putOrder(storeId, { email: "bo@example.com", subtotal: 20, paymentStatus: "PAID" });
    await sendOrderEvent(order.id, "order.created");
    const member = await memberId("bo@example.com");
    const adjust = (body: unknown) => app.http.post(`/api/admin/members/${member}/adjustments`, body, admin);
    expect((await adjust({ points: 15, reason: "Sorry for the late parcel", visibleToShopper: true })).status).toBe(201);
    const hidden = await adjust({ points: -5, reason: "Duplicate account cleanup" });
    expect(hidden.status).toBe(201);
    expect(hidden.data.entry.basis).toEqual({ visibleToShopper: false });

    const me = await app.http.get(api("/me"), await signIn("bo@example.com"));
    expect(me.data.recentLedger.map((entry: { delta: number; kind: string; note: string | null }) => [entry.delta, entry.kind, entry.note])).toEqual([
      [-5, "adjust", null],
      [15, "adjust", "Sorry for the late parcel"],
      [20, "earn_order", null],
    ]);
    expect(JSON.stringify(me.data)).not.toContain("Duplicate account");
    const ledger = (await app.http.get(`/api/admin/members/${member}/ledger`, admin)).data.items;
    expect(ledger.slice(0, 2).map((entry: { explanation: string }) => entry.explanation)).toEqual([
      "Adjusted by owner@shop.example: Duplicate account cleanup (not shown to the shopper)",
      "Adjusted by owner@shop.example: Sorry for the late parcel (shown to the shopper)",
    ]);
  });

  it("when visibleToShopper is not true or false, or a key is reused with another choice, then the adjustment is refused and nothing is booked", async () => {
    const order = app.emulator.putOrder(storeId, { email: "cy@example.com", subtotal: 20, paymentStatus: "PAID" });
    await sendOrderEvent(order.id, "order.created");
    const member = await memberId("cy@example.com");
    const adjust = (body: unknown, key?: string) =>
      app.http.post(`/api/admin/members/${member}/adjustments`, body, { headers: { ...admin.headers, ...(key ? { "Idempotency-Key": key } : {}) } });
    const broken = await adjust({ points: 5, reason: "Goodwill gesture", visibleToShopper: "yes" });
    expect(broken.status).toBe(400);
    expect(broken.data).toMatchObject({ code: "validation_failed", issues: [{ path: ["visibleToShopper"], code: "invalid_type" }] });
    expect((await adjust({ points: 5, reason: "Goodwill gesture", visibleToShopper: true }, "k-1")).status).toBe(201);
    expect((await adjust({ points: 5, reason: "Goodwill gesture", visibleToShopper: false }, "k-1")).status).toBe(422);
    expect((await adjust({ points: 5, reason: "Goodwill gesture", visibleToShopper: true }, "k-1")).status).toBe(200);
    expect((await booksFor(app.container.storage, storeId, "cy@example.com")).entries.map((entry) => entry.delta)).toEqual([20, 5]);
  });
});
