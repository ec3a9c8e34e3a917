import { describe, expect, it } from "vitest";
import { orderSchema } from "../../server/ecwid/wire-types.js";
import { orderFacts } from "../../server/modules/orders/order-facts.js";
import { toMinorUnits } from "../../server/lib/money.js";

const now = new Date("2026-03-01T00:00:00Z");

describe("order facts at the edge", () => {
  it("when an order holds items, then each keeps its product, the category it was bought from (0: none) and its quantity", () => {
    const order = orderSchema.parse({
      id: "K1",
      paymentStatus: "PAID",
      items: [{ productId: 501, categoryId: 20, quantity: 3, name: "Beans", price: 12 }, { productId: 502, name: "Mug" }, { name: "Custom" }],
    });
    expect(orderFacts(order, 2, now).items).toEqual([
      { productId: 501, categoryId: 20, quantity: 3 },
      { productId: 502, categoryId: 0, quantity: 1 },
      { productId: 0, categoryId: 0, quantity: 1 },
    ]);
    expect(orderFacts(orderSchema.parse({ id: "K2", paymentStatus: "PAID" }), 2, now).items).toEqual([]);
  });

  it("when Ecwid sends decimals, then they become exact minor units with the store precision", () => {
    expect(toMinorUnits(19.99, 2)).toBe(1999);
    expect(toMinorUnits(0.1 + 0.2, 2)).toBe(30);
    expect(toMinorUnits(1500, 0)).toBe(1500);
    expect(toMinorUnits(12.345, 3)).toBe(12345);
    expect(() => toMinorUnits(Number.NaN, 2)).toThrow();
  });

  it("when an order has a discount, shipping and tax, then only the discounted subtotal is eligible", () => {
    const order = orderSchema.parse({
      id: "K8XTQ",
      internalId: 5,
      email: " Jane@Example.com",
      customerId: 7,
      paymentStatus: "PAID",
      total: 108.5,
      subtotal: 100,
      discount: 9.5,
      tax: 8,
      refundedAmount: 0,
      createTimestamp: 1_767_225_600,
      updateTimestamp: 1_767_225_700,
    });
    expect(orderFacts(order, 2, now)).toMatchObject({
      orderId: "K8XTQ",
      internalId: 5,
      eligibleMinor: 9050,
      totalMinor: 10850,
      refundedMinor: 0,
      revision: 1_767_225_700,
      placedAt: "2026-01-01T00:00:00.000Z",
    });
  });

  it("when refundedAmount is absent, then the refunds are summed; a guest's customer id is null", () => {
    const order = orderSchema.parse({
      id: "A1",
      paymentStatus: "PARTIALLY_REFUNDED",
      total: 50,
      subtotal: 50,
      refunds: [{ amount: 10.1 }, { amount: 4.9 }],
      customerId: 0,
      createDate: "2024-09-04 07:22:09 +0000",
    });
    const result = orderFacts(order, 2, now);
    expect(result.refundedMinor).toBe(1500);
    expect(result.customerId).toBeNull();
    expect(result.placedAt).toBe("2024-09-04T07:22:09.000Z");
  });
});
