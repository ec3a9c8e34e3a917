import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manualClock } from "../../server/lib/clock.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

const DAY = 24 * 60 * 60 * 1000;
const clock = manualClock(new Date());
let app: TestApp;
beforeEach(async () => {
  clock.set(new Date());
  app = await startTestApp({ clock, env: { UNINSTALL_GRACE_DAYS: "30" } });
});
afterEach(() => app.close());

async function storeWithPoints() {
  const { storeId, accessToken } = await app.installStore();
  const token = await app.adminToken(storeId);
  const { findOrCreateMember } = await import("../../server/modules/members/member.service.js");
  const member = await app.container.storage.transaction(storeId, (tx) => findOrCreateMember(tx, storeId, { customerId: 11, email: "fan@example.com" }, clock));
  const adjusted = await app.http.post(`/api/admin/members/${member.id}/adjustments`, { points: 120, reason: "welcome gift" }, bearer(token));
  expect(adjusted.status).toBe(201);
  return { storeId, accessToken, token, memberId: member.id };
}

function sendUninstall(storeId: number) {
  return app.emulator.sendWebhook({
    url: `${app.url}/webhooks/ecwid`,
    storeId,
    eventType: "application.uninstalled",
    entityId: String(storeId),
    eventCreated: Math.floor(clock.now().getTime() / 1000),
  });
}

describe("uninstall", () => {
  it("when Ecwid sends a signed application.uninstalled, then the token is forgotten at once and the store is refused", async () => {
    const { storeId, token } = await storeWithPoints();
    const sent = await sendUninstall(storeId);
    expect(sent.status).toBe(200);
    const install = await app.container.storage.installs.get(storeId);
    expect(install).toMatchObject({ status: "uninstalled", accessTokenSealed: null });
    expect(install?.purgeAfter).toBe(new Date(clock.now().getTime() + 30 * DAY).toISOString());

    const api = await app.http.get("/api/admin/members", bearer(token));
    expect(api.status).toBe(403);
    expect(api.data.code).toBe("store_not_installed");
    const order = await app.emulator.sendWebhook({
      url: `${app.url}/webhooks/ecwid`,
      storeId,
      eventType: "order.created",
      entityId: "1",
      data: { orderId: "X1" },
      eventCreated: Math.floor(clock.now().getTime() / 1000),
    });
    expect(order.status).toBe(200);
    expect(order.body).toMatchObject({ outcome: "unknown_store" });
    expect(await app.container.storage.inbox.counts(storeId)).toMatchObject({ pending: 0 });
    expect((await sendUninstall(storeId)).status).toBe(200);
  });

  it("when an uninstall arrives with a wrong signature, then the store stays installed", async () => {
    const { storeId } = await storeWithPoints();
    const sent = await app.emulator.sendWebhook({
      url: `${app.url}/webhooks/ecwid`,
      storeId,
      eventType: "application.uninstalled",
      entityId: String(storeId),
      signature: "forged",
    });
    expect(sent.status).toBe(401);
    expect((await app.container.storage.installs.get(storeId))?.status).toBe("active");
  });

  it("when the merchant reinstalls within the grace period, then the program data is back", async () => {
    const { storeId, memberId } = await storeWithPoints();
    await sendUninstall(storeId);
    clock.advance(29 * DAY);
    expect(await app.container.installs.purgeExpired()).toEqual([]);
    const session = await app.http.post("/api/admin/session", { payload: app.emulator.encryptedPayload(storeId) });
    expect(session.status).toBe(200);
    const ledger = await app.http.get(`/api/admin/members/${memberId}/ledger`, bearer(session.data.token));
    expect(ledger.status).toBe(200);
    expect(ledger.data.member.balance).toBe(120);
    expect(ledger.data.items).toHaveLength(1);
  });

  it("when the grace period has passed, then the data is purged and a reinstall starts empty", async () => {
    const { storeId, memberId } = await storeWithPoints();
    await sendUninstall(storeId);
    clock.advance(30 * DAY + 1000);
    expect(await app.container.installs.purgeExpired()).toEqual([storeId]);
    expect(await app.container.storage.installs.get(storeId)).toBeNull();
    const session = await app.http.post("/api/admin/session", { payload: app.emulator.encryptedPayload(storeId) });
    expect(session.status).toBe(200);
    expect((await app.http.get(`/api/admin/members/${memberId}/ledger`, bearer(session.data.token))).status).toBe(404);
    expect((await app.http.get("/api/admin/members", bearer(session.data.token))).data.total).toBe(0);
  });
});

describe("uninstall events out of order", () => {
  it("when an uninstall created before a reinstall arrives late, then the new install stays", async () => {
    const { storeId } = await storeWithPoints();
    const createdBefore = Math.floor(clock.now().getTime() / 1000);
    await sendUninstall(storeId);
    clock.advance(60_000);
    const reopened = await app.http.post("/api/admin/session", { payload: app.emulator.encryptedPayload(storeId) });
    expect(reopened.status).toBe(200);
    const late = await app.emulator.sendWebhook({
      url: `${app.url}/webhooks/ecwid`,
      storeId,
      eventType: "application.uninstalled",
      entityId: String(storeId),
      eventCreated: createdBefore - 5,
    });
    expect(late.status).toBe(200);
    expect((await app.container.storage.installs.get(storeId))?.status).toBe("active");
  });
});
