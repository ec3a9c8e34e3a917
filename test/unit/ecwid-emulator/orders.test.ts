import { describe, expect, it } from "vitest";
import { manualClock } from "../../../server/lib/clock.js";
import { bearer, startEmulator } from "./emulator-fixture.js";

describe("orders over REST", () => {
  it("when 120 orders exist, then offset and limit page through them and limit is capped at 100", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });
    for (let i = 0; i < 120; i += 1) emulator.putOrder(1003, { subtotal: 10 + i });

    const first = await http.get("/api/v3/1003/orders", { ...bearer(store.accessToken), params: { limit: 500 } });
    const last = await http.get("/api/v3/1003/orders", { ...bearer(store.accessToken), params: { offset: 100, limit: 50 } });
    const fallback = await http.get("/api/v3/1003/orders", bearer(store.accessToken));

    expect(first.data).toMatchObject({ total: 120, count: 100, offset: 0, limit: 100 });
    expect(last.data).toMatchObject({ total: 120, count: 20, offset: 100, limit: 50 });
    expect(fallback.data.limit).toBe(100);
    const ids = new Set([...first.data.items, ...last.data.items].map((o: { id: string }) => o.id));
    expect(ids.size).toBe(120);
  });

  it("when limit is not a number, then the API answers 400 WRONG_PARAMETER", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });

    const res = await http.get("/api/v3/1003/orders?limit=ten", bearer(store.accessToken));

    expect(res.status).toBe(400);
    expect(res.data.errorCode).toBe("WRONG_PARAMETER");
  });

  it("when an order is fetched by its public id or its internal id, then the same realistic order comes back", async () => {
    const { emulator, http } = await startEmulator({ now: () => new Date("2024-09-04T07:22:09Z") });
    const store = emulator.addStore({ storeId: 1003 });
    const customer = emulator.putCustomer(1003, { email: "jane@example.com", name: "Jane Doe" });
    const order = emulator.putOrder(1003, {
      id: "K8XTQ",
      email: "jane@example.com",
      items: [{ name: "Toys", price: 19.99, quantity: 2 }],
      shipping: 5,
      tax: 3.2,
      extraFields: { loyalty_ref: "ALICE10" },
    });

    const byPublic = await http.get("/api/v3/1003/orders/K8XTQ", bearer(store.accessToken));
    const byInternal = await http.get(`/api/v3/1003/orders/${order.internalId}`, bearer(store.accessToken));

    expect(byPublic.data).toEqual(byInternal.data);
    expect(byPublic.data).toMatchObject({
      id: "K8XTQ",
      internalId: order.internalId,
      orderNumber: order.internalId,
      customerId: customer.id,
      customerGroupId: 0,
      customerGroup: "General",
      paymentStatus: "PAID",
      fulfillmentStatus: "AWAITING_PROCESSING",
      subtotal: 39.98,
      total: 48.18,
      tax: 3.2,
      shippingOptionInfo: { shippingRate: 5 },
      refundedAmount: 0,
      refunds: [],
      extraFields: { loyalty_ref: "ALICE10" },
      orderExtraFields: [{ id: "loyalty_ref", value: "ALICE10", customerInputType: "", title: "", orderDetailsDisplaySection: "", orderBy: "0" }],
      createDate: "2024-09-04 07:22:09 +0000",
      createTimestamp: 1725434529,
    });
  });

  it("when the order does not exist, then the API answers 404 ORDER_NOT_FOUND", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });

    const res = await http.get("/api/v3/1003/orders/NOPE1", bearer(store.accessToken));

    expect(res.status).toBe(404);
    expect(res.data.errorCode).toBe("ORDER_NOT_FOUND");
  });

  it("when a guest checks out, then the order has an email and no customerId", async () => {
    const { emulator } = await startEmulator();
    emulator.addStore({ storeId: 1003 });

    const order = emulator.putOrder(1003, { email: "guest@example.com", customerId: null });

    expect(order.email).toBe("guest@example.com");
    expect(order).not.toHaveProperty("customerId");
  });

  it("when orders are filtered, then ids, email, customerId, paymentStatus and couponCode each narrow the list", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });
    const ann = emulator.putCustomer(1003, { email: "ann@example.com" });
    emulator.putCoupon(1003, { code: "ALICE10", discountType: "PERCENT", discount: 10 });
    const a = emulator.putOrder(1003, { customerId: ann.id, couponCode: "ALICE10", subtotal: 50 });
    const b = emulator.putOrder(1003, { email: "bob@example.com", paymentStatus: "AWAITING_PAYMENT" });
    const c = emulator.putOrder(1003, { email: "cy@example.com", paymentStatus: "REFUNDED" });
    const search = async (params: Record<string, string | number>) =>
      (await http.get("/api/v3/1003/orders", { ...bearer(store.accessToken), params })).data.items.map((o: { id: string }) => o.id).sort();

    expect(await search({ ids: `${a.id},${c.internalId}` })).toEqual([a.id, c.id].sort());
    expect(await search({ email: "BOB@example.com" })).toEqual([b.id]);
    expect(await search({ customerId: ann.id })).toEqual([a.id]);
    expect(await search({ paymentStatus: "AWAITING_PAYMENT,REFUNDED" })).toEqual([b.id, c.id].sort());
    expect(await search({ couponCode: "alice10" })).toEqual([a.id]);
    expect(a.couponDiscount).toBe(5);
    expect(a.total).toBe(45);
  });

  it("when filtering by created and updated dates, then unix seconds, Ecwid datetimes and plain dates all work", async () => {
    const clock = manualClock("2025-01-10T12:00:00Z");
    const { emulator, http } = await startEmulator({ now: clock.now });
    const store = emulator.addStore({ storeId: 1003 });
    const old = emulator.putOrder(1003, { createDate: "2025-01-01 09:00:00 +0000" });
    const recent = emulator.putOrder(1003, { createDate: new Date("2025-01-09T09:00:00Z") });
    clock.advance(3_600_000);
    emulator.updateOrder(1003, old.id, { fulfillmentStatus: "SHIPPED" });
    const search = async (params: Record<string, string | number>) =>
      (await http.get("/api/v3/1003/orders", { ...bearer(store.accessToken), params })).data.items.map((o: { id: string }) => o.id);

    expect(await search({ createdFrom: Date.parse("2025-01-05T00:00:00Z") / 1000 })).toEqual([recent.id]);
    expect(await search({ createdTo: "2025-01-05 00:00:00 +0000" })).toEqual([old.id]);
    expect(await search({ createdFrom: "2025-01-09" })).toEqual([recent.id]);
    expect(await search({ updatedFrom: "2025-01-10 12:30:00 +0000" })).toEqual([old.id]);
    expect((await http.get("/api/v3/1003/orders?createdFrom=yesterday", bearer(store.accessToken))).status).toBe(400);
  });

  it("when responseFields is given, then only those fields come back", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });
    const order = emulator.putOrder(1003, { email: "ann@example.com", subtotal: 12 });

    const res = await http.get("/api/v3/1003/orders?responseFields=total,items(id,email)", bearer(store.accessToken));

    expect(res.data).toEqual({ total: 1, items: [{ id: order.id, email: "ann@example.com" }] });
  });
});

describe("order changes", () => {
  it("when an order is updated, then updateDate moves and the webhook builder knows the old status", async () => {
    const clock = manualClock("2025-01-10T12:00:00Z");
    const { emulator } = await startEmulator({ now: clock.now });
    emulator.addStore({ storeId: 1003 });
    const order = emulator.putOrder(1003, { paymentStatus: "AWAITING_PAYMENT" });
    clock.advance(60_000);

    const updated = emulator.updateOrder(1003, order.id, { paymentStatus: "PAID" });

    expect(updated.createDate).toBe("2025-01-10 12:00:00 +0000");
    expect(updated.updateDate).toBe("2025-01-10 12:01:00 +0000");
    expect(updated.updateTimestamp - updated.createTimestamp).toBe(60);
    expect(emulator.orderWebhook(1003, order.id, "order.updated").data).toEqual({
      orderId: order.id,
      oldPaymentStatus: "AWAITING_PAYMENT",
      newPaymentStatus: "PAID",
      oldFulfillmentStatus: "AWAITING_PROCESSING",
      newFulfillmentStatus: "AWAITING_PROCESSING",
    });
  });

  it("when part and then the rest of an order is refunded, then it goes PARTIALLY_REFUNDED and then REFUNDED", async () => {
    const { emulator } = await startEmulator();
    emulator.addStore({ storeId: 1003 });
    const order = emulator.putOrder(1003, { items: [{ name: "Tent", price: 100 }], shipping: 9.99 });

    const partly = emulator.refundOrder(1003, order.id, 30.5);
    const fully = emulator.refundOrder(1003, order.id, 79.49);

    expect(partly).toMatchObject({ paymentStatus: "PARTIALLY_REFUNDED", refundedAmount: 30.5, total: 109.99 });
    expect(partly.refunds).toEqual([expect.objectContaining({ amount: 30.5, source: "API" })]);
    expect(fully).toMatchObject({ paymentStatus: "REFUNDED", refundedAmount: 109.99 });
    expect(() => emulator.refundOrder(1003, order.id, 1)).toThrow();
  });

  it("when items change on update, then subtotal and total are derived again", async () => {
    const { emulator } = await startEmulator();
    emulator.addStore({ storeId: 1003 });
    const order = emulator.putOrder(1003, { items: [{ name: "Mug", price: 10 }], tax: 1 });

    const updated = emulator.updateOrder(1003, order.id, { items: [{ name: "Mug", price: 10, quantity: 3 }] });

    expect(updated).toMatchObject({ subtotal: 30, tax: 1, total: 31 });
    expect(updated.items[0]?.id).toBe(order.items[0]?.id);
  });

  it("when an order is deleted, then REST no longer finds it but an order.deleted webhook can still be built", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });
    const order = emulator.putOrder(1003);

    emulator.deleteOrder(1003, order.id);

    expect((await http.get(`/api/v3/1003/orders/${order.id}`, bearer(store.accessToken))).status).toBe(404);
    expect(emulator.orderWebhook(1003, order.id, "order.deleted")).toEqual({
      storeId: 1003,
      eventType: "order.deleted",
      entityId: order.internalId,
      data: { orderId: order.id },
    });
  });
});
