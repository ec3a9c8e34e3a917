import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manualClock } from "../../server/lib/clock.js";
import { MEMBER_ANSWER_TTL_MS } from "../../server/http/member-answers.js";
import { LedgerService } from "../../server/modules/ledger/ledger.service.js";
import { unitOfWork } from "../../server/storage/unit-of-work.js";
import { createLowdbStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

const clock = manualClock(new Date());
let app: TestApp;
let storage: Storage;
let dataDir: string;
let storeId: number;
let token: string;
let memberId: string;

beforeEach(async () => {
  clock.set(new Date());
  dataDir = await mkdtemp(path.join(tmpdir(), "questline-me-cache-"));
  // The app's own storage, also written here past the app: as another process sharing it would.
  storage = await createLowdbStorage({ dataDir });
  app = await startTestApp({ clock, storage });
  ({ storeId } = await app.installStore({ storeName: "Alpine Gear", lang: "en" }));
  const order = app.emulator.putOrder(storeId, { email: "ana@example.com", subtotal: 40, total: 40, paymentStatus: "PAID" });
  await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(storeId, order.id, "order.created") });
  await app.worker.drain();
  await app.http.post(`/api/storefront/${storeId}/session/start`, { email: "ana@example.com" });
  const verified = await app.http.post(`/api/storefront/${storeId}/session/verify`, { email: "ana@example.com", code: app.mail.codeFor("ana@example.com") });
  token = verified.data.token as string;
  memberId = (await app.http.get(`/api/admin/members?email=ana%40example.com`, bearer(await app.adminToken(storeId)))).data.items[0].id as string;
});
afterEach(async () => {
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
});

const balance = async () => {
  const me = await app.http.get(`/api/storefront/${storeId}/me`, bearer(token));
  expect(me.status).toBe(200);
  expect(me.headers["content-type"]).toBe("application/json; charset=utf-8");
  return me.data.member.balance as number;
};

describe("a member's /me answer kept for a moment", () => {
  it("when the merchant adjusts the member's points in this process, then the very next /me shows them", async () => {
    expect(await balance()).toBe(40);
    const adjusted = await app.http.post(`/api/admin/members/${memberId}/adjustments`, { points: 25, reason: "Late parcel" }, bearer(await app.adminToken(storeId)));
    expect(adjusted.status).toBe(201);
    expect(await balance()).toBe(65);
  });

  it("when another process changes the member, then /me shows the change once the kept answer is 2 s old, not before", async () => {
    expect(await balance()).toBe(40);
    // The same books, written past this process's storage (as another process sharing PostgreSQL writes).
    const elsewhere = new LedgerService({ storage: unitOfWork(storage, "members", "ledger", "audit", "webhooks"), clock, installs: app.container.installs });
    await elsewhere.adjust({ storeId, memberId, points: 10, reason: "Elsewhere", visibleToShopper: false, actor: "owner@shop.example", requestKey: null });
    expect(await balance()).toBe(40);
    clock.advance(MEMBER_ANSWER_TTL_MS - 1);
    expect(await balance()).toBe(40);
    clock.advance(1);
    expect(await balance()).toBe(50);
  });

  it("when the token is wrong, then 401 and nothing kept answers it", async () => {
    expect(await balance()).toBe(40);
    const forged = await app.http.get(`/api/storefront/${storeId}/me`, bearer(`${token.slice(0, -2)}xx`));
    expect(forged.status).toBe(401);
    const otherStore = await app.http.get(`/api/storefront/${storeId + 1}/me`, bearer(token));
    expect(otherStore.status).toBe(401);
  });
});
