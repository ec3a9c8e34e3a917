import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import { createTestDatabase, postgresSkipReason, type TestDatabase } from "../support/postgres.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const skipReason = await postgresSkipReason("program API tests");
if (skipReason) console.log(skipReason);

/** jsonb keeps keys in its own order: versions come from content, so they must not change with it. */
describe.skipIf(skipReason !== null)("the program API on PostgreSQL", () => {
  let database: TestDatabase;
  let app: TestApp;
  let headers: { headers: Record<string, string> };

  beforeAll(async () => {
    database = await createTestDatabase("program_api");
    app = await startTestApp({ storage: await createPostgresStorage({ databaseUrl: database.url }) });
    const { storeId } = await app.installStore();
    headers = { headers: { Authorization: `Bearer ${await app.adminToken(storeId)}` } };
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const withIfMatch = (etag: string) => ({ headers: { ...headers.headers, "If-Match": etag } });

  it("when an item and the whole program are read back from the database, then their versions are the ones the writes gave, and a no-op save records nothing", async () => {
    const challenge = { id: "ch_spring", title: "Spring", description: "", points: 50, goal: { kind: "orders", target: 3 }, i18n: { nl: { title: "Lente", description: "Drie" } } };
    const created = await app.http.post("/api/admin/program/challenges", challenge, headers);
    expect(created.status).toBe(201);
    const read = await app.http.get("/api/admin/program/challenges/ch_spring", headers);
    expect(read.headers.etag).toBe(created.headers.etag);
    const changed = await app.http.put("/api/admin/program/challenges/ch_spring", { ...challenge, points: 60 }, withIfMatch(read.headers.etag));
    expect(changed.status).toBe(200);
    expect((await app.http.put("/api/admin/program/challenges/ch_spring", challenge, withIfMatch(read.headers.etag))).status).toBe(412);

    const whole = await app.http.get("/api/admin/settings", headers);
    const saved = await app.http.put("/api/admin/settings", whole.data, withIfMatch(whole.headers.etag));
    expect(saved.status).toBe(200);
    expect(saved.headers.etag).toBe(whole.headers.etag);
    const audit = (await app.http.get("/api/admin/audit", headers)).data;
    expect(audit.items.map((entry: { label: string }) => entry.label)).toEqual(["Challenge 'Spring' changed", "Challenge 'Spring' added"]);
  });
});
