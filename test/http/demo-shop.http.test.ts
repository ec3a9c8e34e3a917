import axios from "axios";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_STORE_ID } from "../../server/ecwid-emulator/index.js";
import { createInboxWorker } from "../../server/jobs/create-inbox-worker.js";
import { startDemoApp, type RunningDemoApp } from "../support/demo-app.js";

const SOCKS = 700102;
const PARKA = 700109; // in the catalog, not for sale

let app: RunningDemoApp;
beforeAll(async () => {
  app = await startDemoApp();
});
afterAll(() => app?.close());

const http = () => axios.create({ baseURL: app.baseUrl, validateStatus: () => true, maxRedirects: 0 });
const checkout = (body: unknown) => http().post("/demo/store/checkout", body, { headers: { Accept: "application/json" } });
const form = (path: string, fields: Record<string, string> = {}) =>
  http().post(path, new URLSearchParams(fields).toString(), { headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "text/html" } });
const balanceOf = async (email: string) => (await app.container.storage.read(DEMO_STORE_ID, (tx) => tx.members.findByEmail(DEMO_STORE_ID, email)))?.balance ?? null;
const drain = () => createInboxWorker(app.container).drain();

describe("demo storefront checkout", () => {
  it("when a guest pays by card, then the emulator makes the order, Questline gets order.created and the shopper earns", async () => {
    const res = await checkout({ email: "ivy.guest@example.com", items: [{ productId: SOCKS, quantity: 2 }], payment: "card" });

    expect(res.status).toBe(201);
    expect(res.data).toMatchObject({
      order: { email: "ivy.guest@example.com", paymentStatus: "PAID", total: 37, totalText: "$37.00", items: [{ productId: SOCKS, name: "Merino Wool Socks", quantity: 2 }] },
      webhook: 200,
    });
    const order = app.emulator.getOrder(DEMO_STORE_ID, res.data.order.id);
    expect(order).toMatchObject({ paymentStatus: "PAID", paymentMethod: "Credit or debit card" });
    expect(order).not.toHaveProperty("customerId");
    await drain();
    expect(await balanceOf("ivy.guest@example.com")).toBeGreaterThanOrEqual(37);
  });

  it("when the signed-in customer pays by bank transfer, then the order is theirs and awaits payment, in their language", async () => {
    const res = await checkout({ email: "maya.chen@example.com", items: [{ productId: SOCKS, quantity: 1 }], payment: "transfer", signedIn: true, lang: "nl" });

    expect(res.status).toBe(201);
    expect(app.emulator.getOrder(DEMO_STORE_ID, res.data.order.id)).toMatchObject({
      customerId: 270919601,
      paymentStatus: "AWAITING_PAYMENT",
      paymentMethod: "Bank transfer",
      lang: "nl",
      items: [expect.objectContaining({ name: "Merino sokken" })],
    });
  });

  it("when the page set order extra fields, then the order carries their values back as Ecwid does; too many or too long are refused with no order", async () => {
    const fields = { questline_ref: "MAYA-7Q2K", questline_ch: "whatsapp" };
    const res = await checkout({ email: "fern.friend@example.com", items: [{ productId: SOCKS, quantity: 1 }], payment: "card", extraFields: fields });

    expect(res.status).toBe(201);
    const order = app.emulator.getOrder(DEMO_STORE_ID, res.data.order.id);
    expect(order?.extraFields).toEqual(fields);
    expect(order?.orderExtraFields).toEqual(expect.arrayContaining([expect.objectContaining({ id: "questline_ref", value: "MAYA-7Q2K" })]));

    const before = app.emulator.getOrders(DEMO_STORE_ID).length;
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`field_${i}`, "x"]));
    const tooMany = await checkout({ email: "a@example.com", items: [{ productId: SOCKS, quantity: 1 }], payment: "card", extraFields: many });
    const tooLong = await checkout({ email: "a@example.com", items: [{ productId: SOCKS, quantity: 1 }], payment: "card", extraFields: { questline_ref: "x".repeat(256) } });
    const badKey = await checkout({ email: "a@example.com", items: [{ productId: SOCKS, quantity: 1 }], payment: "card", extraFields: { "<b>": "x" } });
    expect([tooMany.status, tooLong.status, badKey.status]).toEqual([400, 400, 400]);
    expect(app.emulator.getOrders(DEMO_STORE_ID)).toHaveLength(before);
  });

  it("when the checkout is malformed or names what cannot be bought, then it answers 400 or 409 and makes no order", async () => {
    const before = app.emulator.getOrders(DEMO_STORE_ID).length;

    const badEmail = await checkout({ email: "not-an-email", items: [{ productId: SOCKS, quantity: 1 }], payment: "card" });
    const noItems = await checkout({ email: "a@example.com", items: [], payment: "card" });
    const notForSale = await checkout({ email: "a@example.com", items: [{ productId: PARKA, quantity: 1 }], payment: "card" });
    const badCoupon = await checkout({ email: "a@example.com", items: [{ productId: SOCKS, quantity: 1 }], payment: "card", coupon: "NOPE" });
    const notJson = await http().post("/demo/store/checkout", "{", { headers: { "Content-Type": "application/json", Accept: "application/json" } });

    expect(badEmail.status).toBe(400);
    expect(badEmail.data).toMatchObject({ code: "validation_failed", issues: [expect.objectContaining({ path: ["email"] })] });
    expect(noItems.status).toBe(400);
    expect(notForSale.status).toBe(409);
    expect(notForSale.data).toEqual({ code: "conflict", message: `Product ${PARKA} is not for sale in this store.` });
    expect(badCoupon.status).toBe(409);
    expect(notJson.status).toBe(400);
    expect(app.emulator.getOrders(DEMO_STORE_ID)).toHaveLength(before);
  });
});

describe("demo control panel orders", () => {
  it("when the merchant marks an order paid, then it redirects to the list saying Questline took the webhook, and points arrive", async () => {
    const placed = await checkout({ email: "otto.later@example.com", items: [{ productId: SOCKS, quantity: 1 }], payment: "transfer" });
    await drain();
    expect(await balanceOf("otto.later@example.com")).toBe(0);

    const res = await form(`/demo/admin/orders/${placed.data.order.id}/pay`);

    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/demo/admin/orders?order=${placed.data.order.id}&done=pay&webhook=200`);
    const page = await http().get(res.headers.location as string);
    expect(page.data).toContain(`Order #${placed.data.order.id} is marked paid. Ecwid sent Questline the signed order.updated (answered 200)`);
    expect(app.emulator.getOrder(DEMO_STORE_ID, placed.data.order.id)?.paymentStatus).toBe("PAID");
    await drain();
    expect(await balanceOf("otto.later@example.com")).toBeGreaterThanOrEqual(18);
  });

  it("when the merchant refunds part and then cancels, then each changes the order, and the points follow down", async () => {
    const placed = await checkout({ email: "rita.refund@example.com", items: [{ productId: SOCKS, quantity: 4 }], payment: "card" });
    await drain();
    const earned = await balanceOf("rita.refund@example.com");

    const refund = await form(`/demo/admin/orders/${placed.data.order.id}/refund`, { amount: "37,00" });
    await drain();
    const afterRefund = await balanceOf("rita.refund@example.com");
    const cancel = await form(`/demo/admin/orders/${placed.data.order.id}/cancel`);
    await drain();

    expect(refund.status).toBe(303);
    expect(cancel.status).toBe(303);
    expect(app.emulator.getOrder(DEMO_STORE_ID, placed.data.order.id)).toMatchObject({ paymentStatus: "CANCELLED", refundedAmount: 37 });
    expect(afterRefund).toBeLessThan(earned!);
    expect(await balanceOf("rita.refund@example.com")).toBeLessThan(afterRefund!);
  });

  it("when an action cannot apply or names no order, then the page says why with 409 or 404, and nothing changes", async () => {
    const placed = await checkout({ email: "noah.nochange@example.com", items: [{ productId: SOCKS, quantity: 1 }], payment: "card" });
    const before = app.emulator.getOrder(DEMO_STORE_ID, placed.data.order.id);

    const tooMuch = await form(`/demo/admin/orders/${placed.data.order.id}/refund`, { amount: "500" });
    const notANumber = await form(`/demo/admin/orders/${placed.data.order.id}/refund`, { amount: "lots" });
    const alreadyPaid = await form(`/demo/admin/orders/${placed.data.order.id}/pay`);
    const unknown = await form("/demo/admin/orders/NOSUCH/cancel");
    const unknownAction = await form(`/demo/admin/orders/${placed.data.order.id}/delete`);

    expect(tooMuch.status).toBe(409);
    expect(tooMuch.data).toContain(`A refund of order ${placed.data.order.id} must be more than $0.00 and at most $18.50.`);
    expect(notANumber.status).toBe(409);
    expect(notANumber.data).toContain("Enter the amount to refund in dollars");
    expect(alreadyPaid.status).toBe(409);
    expect(unknown.status).toBe(404);
    expect(unknownAction.status).toBe(404);
    expect(app.emulator.getOrder(DEMO_STORE_ID, placed.data.order.id)).toEqual(before);
  });
});
