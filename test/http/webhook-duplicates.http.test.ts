import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.js";

let app: TestApp;
let storeId: number;

beforeEach(async () => {
  app = await startTestApp();
  ({ storeId } = await app.installStore());
});
afterEach(() => app.close());

describe("a webhook delivered again", () => {
  it("when an event is delivered twice, then it is queued once and both deliveries are acknowledged", async () => {
    const order = app.emulator.putOrder(storeId, { email: "ana@example.com", subtotal: 50, total: 50, paymentStatus: "PAID" });
    const event = app.emulator.orderWebhook(storeId, order.id, "order.created");

    const first = await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...event, eventId: "evt-twice" });
    const second = await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...event, eventId: "evt-twice", eventCreated: first.eventCreated });

    expect([first.body, second.body]).toEqual([
      { ok: true, outcome: "queued" },
      { ok: true, outcome: "duplicate" },
    ]);
    expect(await app.container.storage.inbox.counts(storeId)).toEqual({ pending: 1, done: 0, failed: 0 });
    expect(await app.container.storage.receipts.find("evt-twice")).toMatchObject({ storeId });
  });
});
