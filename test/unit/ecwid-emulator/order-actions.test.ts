import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { isWebhookSignatureValid } from "../../../server/ecwid/webhook-signature.js";
import { ActionRefused, createEcwidEmulator } from "../../../server/ecwid-emulator/index.js";
import { MAX_STOREFRONT_ORDERS } from "../../../server/ecwid-emulator/storefront-checkout.js";
import { CLIENT_ID, CLIENT_SECRET } from "./emulator-fixture.js";

interface Received {
  signature: string;
  body: { eventId: string; eventCreated: number; storeId: number; entityId: number; eventType: string; data: Record<string, unknown> };
}

const closers: Array<() => void> = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

/** The app's webhook endpoint, recording each event. */
async function startReceiver(): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const app = express();
  app.post("/webhooks/ecwid", express.json(), (req, res) => {
    received.push({ signature: String(req.get("x-ecwid-webhook-signature")), body: req.body as Received["body"] });
    res.sendStatus(200);
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  closers.push(() => server.close());
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/ecwid`, received };
}

async function shop(webhookUrl?: string) {
  const emulator = createEcwidEmulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, ...(webhookUrl ? { webhookUrl } : {}) });
  emulator.addStore({ storeId: 1003 });
  emulator.putCategory(1003, { id: 501, name: "Camp", nameTranslated: { nl: "Kamperen" } });
  emulator.putProduct(1003, { id: 11, name: "Camp Kettle", price: 29, sku: "CK-3", categoryIds: [501], nameTranslated: { nl: "Kampeerketel" } });
  emulator.putProduct(1003, { id: 12, name: "Trail Poles", price: 64.5, sku: "TP-2" });
  emulator.putProduct(1003, { id: 13, name: "Old Tent", price: 99, enabled: false });
  emulator.putCustomer(1003, { id: 270919601, email: "maya@example.com", name: "Maya Chen" });
  return emulator;
}

const signedBy = (event: Received) => isWebhookSignatureValid(event.signature, event.body.eventCreated, event.body.eventId, CLIENT_SECRET);

describe("storefront checkout", () => {
  it("when the shop already holds as many orders as a demo may, then a checkout is refused and no order is made", async () => {
    const emulator = await shop();
    for (let i = 0; i < MAX_STOREFRONT_ORDERS; i++) emulator.putOrder(1003, { email: `x${i}@example.com`, subtotal: 1, total: 1 });

    await expect(emulator.storefront.checkout(1003, { email: "maya@example.com", items: [{ productId: 11 }] })).rejects.toBeInstanceOf(ActionRefused);
    expect(emulator.getOrders(1003)).toHaveLength(MAX_STOREFRONT_ORDERS);
  });

  it("when a shopper checks out, then the order is made from the catalog and a signed order.created reaches the app", async () => {
    const { url, received } = await startReceiver();
    const emulator = await shop(url);

    const { order, webhook } = await emulator.storefront.checkout(1003, {
      email: "maya@example.com",
      items: [{ productId: 11, quantity: 2 }, { productId: 12 }],
      lang: "nl",
    });

    expect(order).toMatchObject({ email: "maya@example.com", customerId: 270919601, paymentStatus: "PAID", subtotal: 122.5, total: 122.5, lang: "nl" });
    expect(order.items).toEqual([
      expect.objectContaining({ productId: 11, categoryId: 501, name: "Kampeerketel", sku: "CK-3", price: 29, quantity: 2 }),
      expect.objectContaining({ productId: 12, categoryId: 0, name: "Trail Poles", sku: "TP-2", price: 64.5, quantity: 1 }),
    ]);
    expect(emulator.getOrder(1003, order.id)).toEqual(order);
    expect(webhook).toEqual({ eventType: "order.created", eventId: received[0]?.body.eventId, status: 200 });
    expect(received).toHaveLength(1);
    expect(received[0]?.body).toMatchObject({ storeId: 1003, entityId: order.internalId, eventType: "order.created", data: { orderId: order.id, newPaymentStatus: "PAID" } });
    expect(signedBy(received[0]!)).toBe(true);
  });

  it("when a guest pays later, then the order has no customer and awaits payment by bank transfer", async () => {
    const emulator = await shop();

    const { order, webhook } = await emulator.storefront.checkout(1003, {
      email: "maya@example.com",
      customerId: null,
      items: [{ productId: 12 }],
      paymentStatus: "AWAITING_PAYMENT",
    });

    expect(order).toMatchObject({ paymentStatus: "AWAITING_PAYMENT", paymentMethod: "Bank transfer" });
    expect(order).not.toHaveProperty("customerId");
    expect(webhook).toBeNull(); // no webhookUrl configured
  });

  it("when the cart is empty, names a product not for sale, or a coupon that does not exist, then checkout is refused and makes no order", async () => {
    const emulator = await shop();
    const attempt = (items: { productId: number; quantity?: number }[], couponCode?: string) =>
      emulator.storefront.checkout(1003, { email: "a@example.com", items, ...(couponCode ? { couponCode } : {}) });

    await expect(attempt([])).rejects.toThrow(new ActionRefused("The cart is empty"));
    await expect(attempt([{ productId: 13 }])).rejects.toThrow(new ActionRefused("Product 13 is not for sale in this store"));
    await expect(attempt([{ productId: 11, quantity: 0 }])).rejects.toThrow(ActionRefused);
    await expect(attempt([{ productId: 11 }], "NOPE")).rejects.toThrow(new ActionRefused("The coupon code NOPE cannot be used"));
    expect(emulator.getOrders(1003)).toEqual([]);
  });
});

describe("control panel order actions", () => {
  it("when the merchant marks an unpaid order paid, then it is PAID and a signed order.updated says so", async () => {
    const { url, received } = await startReceiver();
    const emulator = await shop(url);
    const { order } = await emulator.storefront.checkout(1003, { email: "a@example.com", items: [{ productId: 11 }], paymentStatus: "AWAITING_PAYMENT" });

    const { order: paid, webhook } = await emulator.controlPanel.markPaid(1003, order.id);

    expect(paid.paymentStatus).toBe("PAID");
    expect(webhook?.status).toBe(200);
    const event = received[1]!;
    expect(event.body).toMatchObject({
      eventType: "order.updated",
      entityId: order.internalId,
      data: { orderId: order.id, oldPaymentStatus: "AWAITING_PAYMENT", newPaymentStatus: "PAID" },
    });
    expect(signedBy(event)).toBe(true);
    await expect(emulator.controlPanel.markPaid(1003, order.id)).rejects.toThrow(new ActionRefused(`Order ${order.id} is paid, not awaiting payment`));
  });

  it("when the merchant refunds part and then the rest, then the order is partly and then fully refunded, each with order.updated", async () => {
    const { url, received } = await startReceiver();
    const emulator = await shop(url);
    const { order } = await emulator.storefront.checkout(1003, { email: "a@example.com", items: [{ productId: 12 }] });

    const part = await emulator.controlPanel.refund(1003, order.id, 20, "Scratched");
    const rest = await emulator.controlPanel.refund(1003, order.id, 44.5);

    expect(part.order).toMatchObject({ paymentStatus: "PARTIALLY_REFUNDED", refundedAmount: 20 });
    expect(part.order.refunds).toEqual([expect.objectContaining({ amount: 20, reason: "Scratched", source: "CP" })]);
    expect(rest.order).toMatchObject({ paymentStatus: "REFUNDED", refundedAmount: 64.5 });
    expect(received.map((event) => [event.body.eventType, event.body.data.oldPaymentStatus, event.body.data.newPaymentStatus])).toEqual([
      ["order.created", undefined, "PAID"],
      ["order.updated", "PAID", "PARTIALLY_REFUNDED"],
      ["order.updated", "PARTIALLY_REFUNDED", "REFUNDED"],
    ]);
    expect(received.every(signedBy)).toBe(true);
  });

  it("when a refund is more than what is left, or of an unpaid order, then it is refused and nothing changes or is sent", async () => {
    const { url, received } = await startReceiver();
    const emulator = await shop(url);
    const { order: paid } = await emulator.storefront.checkout(1003, { email: "a@example.com", items: [{ productId: 11 }] });
    const { order: unpaid } = await emulator.storefront.checkout(1003, { email: "b@example.com", items: [{ productId: 11 }], paymentStatus: "AWAITING_PAYMENT" });

    await expect(emulator.controlPanel.refund(1003, paid.id, 29.01)).rejects.toThrow(new ActionRefused(`A refund of order ${paid.id} must be more than $0.00 and at most $29.00`));
    await expect(emulator.controlPanel.refund(1003, paid.id, 0)).rejects.toThrow(ActionRefused);
    await expect(emulator.controlPanel.refund(1003, unpaid.id, 5)).rejects.toThrow(new ActionRefused(`Order ${unpaid.id} is awaiting payment: only a paid order can be refunded`));

    expect(emulator.getOrder(1003, paid.id)).toEqual(paid);
    expect(emulator.getOrder(1003, unpaid.id)).toEqual(unpaid);
    expect(received).toHaveLength(2); // the two order.created
  });

  it("when the merchant cancels an order, then it is CANCELLED with order.updated, and cancelling it again is refused", async () => {
    const { url, received } = await startReceiver();
    const emulator = await shop(url);
    const { order } = await emulator.storefront.checkout(1003, { email: "a@example.com", items: [{ productId: 11 }] });

    const { order: cancelled } = await emulator.controlPanel.cancel(1003, order.id);

    expect(cancelled.paymentStatus).toBe("CANCELLED");
    expect(received[1]?.body.data).toMatchObject({ oldPaymentStatus: "PAID", newPaymentStatus: "CANCELLED" });
    await expect(emulator.controlPanel.cancel(1003, order.id)).rejects.toThrow(new ActionRefused(`Order ${order.id} is already cancelled`));
  });

  it("when the app is uninstalled or cannot be reached, then the change is made and the delivery says so", async () => {
    const { url, received } = await startReceiver();
    const emulator = await shop(url);
    const unreachable = createEcwidEmulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, webhookUrl: "http://127.0.0.1:9/webhooks/ecwid" });
    unreachable.addStore({ storeId: 1003 });
    unreachable.putProduct(1003, { id: 11, name: "Camp Kettle", price: 29 });

    const lost = await unreachable.storefront.checkout(1003, { email: "a@example.com", items: [{ productId: 11 }] });
    emulator.uninstall(1003);
    const unsent = await emulator.storefront.checkout(1003, { email: "a@example.com", items: [{ productId: 11 }] });

    expect(lost.webhook).toEqual({ eventType: "order.created", eventId: expect.any(String), status: null });
    expect(unreachable.getOrder(1003, lost.order.id)).toBeDefined();
    expect(unsent.webhook).toBeNull();
    expect(emulator.getOrder(1003, unsent.order.id)).toBeDefined();
    expect(received).toEqual([]);
  });
});
