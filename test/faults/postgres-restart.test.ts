import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { postgresBinaries, startTempPostgres, type TempPostgres } from "../support/temp-postgres.js";
import { deliver, expectEachEventOnce, paidOrderEvents, storageDrained } from "../support/webhook-storm.js";

const PER_PHASE = 30;

const bin = await postgresBinaries();
if (!bin && process.env.CI === "true") throw new Error("postgres restart faults: no PostgreSQL server binaries under /usr/lib/postgresql");
if (!bin) console.log("postgres restart faults: skipped, no PostgreSQL server binaries under /usr/lib/postgresql");

describe.skipIf(!bin)("PostgreSQL restarting mid-run", () => {
  let server: TempPostgres;
  let app: TestApp | undefined;
  beforeAll(async () => {
    server = await startTempPostgres(bin!);
  }, 60_000);
  afterEach(async () => {
    await app?.close();
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it("when PostgreSQL dies during a run of signed order webhooks and comes back, then with Ecwid's retries no event is lost, none is applied twice, and verify finds nothing", async () => {
    const storage = await createPostgresStorage({ databaseUrl: server.url });
    app = await startTestApp({ storage, env: { INBOX_LEASE_SECONDS: "2" } });
    const { storeId } = await app.installStore();
    const events = paidOrderEvents(app.emulator, storeId, PER_PHASE * 3);
    app.worker.start();

    await deliver(app.emulator, app.url, events.slice(0, PER_PHASE));
    // the worker is still busy with those events when the server goes
    await server.kill();
    const duringOutage = await deliver(app.emulator, app.url, events.slice(PER_PHASE, PER_PHASE * 2));
    await server.start();
    await deliver(app.emulator, app.url, events.slice(PER_PHASE * 2));
    for (let round = 0; round < 5 && events.some((item) => !item.acked); round++) {
      await deliver(
        app.emulator,
        app.url,
        events.filter((item) => !item.acked),
      );
    }
    await storageDrained(storage, storeId);

    expect(duringOutage).toHaveLength(PER_PHASE);
    expect(duringOutage.every((status) => status >= 500)).toBe(true);
    expect(events.every((item) => item.acked)).toBe(true);
    await expectEachEventOnce(storage, storeId, events);
  }, 120_000);
});
