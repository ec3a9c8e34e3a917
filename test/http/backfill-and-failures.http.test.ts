import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { booksFor } from "../support/books.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

let app: TestApp;
let storeId: number;
let token: string;

beforeEach(async () => {
  app = await startTestApp();
  ({ storeId } = await app.installStore());
  token = await app.adminToken(storeId);
});
afterEach(() => app.close());

describe("importing past orders", () => {
  it("when the merchant imports a date range, then its paid orders earn through the same reconciliation and progress is reported", async () => {
    const placed = (day: string) => ({ createDate: new Date(`${day}T12:00:00Z`) });
    for (let i = 0; i < 130; i++) app.emulator.putOrder(storeId, { email: `old${i % 10}@example.com`, subtotal: 10, total: 10, paymentStatus: "PAID", ...placed("2026-02-10") });
    app.emulator.putOrder(storeId, { email: "old1@example.com", subtotal: 99, total: 99, paymentStatus: "AWAITING_PAYMENT", ...placed("2026-02-11") });
    app.emulator.putOrder(storeId, { email: "late@example.com", subtotal: 50, total: 50, paymentStatus: "PAID", ...placed("2026-04-01") });

    const started = await app.http.post("/api/admin/backfills", { from: "2026-02-01", to: "2026-02-28" }, bearer(token));
    expect(started.status).toBe(202);
    expect(started.data).toMatchObject({ status: "running", processed: 0 });
    const again = await app.http.post("/api/admin/backfills", { from: "2026-02-01", to: "2026-02-28" }, bearer(token));
    expect(again.status).toBe(409);

    await app.worker.drain();
    const job = await app.http.get(`/api/admin/backfills/${started.data.id}`, bearer(token));
    expect(job.data).toMatchObject({ status: "done", total: 130, processed: 130, credited: 130 });
    expect((await booksFor(app.container.storage, storeId, "old1@example.com")).balance).toBe(130);
    expect((await booksFor(app.container.storage, storeId, "late@example.com")).member).toBeNull();

    const rerun = await app.http.post("/api/admin/backfills", { from: "2026-02-01", to: "2026-02-28" }, bearer(token));
    await app.worker.drain();
    expect((await app.http.get(`/api/admin/backfills/${rerun.data.id}`, bearer(token))).data).toMatchObject({ status: "done", credited: 0 });
    expect((await booksFor(app.container.storage, storeId, "old1@example.com")).balance).toBe(130);
  });

  it("when the range is malformed, reversed or too long, then 400 with the issue at its field, and no job", async () => {
    const cases: [object, object[]][] = [
      [{ from: "yesterday", to: "2026-02-28" }, [{ path: ["from"], code: "invalid_format" }]],
      [{ from: "2026-03-01", to: "2026-02-01" }, [{ path: ["to"], code: "too_small" }]],
      [{ from: "2020-01-01", to: "2026-02-01" }, [{ path: ["to"], code: "too_big" }]],
      [
        {},
        [
          { path: ["from"], code: "required" },
          { path: ["to"], code: "required" },
        ],
      ],
      [{ from: "2026-01-01", to: "2026-02-01", status: "PAID" }, [{ path: ["status"], code: "unknown_field" }]],
    ];
    for (const [body, issues] of cases) {
      const response = await app.http.post("/api/admin/backfills", body, bearer(token));
      expect(response.status).toBe(400);
      expect(response.data.issues).toEqual(issues.map((issue) => ({ ...issue, message: expect.any(String) })));
    }
    expect((await app.http.get("/api/admin/backfills", bearer(token))).data.items).toEqual([]);
  });
});

describe("failed events", () => {
  it("when an event keeps failing, then the merchant sees it with its error and can send it back to the queue", async () => {
    const order = app.emulator.putOrder(storeId, { email: "zed@example.com", subtotal: 12, total: 12, paymentStatus: "PAID" });
    await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(storeId, order.id, "order.created") });
    const pending = await app.container.storage.inbox.claimNext(new Date(), 1);
    expect(pending).not.toBeNull();
    await app.container.storage.inbox.fail(storeId, pending!.eventId, "Ecwid answered HTTP 500", null);

    const inbox = await app.http.get("/api/admin/inbox", bearer(token));
    expect(inbox.data.counts).toMatchObject({ failed: 1, pending: 0 });
    expect(inbox.data.failed[0]).toMatchObject({ eventId: pending!.eventId, lastError: "Ecwid answered HTTP 500", eventType: "order.created" });

    const retried = await app.http.post(`/api/admin/inbox/${pending!.eventId}/retry`, {}, bearer(token));
    expect(retried.status).toBe(202);
    expect((await app.http.post(`/api/admin/inbox/${pending!.eventId}/retry`, {}, bearer(token))).status).toBe(404);
    await app.worker.drain();
    expect((await booksFor(app.container.storage, storeId, "zed@example.com")).balance).toBe(12);
  });
});

describe("an import that stopped", () => {
  it("when the store was uninstalled while an import waited, then after reinstalling a new import may start and the old one reads failed", async () => {
    const first = await app.http.post("/api/admin/backfills", { from: "2026-01-01", to: "2026-01-31" }, bearer(token));
    expect(first.status).toBe(202);
    await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, storeId, eventType: "application.uninstalled", entityId: String(storeId) });
    await app.worker.drain();
    const session = await app.http.post("/api/admin/session", { payload: app.emulator.encryptedPayload(storeId) });
    expect(session.status).toBe(200);
    const again = await app.http.post("/api/admin/backfills", { from: "2026-01-01", to: "2026-01-31" }, bearer(session.data.token));
    expect(again.status).toBe(202);
    const old = await app.http.get(`/api/admin/backfills/${first.data.id}`, bearer(session.data.token));
    expect(old.data).toMatchObject({ status: "failed", error: "stopped before it finished" });
  });
});
