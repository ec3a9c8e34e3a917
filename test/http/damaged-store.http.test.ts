import { mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manualClock } from "../../server/lib/clock.js";
import { createLowdbStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import { startAppProcess } from "../support/app-process.js";
import { capturedLog } from "../support/captured-log.js";
import { aStoreId } from "../support/storage-fixtures.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

const ERROR = 50;
const unavailable = { code: "store_unavailable", message: expect.stringContaining("could not read") };
const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

let dataDir: string;
let app: TestApp | undefined;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "questline-damaged-"));
  await mkdir(join(dataDir, "stores"));
});
afterEach(async () => {
  await app?.close();
  app = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

/** The app on `dataDir` as it is now, logging into `log`. */
async function startOn(log = capturedLog()) {
  app = await startTestApp({ storage: await createLowdbStorage({ dataDir, logger: log.logger }), logger: log.logger });
  return app;
}

const paidOrderWebhook = (running: TestApp, storeId: number) => {
  const order = running.emulator.putOrder(storeId, { email: "ana@example.com", subtotal: 30, total: 30, paymentStatus: "PAID" });
  return running.emulator.sendWebhook({ url: `${running.url}/webhooks/ecwid`, ...running.emulator.orderWebhook(storeId, order.id, "order.created") });
};

describe("a DATA_DIR with one damaged store file", () => {
  it("when the app starts, then the good store serves, the damaged one answers 503 store_unavailable everywhere, its file stays byte for byte, and it is logged once", async () => {
    const [good, damaged] = [aStoreId(), aStoreId()];
    const damagedFile = join(dataDir, "stores", `${damaged}.json`);
    const bytes = Buffer.from(`{"version":1,"storeId":${damaged},"members":[{"id":"mem_1","bal`, "utf8");
    await writeFile(damagedFile, bytes);
    const log = capturedLog();
    const running = await startOn(log);
    await running.installStore({ storeId: good });
    await running.installStore({ storeId: damaged });

    const ready = await running.http.get("/readyz");
    expect(ready.status).toBe(200);
    expect(ready.data).toEqual({ ok: true, storage: "lowdb", damagedStores: [damaged] });

    const goodHook = await paidOrderWebhook(running, good);
    expect(goodHook.status).toBe(200);
    await running.worker.drain();
    expect((await running.http.get(`/api/storefront/${good}/program`)).status).toBe(200);
    const goodMembers = await running.http.get("/api/admin/members?email=ana@example.com", bearer(await running.adminToken(good)));
    expect(goodMembers.data.items).toMatchObject([{ email: "ana@example.com", balance: 30 }]);

    const damagedHook = await paidOrderWebhook(running, damaged);
    expect(damagedHook).toMatchObject({ status: 503, body: unavailable });
    expect(await running.container.storage.receipts.find(damagedHook.eventId)).toBeNull();
    const program = await running.http.get(`/api/storefront/${damaged}/program`);
    expect(program.status).toBe(503);
    expect(program.data).toEqual(unavailable);
    const signIn = await running.http.post(`/api/storefront/${damaged}/session/start`, { email: "ana@example.com" });
    expect(signIn.status).toBe(503);
    const members = await running.http.get("/api/admin/members", bearer(await running.adminToken(damaged)));
    expect(members.status).toBe(503);
    expect(members.data).toEqual(unavailable);
    const page = await running.http.get(`/admin?payload=${running.emulator.encryptedPayload(damaged)}`, { headers: { Accept: "text/html" } });
    expect(page.status).toBe(503);
    expect(page.data).toContain('data-code="store_unavailable"');
    expect(page.data).toContain(`Questline could not read the data of store ${damaged}`);

    expect(await readFile(damagedFile)).toEqual(bytes);
    // Nothing was written beside the damaged file; the good store may hold its inbox journal beside its file.
    const files = await readdir(join(dataDir, "stores"));
    expect(files.filter((name) => name.startsWith(`${damaged}.`))).toEqual([`${damaged}.json`]);
    expect(files).toContain(`${good}.json`);
    expect(log.lines().filter((line) => Number(line.level) >= ERROR)).toMatchObject([{ storeId: damaged, file: damagedFile }]);
    expect(await modeOf(join(dataDir, "stores"))).toBe(0o700);
    expect(await modeOf(join(dataDir, "stores", `${good}.json`))).toBe(0o600);
    expect(await modeOf(join(dataDir, "installs.json"))).toBe(0o600);
    expect(await modeOf(join(dataDir, "receipts.log"))).toBe(0o600);
  });

  it("when the operator moves the damaged file aside and restarts, then the webhook Ecwid retries is taken", async () => {
    const storeId = aStoreId();
    const file = join(dataDir, "stores", `${storeId}.json`);
    await writeFile(file, "");
    const first = await startOn();
    await first.installStore({ storeId });
    const order = first.emulator.putOrder(storeId, { email: "ana@example.com", subtotal: 30, total: 30, paymentStatus: "PAID" });
    const event = first.emulator.orderWebhook(storeId, order.id, "order.created");
    const refused = await first.emulator.sendWebhook({ url: `${first.url}/webhooks/ecwid`, ...event });
    expect(refused.status).toBe(503);
    await first.close();
    await rename(file, `${file}.damaged`);

    const second = await startOn();
    const retried = await second.emulator.sendWebhook({ url: `${second.url}/webhooks/ecwid`, ...event, eventId: refused.eventId, eventCreated: refused.eventCreated });

    expect(retried.status).toBe(200);
    expect(await second.container.storage.inbox.counts(storeId)).toMatchObject({ pending: 1 });
  });
});

describe("purging uninstalled stores", () => {
  it("when one uninstalled store's file is damaged, then the others past their grace period are still purged and the damaged file is kept", async () => {
    const [good, damaged] = [aStoreId(), aStoreId()];
    const damagedFile = join(dataDir, "stores", `${damaged}.json`);
    await writeFile(damagedFile, "{");
    const clock = manualClock(new Date());
    const log = capturedLog();
    app = await startTestApp({ clock, storage: await createLowdbStorage({ dataDir, logger: log.logger }), logger: log.logger });
    for (const storeId of [damaged, good]) {
      await app.installStore({ storeId });
      await app.container.installs.uninstall(storeId);
    }
    clock.advance(31 * 24 * 60 * 60 * 1000);

    expect(await app.container.installs.purgeExpired()).toEqual([good]);
    expect(await app.container.storage.installs.get(good)).toBeNull();
    expect(await app.container.storage.installs.get(damaged)).toMatchObject({ status: "uninstalled" });
    expect(await readFile(damagedFile, "utf8")).toBe("{");
    expect(log.lines().some((line) => line.msg === "purge of an uninstalled store failed; it is tried again next time" && line.storeId === damaged)).toBe(true);
  });
});

describe("a DATA_DIR whose installs.json is damaged", () => {
  it("when the app starts, then it answers /healthz, /readyz says 503 with the reason, and webhooks and installs are refused without touching the file", async () => {
    const bytes = Buffer.from("\u0000\u0000\u0000", "utf8");
    await writeFile(join(dataDir, "installs.json"), bytes);
    const running = await startOn();
    const store = running.emulator.addStore();

    expect((await running.http.get("/healthz")).status).toBe(200);
    const ready = await running.http.get("/readyz");
    expect(ready.status).toBe(503);
    expect(ready.data).toMatchObject({ ok: false, storage: "lowdb", unreadable: ["installs"], reason: expect.stringContaining("install records") });
    const hook = await paidOrderWebhook(running, store.storeId);
    expect(hook).toMatchObject({ status: 503, body: { code: "store_unavailable" } });
    const session = await running.http.post("/api/admin/session", { payload: running.emulator.encryptedPayload(store.storeId) });
    expect(session.status).toBe(503);
    expect(session.data).toMatchObject({ code: "store_unavailable" });

    expect(await readFile(join(dataDir, "installs.json"))).toEqual(bytes);
    expect(await readdir(dataDir)).not.toContain(".installs.json.tmp");
  });
});

describe("the app as a process", () => {
  it("when DATA_DIR holds a damaged store file, then the process starts and /readyz lists the store", async () => {
    const damaged = aStoreId();
    await writeFile(join(dataDir, "stores", `${damaged}.json`), "not json at all");
    const running = await startAppProcess({ DATA_DIR: dataDir });
    try {
      const ready = await fetch(`${running.url}/readyz`);
      expect(await ready.json()).toMatchObject({ ok: true, storage: "lowdb", damagedStores: [damaged] });
    } finally {
      await running.stop();
    }
  });
});
