import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyBooks } from "../../server/modules/ledger/verify-books.js";
import { insertMember } from "../contract/contract-harness.js";
import { booksFor } from "../support/books.js";
import { saveProgram } from "../support/program-save.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { assignedTier, setMemberTier } from "../support/tier-holding.js";

let app: TestApp;
let storeId: number;

// Invitation-only, so the member holds them only as the merchant assigned them, whatever their spend.
const TIERS = [
  { id: "tr_gold", name: "Gold", threshold: 1_000_000, inviteOnly: true, multiplierPercent: 200 },
  { id: "tr_plat", name: "Platinum", threshold: 2_000_000, inviteOnly: true, multiplierPercent: 300 },
];

beforeEach(async () => {
  app = await startTestApp();
  ({ storeId } = await app.installStore({ currency: "USD", currencyPrecision: 2 }));
  await saveProgram(app, storeId, { tiers: TIERS });
});
afterEach(() => app.close());

async function sendOrderEvent(orderId: string, eventType: "order.created" | "order.updated", eventId?: string) {
  const sent = await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(storeId, orderId, eventType), ...(eventId ? { eventId } : {}) });
  await app.worker.drain();
  return sent;
}

const ledgerOf = async (email: string) =>
  (await booksFor(app.container.storage, storeId, email)).entries.map((entry) => [entry.kind, entry.delta, entry.basis?.multiplierPercent, entry.basis?.tierId]);

describe("a tier's earning multiplier through signed webhooks", () => {
  it("when a Gold (200%) member's order is paid, refunded in part after they moved to Platinum, and its events replayed, then it earns double and the refund takes back its share at 200%", async () => {
    await insertMember(app.container.storage, storeId, { email: "ana@example.com", tier: assignedTier("tr_gold") });
    const order = app.emulator.putOrder(storeId, { email: "ana@example.com", subtotal: 50, total: 50, paymentStatus: "PAID" });
    const first = await sendOrderEvent(order.id, "order.created", "evt-gold-1");
    expect(await ledgerOf("ana@example.com")).toEqual([["earn_order", 100, 200, "tr_gold"]]);

    // The same event again, and a later update of the unchanged order: nothing more.
    await app.emulator.sendWebhook({
      url: `${app.url}/webhooks/ecwid`,
      ...app.emulator.orderWebhook(storeId, order.id, "order.created"),
      eventId: "evt-gold-1",
      eventCreated: first.eventCreated,
    });
    await sendOrderEvent(order.id, "order.updated");
    expect(await ledgerOf("ana@example.com")).toEqual([["earn_order", 100, 200, "tr_gold"]]);

    // Promoted to Platinum (300%) before the refund: $10 of $50 back takes 20 points, the refund's share at 200%.
    await setMemberTier(app.container.storage, storeId, "ana@example.com", assignedTier("tr_plat"));
    app.emulator.refundOrder(storeId, order.id, 10);
    await sendOrderEvent(order.id, "order.updated");
    await sendOrderEvent(order.id, "order.updated");
    const books = await booksFor(app.container.storage, storeId, "ana@example.com");
    expect(books.entries.map((entry) => [entry.kind, entry.delta, entry.basis?.multiplierPercent, entry.basis?.tierId, entry.basis?.deserved])).toEqual([
      ["earn_order", 100, 200, "tr_gold", 100],
      ["reverse", -20, 200, "tr_gold", 80],
    ]);
    expect([books.balance, books.summed]).toEqual([80, 80]);

    // The rest refunded: what the multiplied order gave is all taken back, and the books still balance.
    app.emulator.refundOrder(storeId, order.id, 40);
    await sendOrderEvent(order.id, "order.updated");
    const refunded = await booksFor(app.container.storage, storeId, "ana@example.com");
    expect(refunded.entries.map((entry) => entry.delta)).toEqual([100, -20, -80]);
    expect([refunded.balance, refunded.summed]).toEqual([0, 0]);
    expect((await verifyBooks(app.container.storage, { storeIds: [storeId] }))[0]?.problems).toEqual([]);
  });

  it("when an order lifts a member to Gold, then it earns at their old rate and only their next order earns double; refunding it takes back what it gave", async () => {
    await saveProgram(app, storeId, { tiers: [{ id: "tr_gold", name: "Gold", threshold: 5_000, multiplierPercent: 200 }] });
    const lifting = app.emulator.putOrder(storeId, { email: "dee@example.com", subtotal: 60, total: 60, paymentStatus: "PAID" });
    await sendOrderEvent(lifting.id, "order.created");
    const next = app.emulator.putOrder(storeId, { email: "dee@example.com", subtotal: 10, total: 10, paymentStatus: "PAID" });
    await sendOrderEvent(next.id, "order.created");
    app.emulator.refundOrder(storeId, lifting.id, 60);
    await sendOrderEvent(lifting.id, "order.updated");

    expect(await ledgerOf("dee@example.com")).toEqual([
      ["earn_order", 60, 100, null],
      ["earn_order", 20, 200, "tr_gold"],
      ["reverse", -60, 100, null],
    ]);
  });

  it("when the member holds no tier, or a tier the program no longer has, then the order earns at the rule alone", async () => {
    await insertMember(app.container.storage, storeId, { email: "bo@example.com", tier: assignedTier("tr_gone") });
    const gone = app.emulator.putOrder(storeId, { email: "bo@example.com", subtotal: 30, total: 30, paymentStatus: "PAID" });
    await sendOrderEvent(gone.id, "order.created");
    const newcomer = app.emulator.putOrder(storeId, { email: "cy@example.com", subtotal: 30, total: 30, paymentStatus: "PAID" });
    await sendOrderEvent(newcomer.id, "order.created");

    expect(await ledgerOf("bo@example.com")).toEqual([["earn_order", 30, 100, null]]);
    expect(await ledgerOf("cy@example.com")).toEqual([["earn_order", 30, 100, null]]);
  });
});
