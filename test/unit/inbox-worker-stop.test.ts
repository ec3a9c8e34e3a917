import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { InboxWorker } from "../../server/jobs/inbox-worker.js";
import { systemClock } from "../../server/lib/clock.js";
import { createMetrics } from "../../server/lib/metrics.js";
import type { InboxEvent } from "../../server/modules/inbox/inbox-event.js";
import { createMemoryStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import { anInboxEvent, aStoreId } from "../support/storage-fixtures.js";

/** A worker whose handler holds each event until the test lets it go, and says when it has one in hand. */
async function workerHoldingEvents() {
  const storage = await createMemoryStorage();
  const storeId = aStoreId();
  const event = anInboxEvent(storeId, { receivedAt: new Date().toISOString(), availableAt: new Date().toISOString() });
  await storage.inbox.add(storeId, event);
  let inHand!: () => void;
  const taken = new Promise<void>((resolve) => (inHand = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const handler = async (_event: InboxEvent) => {
    inHand();
    await released;
  };
  const worker = new InboxWorker({
    storage,
    clock: systemClock,
    logger: pino({ level: "silent" }),
    metrics: createMetrics(),
    handlers: { "order.updated": handler },
    concurrency: 2,
    idleMs: 60_000,
  });
  worker.start();
  await taken;
  return { storage, storeId, event, worker, release };
}

describe("inbox worker stop", () => {
  it("when the event in hand finishes within the grace, then it is done and nothing is handed back", async () => {
    const { storage, storeId, event, worker, release } = await workerHoldingEvents();

    const stopped = worker.stop(60_000);
    release();

    expect(await stopped).toEqual({ handedBack: 0 });
    expect(await storage.inbox.get(storeId, event.eventId)).toMatchObject({ status: "done", leaseUntil: null });
  });

  it("when the event in hand outlasts the grace, then it is handed back: pending, free to take now, its lease released", async () => {
    const { storage, storeId, event, worker, release } = await workerHoldingEvents();

    const result = await worker.stop(50);

    expect(result).toEqual({ handedBack: 1 });
    expect(await storage.inbox.get(storeId, event.eventId)).toMatchObject({ status: "pending", leaseUntil: null, lastError: "handed back unfinished at shutdown" });
    expect(await storage.inbox.claimNext(new Date(), 60_000)).toMatchObject({ eventId: event.eventId });
    release();
  });

  it("when every loop is asleep with nothing to do, then stop wakes each of them instead of waiting out their idle time", async () => {
    const storage = await createMemoryStorage();
    let polls = 0;
    let allPolled!: () => void;
    const bothPolled = new Promise<void>((resolve) => (allPolled = resolve));
    const claimNext = storage.inbox.claimNext.bind(storage.inbox);
    storage.inbox.claimNext = async (now, leaseMs) => {
      const event = await claimNext(now, leaseMs);
      if (++polls === 2) allPolled();
      return event;
    };
    const worker = new InboxWorker({ storage, clock: systemClock, logger: pino({ level: "silent" }), metrics: createMetrics(), handlers: {}, concurrency: 2, idleMs: 60_000 });
    worker.start();
    await bothPolled;
    await new Promise((resolve) => setImmediate(resolve));

    // idleMs is a minute and the test times out long before: only waking each sleeping loop lets stop resolve
    expect(await worker.stop()).toEqual({ handedBack: 0 });
  });
});
