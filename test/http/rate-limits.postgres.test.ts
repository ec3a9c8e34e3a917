import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import { createTestDatabase, postgresSkipReason, type TestDatabase } from "../support/postgres.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const skipReason = await postgresSkipReason("rate limit postgres tests");
if (skipReason) console.log(skipReason);

/** Two app containers on one PostgreSQL database, as two processes behind a load balancer would be. */
describe.skipIf(skipReason !== null)("rate limits shared through PostgreSQL", () => {
  let database: TestDatabase;
  let apps: [TestApp, TestApp];

  beforeAll(async () => {
    database = await createTestDatabase("limits");
    const open = async () => startTestApp({ storage: await createPostgresStorage({ databaseUrl: database.url }) });
    apps = [await open(), await open()];
  }, 60_000);

  afterAll(async () => {
    for (const app of apps ?? []) await app.close();
    await database?.drop();
  });

  const from = (address: string) => ({ headers: { "X-Forwarded-For": address } });

  it("when one address spreads invented tokens over both processes, then the sixth is refused wherever it lands", async () => {
    const [a, b] = apps;
    const statuses = [];
    for (let i = 0; i < 7; i++) {
      const app = i % 2 === 0 ? a : b;
      statuses.push((await app.http.post("/api/admin/session", { storeId: 920_000 + i, accessToken: `secret_invented${i}` }, from("198.51.100.20"))).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });

  it("when a shopper's codes are asked through both processes, then they count together and the limit holds", async () => {
    const [a, b] = apps;
    const { storeId } = await a.installStore();
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      const app = i % 2 === 0 ? a : b;
      statuses.push((await app.http.post(`/api/storefront/${storeId}/session/start`, { email: "jo@example.com" }, from("192.0.2.30"))).status);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
  });

  it("when counters are stored, then neither an email nor an address is readable in them, and each row ends", async () => {
    const { storeId } = await apps[0].installStore();
    expect((await apps[1].http.post(`/api/storefront/${storeId}/session/start`, { email: "kim@example.com" }, from("192.0.2.31"))).status).toBe(202);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ key: string; expire: string | null }>("SELECT key, expire FROM rate_limits");
      expect(rows.length).toBeGreaterThanOrEqual(3);
      for (const row of rows) {
        expect(row.key).not.toMatch(/kim|example|192\.0\.2|198\.51\.100/);
        expect(row.expire).not.toBeNull();
      }
    } finally {
      await client.end();
    }
  });
});
