import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findOrCreateMember } from "../../server/modules/members/member.service.js";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import { createTestDatabase, postgresSkipReason, type TestDatabase } from "../support/postgres.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

const skipReason = await postgresSkipReason("unstorable text tests");
if (skipReason) console.log(skipReason);

/** PostgreSQL's text and jsonb refuse NUL and lone surrogates; a merchant's or shopper's input holding one is a 400, never a 500. */
describe.skipIf(skipReason !== null)("text PostgreSQL cannot store, from signed-in callers", () => {
  let database: TestDatabase;
  let app: TestApp;
  let storeId: number;
  let token: string;
  let memberId: string;

  beforeAll(async () => {
    database = await createTestDatabase("unstorable");
    app = await startTestApp({ storage: await createPostgresStorage({ databaseUrl: database.url }) });
    ({ storeId } = await app.installStore());
    token = await app.adminToken(storeId);
    memberId = (await app.container.storage.transaction(storeId, (tx) => findOrCreateMember(tx, storeId, { customerId: null, email: "ana@example.com" }, app.container.clock))).id;
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const refusedAsUnstorable = (response: { status: number; data: { code?: string } }) => {
    expect(response.status).toBe(400);
    expect(response.data.code).toBe("unstorable_text");
  };

  it("when a JSON body holds NUL or a lone surrogate anywhere, then 400 unstorable_text and nothing changes", async () => {
    const before = (await app.http.get("/api/admin/settings", bearer(token))).data;
    for (const bad of ["Spring\u0000", "\ud800 alone", "ok"]) {
      const settings = { ...before, challenges: [{ id: "ch_spring", title: bad, points: 10, goal: { kind: "orders", target: 2 } }] };
      const saved = await app.http.put("/api/admin/settings", bad === "ok" ? { ...settings, [`key\u0000`]: 1 } : settings, bearer(token));
      refusedAsUnstorable(saved);
    }
    refusedAsUnstorable(await app.http.post(`/api/admin/members/${memberId}/adjustments`, { points: 5, reason: "sorry\u0000" }, bearer(token)));
    refusedAsUnstorable(await app.http.post(`/api/storefront/${storeId}/session/start`, { email: "ana\u0000@example.com" }));
    expect((await app.http.get("/api/admin/settings", bearer(token))).data).toEqual(before);
    expect((await app.http.get(`/api/admin/members/${memberId}/ledger`, bearer(token))).data.items).toEqual([]);
  });

  it("when a path or query holds an encoded NUL, then 400 unstorable_text", async () => {
    refusedAsUnstorable(await app.http.get("/api/admin/members?email=ana%00@example.com", bearer(token)));
    refusedAsUnstorable(await app.http.get("/api/admin/members/mem%00x/ledger", bearer(token)));
    refusedAsUnstorable(await app.http.get(`/api/storefront/${storeId}/program?lang=%00`));
  });
});
