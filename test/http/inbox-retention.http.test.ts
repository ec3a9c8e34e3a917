import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pendingInboxEvent } from "../../server/modules/inbox/inbox-event.js";
import { startScheduledJobs } from "../../server/jobs/scheduled-jobs.js";
import { manualClock } from "../../server/lib/clock.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

const HOUR = 60 * 60 * 1000;
const clock = manualClock(new Date());
let app: TestApp;
let storeId: number;

beforeEach(async () => {
  clock.set(new Date());
  app = await startTestApp({ clock });
  ({ storeId } = await app.installStore());
});
afterEach(() => app.close());

/** A paid order's webhook, processed: its inbox event is done. */
async function processedWebhook(): Promise<string> {
  const order = app.emulator.putOrder(storeId, { email: "ana@example.com", subtotal: 50, total: 50, paymentStatus: "PAID" });
  const sent = await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(storeId, order.id, "order.created") });
  expect(sent.status).toBe(200);
  await app.worker.drain();
  expect(await app.container.storage.inbox.get(storeId, sent.eventId)).toMatchObject({ status: "done" });
  return sent.eventId;
}

async function failedEvent(): Promise<string> {
  const { inbox } = app.container.storage;
  const event = pendingInboxEvent({ eventId: "evt-failed", storeId, eventType: "order.updated", entityId: "1", data: { orderId: "GONE" }, eventCreated: 0 }, clock.now());
  await inbox.add(storeId, event);
  await inbox.claimNext(clock.now(), 60_000);
  await inbox.fail(storeId, event.eventId, "order not found", null);
  return event.eventId;
}

async function runScheduledJobs(): Promise<void> {
  const jobs = startScheduledJobs(app.container);
  await jobs.stop();
}

describe("inbox retention", () => {
  it("when done events are older than the receipts' retention, then the scheduled jobs delete them with their receipts and keep failed ones for the dashboard", async () => {
    const done = await processedWebhook();
    const failed = await failedEvent();

    clock.advance(50 * HOUR);
    await runScheduledJobs();

    expect(await app.container.storage.inbox.get(storeId, done)).toBeNull();
    expect(await app.container.storage.receipts.find(done)).toBeNull();
    expect(await app.container.storage.inbox.get(storeId, failed)).toMatchObject({ status: "failed" });
    const health = await app.http.get("/api/admin/inbox", bearer(await app.adminToken(storeId)));
    expect(health.status).toBe(200);
    expect(health.data.counts).toEqual({ pending: 0, done: 0, failed: 1 });
    expect(health.data.failed.map((event: { eventId: string }) => event.eventId)).toEqual([failed]);
  });

  it("when done events are younger than the retention, then they stay, so a retried delivery is still known", async () => {
    const done = await processedWebhook();

    clock.advance(47 * HOUR);
    await runScheduledJobs();

    expect(await app.container.storage.inbox.get(storeId, done)).toMatchObject({ status: "done" });
    expect(await app.container.storage.inbox.counts(storeId)).toEqual({ pending: 0, done: 1, failed: 0 });
  });
});
