import { afterEach, describe, expect, it } from "vitest";
import { startAppProcess } from "../support/app-process.js";
import { postgresSkipReason } from "../support/postgres.js";
import { processStorages } from "../support/process-storage.js";
import { deliver, expectEachEventOnce, inboxDrained, paidOrderEvents, prepareStorm } from "../support/webhook-storm.js";

const EVENTS = 300;
const KILLS = 3;
/** Replay a failed run with the seed its test name shows: CRASH_SEED=1234 npx vitest run test/http/crash-recovery.test.ts */
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** mulberry32: a small seeded generator, so a run's kill points can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const skipReason = await postgresSkipReason("crash recovery on postgres");
if (skipReason) console.log(skipReason);

describe.each(processStorages(cleanups, skipReason))("crash recovery on %s", (_name, adapter) => {
  it(`when the app is SIGKILLed at ${KILLS} random points of a webhook storm and started again each time, then every event is in the books exactly once (seed ${SEED})`, async () => {
    const random = seeded(SEED);
    const storm = await prepareStorm(adapter, cleanups);
    const { emulator, env, storeId, token } = storm;
    let app = storm.app;
    cleanups.push(() => app.stop("SIGKILL"));
    const events = paidOrderEvents(emulator, storeId, EVENTS);

    for (let kill = 0; kill < KILLS; kill++) {
      const unacked = events.filter((item) => !item.acked);
      // anywhere in the first two thirds of what is left, so each round also leaves work for the next
      const killAt = 1 + Math.floor(random() * ((unacked.length * 2) / 3));
      await deliver(emulator, app.url, unacked, (sent) => {
        if (sent === killAt) app.child.kill("SIGKILL");
      });
      await app.stop("SIGKILL");
      expect(app.child.signalCode).toBe("SIGKILL");
      app = await startAppProcess(env);
    }
    expect(events.some((item) => !item.acked)).toBe(true);

    await deliver(
      emulator,
      app.url,
      events.filter((item) => !item.acked),
    );
    await deliver(emulator, app.url, events.slice(0, 30));
    expect(events.every((item) => item.acked)).toBe(true);
    await inboxDrained(app.url, token);
    await app.stop("SIGTERM");

    const storage = await adapter.open(storm.storageEnv);
    cleanups.push(() => storage.close());
    await expectEachEventOnce(storage, storeId, events);
  }, 180_000);
});
