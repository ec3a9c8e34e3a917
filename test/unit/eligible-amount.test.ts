import { describe, expect, it } from "vitest";
import { orderSchema } from "../../server/ecwid/wire-types.js";
import { statsFromOrders } from "../../server/modules/members/member-stats.rules.js";
import { eligibleAmountMinor } from "../../server/modules/orders/eligible-amount.rules.js";
import { orderFacts } from "../../server/modules/orders/order-facts.js";
import type { OrderRecord } from "../../server/modules/orders/order-record.js";

const now = new Date("2026-03-01T00:00:00Z");

/** 100.00 of goods, 10.00 off, 15.00 shipping, 8.00 tax: 113.00 paid, 90.00 eligible. */
function eligibleOf(overrides: Record<string, unknown> = {}): number {
  const order = orderSchema.parse({ id: "A1", paymentStatus: "PAID", subtotal: 100, discount: 10, shipping: 15, tax: 8, total: 113, refundedAmount: 0, ...overrides });
  return eligibleAmountMinor(orderFacts(order, 2, now));
}

function aRecord(overrides: Partial<OrderRecord>): OrderRecord {
  return {
    orderId: `O${Math.random()}`,
    internalId: null,
    storeId: 1,
    memberId: "mem_1",
    paymentStatus: "PAID",
    counted: true,
    eligibleMinor: 0,
    items: [],
    placedAt: "2026-01-01T00:00:00.000Z",
    revision: 1,
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...overrides,
  };
}

describe("the eligible amount (one meaning of spend)", () => {
  it("when an order has discounts, shipping and tax, then only the goods after discounts count", () => {
    expect(eligibleOf()).toBe(9_000);
    expect(eligibleOf({ discount: 0, total: 123 })).toBe(10_000);
    expect(eligibleOf({ subtotalWithoutTax: 92, subtotal: 100, total: 113 })).toBe(8_200);
  });

  it("when the discount is larger than the goods, then nothing is eligible, never a negative amount", () => {
    expect(eligibleOf({ discount: 120, total: 23 })).toBe(0);
  });

  it("when part of the order is refunded, then the eligible amount keeps the share of the total that was kept, rounded down", () => {
    // 28.25 of 113.00 refunded: 84.75/113 of 90.00 stays
    expect(eligibleOf({ paymentStatus: "PARTIALLY_REFUNDED", refundedAmount: 28.25 })).toBe(6_750);
    // one cent refunded: 112.99/113 of 90.00 is 89.992..., 89.99
    expect(eligibleOf({ paymentStatus: "PARTIALLY_REFUNDED", refundedAmount: 0.01 })).toBe(8_999);
  });

  it("when everything or more than everything is refunded, then nothing is eligible", () => {
    expect(eligibleOf({ paymentStatus: "REFUNDED", refundedAmount: 113 })).toBe(0);
    expect(eligibleOf({ paymentStatus: "REFUNDED", refundedAmount: 150 })).toBe(0);
  });

  it("when an order cost nothing in total and something was refunded, then nothing is eligible", () => {
    expect(eligibleAmountMinor({ eligibleMinor: 500, totalMinor: 0, refundedMinor: 1 })).toBe(0);
  });

  it("when member stats are computed, then lifetime spend is the sum of the counted orders' eligible amounts", () => {
    const stats = statsFromOrders([
      aRecord({ eligibleMinor: 9_000, placedAt: "2026-01-02T00:00:00.000Z" }),
      aRecord({ eligibleMinor: 6_750, placedAt: "2026-01-01T00:00:00.000Z" }),
      aRecord({ eligibleMinor: 0, counted: false, paymentStatus: "REFUNDED", placedAt: "2026-01-03T00:00:00.000Z" }),
    ]);
    expect(stats).toEqual({ paidOrders: 2, lifetimeSpendMinor: 15_750, firstOrderAt: "2026-01-01T00:00:00.000Z", lastOrderAt: "2026-01-02T00:00:00.000Z" });
  });
});
