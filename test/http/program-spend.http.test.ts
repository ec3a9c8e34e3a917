import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { booksFor } from "../support/books.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

let app: TestApp;
let storeId: number;

beforeEach(async () => {
  app = await startTestApp();
  ({ storeId } = await app.installStore({ currency: "USD", currencyPrecision: 2 }));
});
afterEach(() => app.close());

const api = (path: string) => `/api/storefront/${storeId}${path}`;

async function signIn(email: string) {
  await app.http.post(api("/session/start"), { email });
  const verified = await app.http.post(api("/session/verify"), { email, code: app.mail.codeFor(email) });
  expect(verified.status).toBe(200);
  return verified.data.token as string;
}

async function sendOrderEvent(orderId: string, eventType: "order.created" | "order.updated") {
  await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(storeId, orderId, eventType) });
  await app.worker.drain();
}

describe("one meaning of spend", () => {
  it("when an order carries shipping and tax, then tiers, spend challenges and badges count only the goods after discounts, as points do, and a refund takes its share", async () => {
    const token = await app.adminToken(storeId);
    const current = (await app.http.get("/api/admin/settings", bearer(token))).data;
    const saved = await app.http.put(
      "/api/admin/settings",
      {
        ...current,
        challenges: [{ id: "ch_spend", title: "Spend 100", points: 50, goal: { kind: "spend", target: 10_000 } }],
        badges: [{ id: "bd_ninety", name: "Ninety", goal: { kind: "spend", target: 9_000 } }],
        tiers: [{ id: "tr_silver", name: "Silver", threshold: 10_000 }],
      },
      bearer(token),
    );
    expect(saved.status).toBe(200);
    // 100.00 of goods, 10.00 off, 15.00 shipping, 10.00 tax: 115.00 paid, 90.00 eligible
    const order = app.emulator.putOrder(storeId, { email: "ana@example.com", subtotal: 100, discount: 10, shipping: 15, tax: 10, paymentStatus: "PAID" });
    expect(order.total).toBe(115);
    await sendOrderEvent(order.id, "order.created");

    const session = await signIn("ana@example.com");
    const me = (await app.http.get(api("/me"), bearer(session))).data;
    expect(me.member.balance).toBe(90);
    expect(me.tier).toMatchObject({ current: null, metric: "spend", amount: 9_000, next: { id: "tr_silver", name: "Silver", threshold: 10_000, needed: 1_000 } });
    expect(me.challenges).toMatchObject([{ id: "ch_spend", progress: 9_000, target: 10_000, completed: false }]);
    expect(me.badges).toMatchObject([{ id: "bd_ninety", earned: true }]);
    expect((await booksFor(app.container.storage, storeId, "ana@example.com")).member?.stats).toMatchObject({ paidOrders: 1, lifetimeSpendMinor: 9_000 });

    // 23.00 of 115.00 refunded: 92/115 of 90.00 stays, 72.00
    app.emulator.refundOrder(storeId, order.id, 23);
    await sendOrderEvent(order.id, "order.updated");
    const after = (await app.http.get(api("/me"), bearer(session))).data;
    expect(after.member.balance).toBe(72);
    expect(after.tier.amount).toBe(7_200);
    expect(after.badges).toMatchObject([{ id: "bd_ninety", earned: false }]);
  });
});
