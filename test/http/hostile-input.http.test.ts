import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { signWebhook } from "../../server/ecwid/webhook-signature.js";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { createTestDatabase, postgresSkipReason, type TestDatabase } from "../support/postgres.js";
import { jsonOf, rawRequest } from "../support/raw-request.js";
import { startTestApp, TEST_CLIENT_SECRET, type TestApp } from "../support/test-app.js";

// What the route fuzz (test/fuzz/public-routes.fuzz.test.ts) found answering 5xx, each pinned here.

const postgresSkip = await postgresSkipReason("hostile input on PostgreSQL");
if (postgresSkip) console.log(postgresSkip);

let app: TestApp | undefined;
let database: TestDatabase | undefined;
afterEach(async () => {
  await app?.close();
  await database?.drop();
  app = undefined;
  database = undefined;
});

const adapters = [
  { name: "lowdb", skip: false, storage: async (): Promise<Storage | undefined> => undefined },
  {
    name: "PostgreSQL",
    skip: postgresSkip !== null,
    async storage(): Promise<Storage | undefined> {
      database = await createTestDatabase("hostile");
      return createPostgresStorage({ databaseUrl: database.url });
    },
  },
];

describe.each(adapters)("signed webhooks with text no store can keep ($name)", (adapter) => {
  it.skipIf(adapter.skip)("when a signed event holds NUL or a lone surrogate in its id, a data key or a data value, then 400 and nothing is stored", async () => {
    const storage = await adapter.storage();
    app = await startTestApp(storage ? { storage } : {});
    const { storeId } = await app.installStore();
    const eventCreated = Math.floor(Date.now() / 1000);
    const events = [
      { eventId: `${randomUUID()}\u0000`, data: { orderId: "X1" } },
      { eventId: randomUUID(), data: { orderId: "X1\u0000" } },
      { eventId: randomUUID(), data: { orderId: "X1", "note\u0000": 1 } },
      { eventId: randomUUID(), data: { orderId: "\ud800" } },
    ];
    for (const { eventId, data } of events) {
      const body = JSON.stringify({ eventId, eventCreated, storeId, entityId: 1, eventType: "order.created", data });
      const headers = { "Content-Type": "application/json", "X-Ecwid-Webhook-Signature": signWebhook(eventCreated, eventId, TEST_CLIENT_SECRET) };
      const response = await rawRequest(app.url, { method: "POST", path: "/webhooks/ecwid", headers, body });
      expect(response.status).toBe(400);
      expect(jsonOf(response)).toEqual({ code: "bad_request", message: expect.stringContaining("NUL") });
    }
    expect(await app.container.storage.inbox.counts(storeId)).toEqual({ pending: 0, done: 0, failed: 0 });
    expect(await app.container.storage.receipts.find(events[1]!.eventId)).toBeNull();
  });
});

describe("handed-over tokens", () => {
  it("when a token is far longer than any Ecwid token, then 400 without asking Ecwid", async () => {
    app = await startTestApp();
    const { storeId } = await app.installStore();
    const asked = app.emulator.requests.length;
    const response = await app.http.post("/api/admin/session", { storeId, accessToken: `secret_${"x".repeat(20_000)}` });
    expect(response.status).toBe(400);
    expect(response.data.code).toBe("validation_failed");
    expect(app.emulator.requests.length).toBe(asked);
  });
});
