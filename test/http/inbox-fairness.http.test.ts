import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createInboxWorker } from "../../server/jobs/create-inbox-worker.js";
import type { InboxWorker } from "../../server/jobs/inbox-worker.js";
import { booksFor } from "../support/books.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let app: TestApp;
let worker: InboxWorker | undefined;

beforeEach(async () => {
  app = await startTestApp();
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await app.close();
});

async function paidOrderWebhook(storeId: number, email: string): Promise<void> {
  const order = app.emulator.putOrder(storeId, { email, subtotal: 20, total: 20, paymentStatus: "PAID" });
  const sent = await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(storeId, order.id, "order.created") });
  expect(sent.status).toBe(200);
}

const earned = async (storeId: number, email: string) => (await booksFor(app.container.storage, storeId, email)).balance > 0;

describe("inbox fairness", () => {
  it("when one store's flood is queued first, then another store's paid order earns before the flood is through", async () => {
    const flooded = await app.installStore();
    const other = await app.installStore();
    for (let i = 0; i < 40; i++) await paidOrderWebhook(flooded.storeId, `flood${i}@example.com`);
    await paidOrderWebhook(other.storeId, "bea@example.com");

    app.worker.start();
    await vi.waitFor(async () => expect(await earned(other.storeId, "bea@example.com")).toBe(true), { timeout: 10_000, interval: 5 });

    const { pending } = await app.container.storage.inbox.counts(flooded.storeId);
    expect(pending).toBeGreaterThan(0);
  });

  it("when a webhook is queued while the worker sleeps, then the worker wakes for it instead of waiting out its idle time", async () => {
    const { storeId } = await app.installStore();
    const { inbox } = app.container.storage;
    const claimNext = inbox.claimNext.bind(inbox);
    let emptyPolls = 0;
    let asleep!: () => void;
    const sleeping = new Promise<void>((resolve) => (asleep = resolve));
    inbox.claimNext = async (...args) => {
      const event = await claimNext(...args);
      if (!event && ++emptyPolls === 1) asleep();
      return event;
    };
    // idleMs is a minute and the test times out long before: only the wake-up lets the event be taken in time
    worker = createInboxWorker(app.container, { concurrency: 1, idleMs: 60_000 });
    worker.start();
    await sleeping;

    await paidOrderWebhook(storeId, "ana@example.com");

    await vi.waitFor(async () => expect(await earned(storeId, "ana@example.com")).toBe(true), { timeout: 5_000, interval: 5 });
  });
});
