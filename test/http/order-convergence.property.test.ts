import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebhookEvent } from "../../server/ecwid-emulator/index.js";
import { booksFor } from "../support/books.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

type Change = { kind: "pay" } | { kind: "refund"; share: number } | { kind: "cancel" } | { kind: "delete" };

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.constant({ kind: "pay" as const }),
  fc.record({ kind: fc.constant("refund" as const), share: fc.integer({ min: 1, max: 100 }) }),
  fc.constant({ kind: "cancel" as const }),
  fc.constant({ kind: "delete" as const }),
);

/** What the final order deserves, worked out independently of the app's rules: whole dollars kept on a paid order. */
function oracle(order: { paymentStatus: string; subtotal: number; refundedAmount: number } | null): number {
  if (!order || !["PAID", "PARTIALLY_REFUNDED"].includes(order.paymentStatus)) return 0;
  return Math.floor(order.subtotal - order.refundedAmount);
}

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe("order convergence (property)", () => {
  it("whatever the interleaving, duplication and delay of one order's events, the balance ends at what the final order deserves", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 500 }),
        fc.array(change, { minLength: 1, maxLength: 6 }),
        fc.array(fc.record({ delay: fc.nat({ max: 6 }), copies: fc.integer({ min: 1, max: 3 }) }), { minLength: 7, maxLength: 7 }),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        fc.integer(),
        async (subtotal, changes, deliveries, drains, seed) => {
          const { storeId } = await app.installStore();
          const email = `p${Math.abs(seed)}-${randomUUID().slice(0, 8)}@example.com`;
          const hook = `${app.url}/webhooks/ecwid`;
          const order = app.emulator.putOrder(storeId, { email, subtotal, total: subtotal, paymentStatus: "AWAITING_PAYMENT" });
          let deleted = false;
          const events: { event: WebhookEvent; due: number; copies: number }[] = [];
          const record = (step: number, event: WebhookEvent) => {
            const plan = deliveries[events.length % deliveries.length]!;
            events.push({ event: { ...event, eventId: randomUUID(), eventCreated: Math.floor(Date.now() / 1000) }, due: step + plan.delay, copies: plan.copies });
          };
          record(0, app.emulator.orderWebhook(storeId, order.id, "order.created"));

          const deliverDue = async (step: number) => {
            const due = events.filter((item) => item.due <= step && item.copies > 0);
            due.sort((a, b) => (a.event.eventId! < b.event.eventId! === seed % 2 > 0 ? -1 : 1));
            for (const item of due) {
              while (item.copies > 0) {
                item.copies--;
                const result = await app.emulator.sendWebhook({ url: hook, ...item.event });
                if (result.status !== 200) throw new Error(`webhook refused: ${result.status}`);
              }
            }
          };

          for (const [index, step] of changes.entries()) {
            if (deleted) break;
            const current = app.emulator.getOrder(storeId, order.id)!;
            const paid = ["PAID", "PARTIALLY_REFUNDED"].includes(current.paymentStatus);
            if (step.kind === "pay" && current.paymentStatus === "AWAITING_PAYMENT") app.emulator.updateOrder(storeId, order.id, { paymentStatus: "PAID" });
            else if (step.kind === "refund" && paid)
              app.emulator.refundOrder(storeId, order.id, Math.max(1, Math.floor(((current.total - current.refundedAmount) * step.share) / 100)));
            else if (step.kind === "cancel" && current.paymentStatus === "AWAITING_PAYMENT") app.emulator.updateOrder(storeId, order.id, { paymentStatus: "CANCELLED" });
            else if (step.kind === "delete") {
              record(index + 1, app.emulator.orderWebhook(storeId, order.id, "order.deleted"));
              app.emulator.deleteOrder(storeId, order.id);
              deleted = true;
              continue;
            } else continue;
            record(index + 1, app.emulator.orderWebhook(storeId, order.id, "order.updated"));
            await deliverDue(index + 1);
            if (drains[index]) await app.worker.drain();
          }
          await deliverDue(Number.MAX_SAFE_INTEGER);
          await app.worker.drain();

          const final = deleted ? null : app.emulator.getOrder(storeId, order.id)!;
          const books = await booksFor(app.container.storage, storeId, email);
          expect(books.balance).toBe(oracle(final));
          expect(books.summed).toBe(books.balance);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
