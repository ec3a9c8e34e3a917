import { afterEach, describe, expect, it } from "vitest";
import { signWebhook } from "../../server/ecwid/webhook-signature.js";
import { startAppProcess } from "../support/app-process.js";
import { holdRequest, refusesConnections } from "../support/held-request.js";
import { postgresSkipReason } from "../support/postgres.js";
import { processStorages } from "../support/process-storage.js";
import { deliver, expectEachEventOnce, inboxDrained, paidOrderEvents, prepareStorm, STORM_CLIENT_SECRET, type StormEvent } from "../support/webhook-storm.js";

const EVENTS = 200;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const skipReason = await postgresSkipReason("graceful shutdown on postgres");
if (skipReason) console.log(skipReason);

describe.each(processStorages(cleanups, skipReason))("graceful shutdown on %s", (_name, adapter) => {
  it("when SIGTERM arrives during a webhook storm, then the request in flight is answered, the process exits 0, and after a restart every accepted event is in the books exactly once", async () => {
    const storm = await prepareStorm(adapter, cleanups);
    const { emulator, env, storeId, token } = storm;
    let app = storm.app;
    cleanups.push(() => app.stop("SIGKILL"));
    const [held, ...orders] = paidOrderEvents(emulator, storeId, EVENTS + 1) as [StormEvent, ...StormEvent[]];

    const signature = signWebhook(held.event.eventCreated, held.event.eventId, STORM_CLIENT_SECRET);
    const inFlight = await holdRequest(app.url, "/webhooks/ecwid", { "Content-Type": "application/json", "X-Ecwid-Webhook-Signature": signature }, JSON.stringify(held.event));
    let signalled!: () => void;
    const sigterm = new Promise<void>((resolve) => (signalled = resolve));
    const storming = deliver(emulator, app.url, orders, (sent) => {
      if (sent === EVENTS / 4) {
        app.child.kill("SIGTERM");
        signalled();
      }
    });
    await sigterm;
    await refusesConnections(app.url);
    const answer = await inFlight.finish();
    const refusedStatuses = await storming;
    await app.stop();

    expect(answer.status).toBe(200);
    expect(answer.headers).toContain("connection: close");
    held.acked = true;
    expect(app.child.exitCode).toBe(0);
    expect(refusedStatuses).toEqual([]);
    expect(orders.filter((item) => item.acked).length).toBeGreaterThanOrEqual(EVENTS / 4);

    app = await startAppProcess(env);
    await deliver(
      emulator,
      app.url,
      orders.filter((item) => !item.acked),
    );
    await deliver(emulator, app.url, [held, ...orders.slice(0, 20)]);
    await inboxDrained(app.url, token);
    await app.stop();
    expect(app.child.exitCode).toBe(0);

    const storage = await adapter.open(storm.storageEnv);
    cleanups.push(() => storage.close());
    await expectEachEventOnce(storage, storeId, [held, ...orders]);
  }, 120_000);
});
