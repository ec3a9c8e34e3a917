import { describe, expect, it } from "vitest";
import type { LedgerEntry } from "../../server/modules/ledger/ledger-entry.js";
import { pointsDeserved, reconcileOrder } from "../../server/modules/orders/earning.rules.js";
import type { OrderFacts } from "../../server/modules/orders/order-facts.js";
import { defaultProgramSettings, type EarningRule } from "../../server/modules/settings/program-settings.js";
import { aPaidOrder } from "../support/order-facts-fixture.js";

const rule: EarningRule = defaultProgramSettings(2).earning;

function facts(overrides: Partial<OrderFacts> = {}): OrderFacts {
  return aPaidOrder(9_050, {
    orderId: "K8XTQ",
    internalId: 516483487,
    customerId: 7,
    email: "jane@example.com",
    totalMinor: 10_800,
    placedAt: "2026-01-01T00:00:00.000Z",
    ...overrides,
  });
}

function entry(delta: number, kind: LedgerEntry["kind"], basis: Record<string, unknown> | null = null): LedgerEntry {
  return {
    id: `led_${Math.random()}`,
    storeId: 1,
    memberId: "mem_1",
    delta,
    kind,
    source: { type: "order", id: "K8XTQ" },
    idempotencyKey: `k${Math.random()}`,
    actor: "system",
    note: "",
    basis,
    createdAt: "2026-01-01T00:00:00.000Z",
  };
}

describe("points an order deserves", () => {
  it("when an order is paid, then it earns one point per whole currency unit of the discounted subtotal, rounded down", () => {
    expect(pointsDeserved(facts(), rule)).toEqual({ points: 90, keptMinor: 9_050 });
  });

  it("when it is partially refunded, then it earns on the share of the eligible amount that was kept", () => {
    // 40.00 of 108.00 refunded: 68/108 of the 90.50 eligible stays, 56.98, so 56 points
    expect(pointsDeserved(facts({ paymentStatus: "PARTIALLY_REFUNDED", refundedMinor: 4_000 }), rule).points).toBe(56);
  });

  it("when only the shipping is refunded, then most of the merchandise still earns", () => {
    const shipped = facts({ eligibleMinor: 10_000, totalMinor: 15_000, paymentStatus: "PARTIALLY_REFUNDED", refundedMinor: 5_000 });
    expect(pointsDeserved(shipped, rule).points).toBe(66);
    expect(pointsDeserved({ ...shipped, refundedMinor: 15_000 }, rule).points).toBe(0);
  });

  it("when it is refunded, cancelled or awaiting payment, then it earns nothing", () => {
    for (const paymentStatus of ["REFUNDED", "CANCELLED", "AWAITING_PAYMENT", "INCOMPLETE"]) {
      expect(pointsDeserved(facts({ paymentStatus }), rule).points).toBe(0);
    }
  });

  it("when the kept amount is under the merchant's minimum, then it earns nothing; at the minimum it earns", () => {
    expect(pointsDeserved(facts(), { ...rule, minOrderMinor: 9_051 }).points).toBe(0);
    expect(pointsDeserved(facts(), { ...rule, minOrderMinor: 9_050 }).points).toBe(90);
  });

  it("when the merchant counts a custom payment status, then orders in it earn", () => {
    const custom = { ...rule, countedStatuses: ["PAID", "CUSTOM_PAYMENT_STATUS_1"] };
    expect(pointsDeserved(facts({ paymentStatus: "CUSTOM_PAYMENT_STATUS_1" }), custom).points).toBe(90);
  });

  it("when the rate is fractional (3 points per 2 units), then integer arithmetic rounds down", () => {
    expect(pointsDeserved(facts({ eligibleMinor: 999 }), { ...rule, points: 3, perAmountMinor: 200 }).points).toBe(14);
  });
});

describe("reconciling an order's ledger lines", () => {
  it("when nothing was booked and the order is paid, then one earn entry with the first key", () => {
    const correction = reconcileOrder({ orderId: "K8XTQ", facts: facts(), currentRule: rule, entries: [] });
    expect(correction).toMatchObject({ delta: 90, kind: "earn_order", idempotencyKey: "order:K8XTQ:earn" });
    expect(correction?.basis).toMatchObject({ rule, eligibleMinor: 9_050, deserved: 90, grantedBefore: 0 });
  });

  it("when the books already match, then no correction", () => {
    expect(reconcileOrder({ orderId: "K8XTQ", facts: facts(), currentRule: rule, entries: [entry(90, "earn_order", { rule })] })).toBeNull();
  });

  it("when the rate changed since the order earned, then a refund takes back with the original rate", () => {
    const original = { ...rule, points: 2 };
    const earned = entry(181, "earn_order", { rule: original });
    const correction = reconcileOrder({
      orderId: "K8XTQ",
      facts: facts({ paymentStatus: "REFUNDED", refundedMinor: 9_050 }),
      currentRule: { ...rule, points: 5 },
      entries: [earned],
    });
    expect(correction).toMatchObject({ delta: -181, kind: "reverse", idempotencyKey: "order:K8XTQ:step:1" });
  });

  it("when the order is gone from Ecwid, then everything it gave is reversed", () => {
    const correction = reconcileOrder({ orderId: "K8XTQ", facts: null, currentRule: rule, entries: [entry(90, "earn_order", { rule }), entry(-40, "reverse")] });
    expect(correction).toMatchObject({ delta: -50, kind: "reverse", idempotencyKey: "order:K8XTQ:step:2" });
  });
});

describe("a tier's earning multiplier", () => {
  const gold = { id: "tr_gold", multiplierPercent: 200 };

  it("when the member's tier multiplies by 200%, then the order earns twice the rule's whole points", () => {
    expect(pointsDeserved(facts(), rule, 200)).toEqual({ points: 180, keptMinor: 9_050 });
  });

  it("when the multiplier is not a whole multiple, then the rule's points are rounded down first and the multiplied points again", () => {
    // 9.99 at 3 points per 2.00: 14 points (14.985 rounded down), times 150% is 21 (not 22 from 14.985 × 1.5)
    expect(pointsDeserved(facts({ eligibleMinor: 999 }), { ...rule, points: 3, perAmountMinor: 200 }, 150).points).toBe(21);
  });

  it("when an order first earns, then the tier's multiplier and id are frozen in the entry's basis", () => {
    const correction = reconcileOrder({ orderId: "K8XTQ", facts: facts(), currentRule: rule, currentTier: gold, entries: [] });
    expect(correction).toMatchObject({ delta: 180, kind: "earn_order" });
    expect(correction?.basis).toMatchObject({ multiplierPercent: 200, tierId: "tr_gold", deserved: 180 });
    expect(reconcileOrder({ orderId: "K8XTQ", facts: facts(), currentRule: rule, currentTier: null, entries: [] })?.basis).toMatchObject({ multiplierPercent: 100, tierId: null });
  });

  it("when the member changed tier before a partial refund, then the refund takes back its share at the frozen multiplier", () => {
    const earned = entry(180, "earn_order", { rule, multiplierPercent: 200, tierId: "tr_gold" });
    const refunded = facts({ paymentStatus: "PARTIALLY_REFUNDED", refundedMinor: 4_000 });
    const correction = reconcileOrder({ orderId: "K8XTQ", facts: refunded, currentRule: rule, currentTier: null, entries: [earned] });
    // 56 points kept at the rule, 112 at 200%: 68 of the 180 taken back
    expect(correction).toMatchObject({ delta: -68, kind: "reverse", basis: { multiplierPercent: 200, tierId: "tr_gold", deserved: 112 } });
    const again = reconcileOrder({
      orderId: "K8XTQ",
      facts: refunded,
      currentRule: rule,
      currentTier: { id: "tr_plat", multiplierPercent: 300 },
      entries: [earned, entry(-68, "reverse")],
    });
    expect(again).toBeNull();
    const full = reconcileOrder({
      orderId: "K8XTQ",
      facts: facts({ paymentStatus: "REFUNDED", refundedMinor: 10_800 }),
      currentRule: rule,
      currentTier: null,
      entries: [earned, entry(-68, "reverse")],
    });
    expect(full).toMatchObject({ delta: -112, basis: { deserved: 0 } });
  });

  it("when the order earned before tiers multiplied, then later corrections read its multiplier as 100%", () => {
    const earned = entry(90, "earn_order", { rule });
    expect(reconcileOrder({ orderId: "K8XTQ", facts: facts(), currentRule: rule, currentTier: gold, entries: [earned] })).toBeNull();
  });
});
