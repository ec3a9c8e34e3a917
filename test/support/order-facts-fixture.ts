import type { OrderFacts } from "../../server/modules/orders/order-facts.js";

/** A paid order of `eligibleMinor` (its whole total), nothing refunded, unless `overrides` say otherwise. */
export const aPaidOrder = (eligibleMinor: number, overrides: Partial<OrderFacts> = {}): OrderFacts => ({
  orderId: "A1",
  internalId: 1,
  customerId: null,
  email: "ana@example.com",
  paymentStatus: "PAID",
  eligibleMinor,
  totalMinor: eligibleMinor,
  refundedMinor: 0,
  placedAt: "2026-03-01T10:00:00.000Z",
  revision: 1,
  couponCode: null,
  extraFields: {},
  lang: null,
  items: [],
  name: null,
  ...overrides,
});
