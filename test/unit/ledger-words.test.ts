import { describe, expect, it } from "vitest";
import { moneyWords } from "../../server/lib/money.js";
import type { LedgerEntry } from "../../server/modules/ledger/ledger-entry.js";
import { explainEntry, shopperNote } from "../../server/modules/ledger/ledger-words.rules.js";
import { reconcileOrder } from "../../server/modules/orders/earning.rules.js";
import type { OrderFacts } from "../../server/modules/orders/order-facts.js";
import { defaultProgramSettings } from "../../server/modules/settings/program-settings.js";
import { aPaidOrder } from "../support/order-facts-fixture.js";

const usd = moneyWords("USD", 2);
const rule = defaultProgramSettings(2).earning;

function entry(overrides: Partial<LedgerEntry>): LedgerEntry {
  return {
    id: "led_1",
    storeId: 1,
    memberId: "mem_1",
    delta: 10,
    kind: "earn_order",
    source: { type: "order", id: "A1" },
    idempotencyKey: "order:A1:earn",
    actor: "system",
    note: "Order A1 (PAID)",
    basis: null,
    createdAt: "2026-03-01T10:00:00.000Z",
    ...overrides,
  };
}

const facts = (overrides: Partial<OrderFacts> = {}): OrderFacts => aPaidOrder(4_250, { totalMinor: 5_050, ...overrides });

/** The entry the reconciler books for these facts after `before`. */
function booked(current: OrderFacts | null, before: LedgerEntry[] = [], minimum = 0): LedgerEntry {
  const correction = reconcileOrder({ orderId: "A1", facts: current, currentRule: { ...rule, minOrderMinor: minimum }, entries: before })!;
  return entry({ delta: correction.delta, kind: correction.kind, basis: correction.basis, note: correction.note, idempotencyKey: correction.idempotencyKey });
}

describe("an entry's basis in words", () => {
  it("when an order earns, then the words give the rule and the eligible amount", () => {
    expect(explainEntry(booked(facts()), usd)).toBe("1 point per $1.00 on $42.50 eligible (after discounts, without shipping and tax)");
  });

  it("when part of the order is refunded, then the words give the refund, the points taken back and what is kept", () => {
    const earned = booked(facts());
    const refund = booked(facts({ paymentStatus: "PARTIALLY_REFUNDED", refundedMinor: 1_010 }), [earned]);
    expect(refund.delta).toBe(-8);
    expect(explainEntry(refund, usd)).toBe("Refund of $10.10 took back 8 points; $34.00 kept of $42.50 eligible after $10.10 refunded, earning 1 point per $1.00");
  });

  it("when the whole order is refunded beyond the balance, then the words give the refund and the shortfall", () => {
    const earned = booked(facts());
    const refund = booked(facts({ paymentStatus: "REFUNDED", refundedMinor: 5_050 }), [earned]);
    expect(explainEntry({ ...refund, basis: { ...refund.basis, shortfall: 30 } }, usd)).toBe(
      "Refund of $50.50 took back 42 points; 30 points more than the balance held (shortfall)",
    );
  });

  it("when an order is cancelled or deleted, then the words say so", () => {
    const earned = booked(facts());
    expect(explainEntry(booked(facts({ paymentStatus: "CANCELLED" }), [earned]), usd)).toBe("Order cancelled: took back 42 points");
    expect(explainEntry(booked(null, [earned]), usd)).toBe("Order deleted in Ecwid: took back 42 points");
  });

  it("when a refund leaves the kept amount under the merchant's minimum, then the words name the minimum", () => {
    const earned = booked(facts(), [], 4_000);
    const refund = booked(facts({ paymentStatus: "PARTIALLY_REFUNDED", refundedMinor: 1_010 }), [earned], 4_000);
    expect(explainEntry(refund, usd)).toBe(
      "Refund of $10.10 took back 42 points; $34.00 kept of $42.50 eligible after $10.10 refunded, earning 1 point per $1.00, under the minimum of $40.00",
    );
  });

  it("when the member's tier multiplies the order, then the words give the multiplier with the rule, on its refund too", () => {
    const gold = { id: "tr_gold", multiplierPercent: 200 };
    const earned = entry(reconcileOrder({ orderId: "A1", facts: facts(), currentRule: rule, currentTier: gold, entries: [] })!);
    expect(explainEntry(earned, usd)).toBe("1 point per $1.00 at 200% for the member's tier on $42.50 eligible (after discounts, without shipping and tax)");
    const refund = booked(facts({ paymentStatus: "PARTIALLY_REFUNDED", refundedMinor: 1_010 }), [earned]);
    expect(explainEntry(refund, usd)).toBe(
      "Refund of $10.10 took back 16 points; $34.00 kept of $42.50 eligible after $10.10 refunded, earning 1 point per $1.00 at 200% for the member's tier",
    );
  });

  it("when a challenge pays, then the words name it and its goal", () => {
    const basis = { challengeId: "ch_five", title: "Five orders", goal: { kind: "orders", target: 5 }, countFrom: null, points: 50 };
    expect(explainEntry(entry({ kind: "earn_task", source: { type: "task", id: "ch_five" }, basis }), usd)).toBe("Challenge 'Five orders' completed: 5 paid orders");
    const spend = { ...basis, title: "Big spender", goal: { kind: "spend", target: 10_000 }, countFrom: "2026-03-01T00:00:00Z" };
    expect(explainEntry(entry({ kind: "earn_task", source: { type: "task", id: "ch_five" }, basis: spend }), usd)).toBe(
      "Challenge 'Big spender' completed: $100.00 spent (after discounts, without shipping and tax) counted from 2026-03-01",
    );
  });

  it("when a tier pays birthday points, then the words name the tier, the year and the points", () => {
    const basis = { tierId: "tr_gold", tierName: "Gold", points: 200, year: 2026 };
    expect(explainEntry(entry({ kind: "earn_tier", delta: 200, source: { type: "tier", id: "tr_gold" }, basis }), usd)).toBe("Birthday points of the Gold tier (2026): 200 points");
  });

  it("when the merchant adjusts, then the words give who, why and whether the shopper sees it; only a shown reason reaches the shopper", () => {
    const shown = entry({ kind: "adjust", source: { type: "manual", id: "k" }, actor: "owner@shop.example", note: "Sorry for the late parcel", basis: { visibleToShopper: true } });
    const hidden = { ...shown, note: "Duplicate account", basis: { visibleToShopper: false } };
    expect(explainEntry(shown, usd)).toBe("Adjusted by owner@shop.example: Sorry for the late parcel (shown to the shopper)");
    expect(explainEntry(hidden, usd)).toBe("Adjusted by owner@shop.example: Duplicate account (not shown to the shopper)");
    expect(shopperNote(shown)).toBe("Sorry for the late parcel");
    expect(shopperNote(hidden)).toBeNull();
    expect(shopperNote({ ...shown, basis: null })).toBeNull();
    expect(shopperNote(booked(facts()))).toBeNull();
  });

  it("when an entry's basis is from an older version or missing, then its note explains it", () => {
    expect(explainEntry(entry({ basis: { amountMinor: 4_000, rate: 1 } }), usd)).toBe("Order A1 (PAID)");
    expect(explainEntry(entry({ kind: "earn_task", source: { type: "task", id: "ch_1" }, note: "Challenge completed: Old", basis: { challengeId: "ch_1" } }), usd)).toBe(
      "Challenge completed: Old",
    );
  });

  it("when the currency has no minor unit or an unknown code, then amounts still read", () => {
    expect(moneyWords("JPY", 0)(1_500)).toBe("¥1,500");
    expect(moneyWords("NOTACODE", 2)(1_050)).toBe("10.50 NOTACODE");
  });
});
