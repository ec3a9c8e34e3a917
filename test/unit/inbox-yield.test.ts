import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { InboxWorker } from "../../server/jobs/inbox-worker.js";
import { FLOOD_REQUESTS, openLanes } from "../../server/jobs/inbox-yield.rules.js";
import { systemClock } from "../../server/lib/clock.js";
import { createMetrics } from "../../server/lib/metrics.js";
import { createMemoryStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import { anInboxEvent, aStoreId } from "../support/storage-fixtures.js";

describe("openLanes", () => {
  it("when requests in flight stay under the flood mark, then every lane may take events", () => {
    expect(openLanes(4, 0)).toBe(4);
    expect(openLanes(4, FLOOD_REQUESTS - 1)).toBe(4);
  });

  it("when requests in flight reach the flood mark, then one lane keeps the inbox moving and the rest rest", () => {
    expect(openLanes(4, FLOOD_REQUESTS)).toBe(1);
    expect(openLanes(4, 500)).toBe(1);
    expect(openLanes(4, 3, 3)).toBe(1);
  });

  it("when the worker has no lane, then a flood opens none", () => {
    expect(openLanes(0, 500)).toBe(0);
  });
});

describe("inbox worker under a flood of requests", () => {
  it("when the process is flooded, then one event at a time is taken, and all lanes take events again once the flood passes", async () => {
    const storage = await createMemoryStorage();
    const now = new Date().toISOString();
    // each event on its own store, so the per-store limit is not what holds lanes back
    const events = [];
    for (let i = 0; i < 4; i++) {
      const storeId = aStoreId();
      events.push(anInboxEvent(storeId, { receivedAt: now, availableAt: now }));
      await storage.inbox.add(storeId, events[i]!);
    }
    let inHand = 0;
    let mostInHand = 0;
    let fourInHand!: () => void;
    const allTaken = new Promise<void>((resolve) => (fourInHand = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let requestsInFlight = 50;
    let checks = 0;
    let checkedEnough!: () => void;
    const restedAWhile = new Promise<void>((resolve) => (checkedEnough = resolve));
    const worker = new InboxWorker({
      storage,
      clock: systemClock,
      logger: pino({ level: "silent" }),
      metrics: createMetrics(),
      handlers: {
        "order.updated": async () => {
          mostInHand = Math.max(mostInHand, ++inHand);
          if (inHand === 4) fourInHand();
          await released;
        },
      },
      concurrency: 4,
      perStoreLimit: 4,
      idleMs: 5,
      requestsInFlight: () => {
        if (++checks === 40) checkedEnough();
        return requestsInFlight;
      },
    });
    worker.start();

    await restedAWhile;
    expect(inHand).toBe(1);

    requestsInFlight = 0;
    await allTaken;
    expect(mostInHand).toBe(4);
    release();
    await worker.stop();
  });
});
