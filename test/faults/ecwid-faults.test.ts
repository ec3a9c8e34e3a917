import { afterEach, describe, expect, it } from "vitest";
import type { Fault } from "../../server/ecwid-emulator/index.js";
import { verifyBooks } from "../../server/modules/ledger/verify-books.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { storageDrained } from "../support/webhook-storm.js";

const ORDERS = 12;
/** Each fault meets this many REST calls in a row, more than one client retry absorbs. */
const REPEATS = 3;

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const faults: [string, Fault][] = [
  ["429 with Retry-After", { status: 429, retryAfter: 1 }],
  ["500", { status: 500 }],
  ["503", { status: 503 }],
  ["a hang longer than the client's timeout", { kind: "hang" }],
  ["a reset connection", { kind: "reset" }],
  ["malformed JSON", { kind: "malformed-json" }],
];

describe("Ecwid faults during a run of signed order webhooks", () => {
  it.each(faults)("when Ecwid answers with %s, then no event is lost, none is applied twice, and verify finds nothing", async (_name, fault) => {
    app = await startTestApp({ ecwidTimeoutMs: 300 });
    const { storeId } = await app.installStore({ currency: "USD", currencyPrecision: 2 });
    const orders = Array.from({ length: ORDERS }, (_, i) =>
      app!.emulator.putOrder(storeId, { email: `fault${i}@example.com`, subtotal: 10 + i, total: 10 + i, paymentStatus: "PAID" }),
    );
    app.emulator.failNext(REPEATS, fault);
    app.worker.start();

    const hook = `${app.url}/webhooks/ecwid`;
    const statuses = await Promise.all(orders.map((order) => app!.emulator.sendWebhook({ url: hook, ...app!.emulator.orderWebhook(storeId, order.id, "order.created") })));
    // the first order is refunded in full while the faults play: it deserves nothing in the end
    app.emulator.refundOrder(storeId, orders[0]!.id, orders[0]!.total);
    const refund = await app.emulator.sendWebhook({ url: hook, ...app.emulator.orderWebhook(storeId, orders[0]!.id, "order.updated") });
    await storageDrained(app.container.storage, storeId, () => app!.emulator.faultsLeft() === 0);

    expect([...statuses, refund].map((result) => result.status)).toEqual(Array(ORDERS + 1).fill(200));
    expect(await app.container.storage.inbox.counts(storeId)).toEqual({ pending: 0, done: ORDERS + 1, failed: 0 });
    const books = await app.container.storage.read(storeId, (tx) =>
      Promise.all(
        orders.map(async (order) => {
          const member = await tx.members.findByEmail(storeId, order.email!);
          const { items } = await tx.ledger.listForMember(storeId, member!.id, { limit: 10, offset: 0 });
          return { email: order.email, balance: member!.balance, earned: items.filter((entry) => entry.delta > 0).map((entry) => entry.delta) };
        }),
      ),
    );
    expect(books[0]).toMatchObject({ email: orders[0]!.email, balance: 0 });
    expect(books.slice(1)).toEqual(orders.slice(1).map((order) => ({ email: order.email, balance: order.total, earned: [order.total] })));
    expect(await verifyBooks(app.container.storage, { storeIds: [storeId] })).toEqual([{ storeId, members: ORDERS, entries: expect.any(Number), problems: [] }]);
  });
});
