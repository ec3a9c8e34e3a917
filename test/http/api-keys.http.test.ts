import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { createTestDatabase, postgresSkipReason, type TestDatabase } from "../support/postgres.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

const postgresSkip = await postgresSkipReason("API key tests on PostgreSQL");
const adapters = [
  { name: "lowdb", skip: false },
  { name: "PostgreSQL", skip: postgresSkip !== null },
];

describe.each(adapters)("API keys on $name", ({ name, skip }) => {
  let app: TestApp;
  let database: TestDatabase | undefined;
  let storeId: number;
  let accessToken: string;
  let session: string;
  let memberId: string;

  const storage = (): Promise<Storage | undefined> =>
    name === "lowdb"
      ? Promise.resolve(undefined)
      : createTestDatabase("api_keys").then(async (created) => ((database = created), createPostgresStorage({ databaseUrl: created.url })));
  const makeKey = async (scope: "read" | "write", as = session) => {
    const response = await app.http.post("/api/admin/api-keys", { name: `My ${scope} tool`, scope }, bearer(as));
    expect(response.status).toBe(201);
    return response.data as { key: { id: string; shown: string }; token: string };
  };
  const adjust = (token: string) => app.http.post(`/api/admin/members/${memberId}/adjustments`, { points: 5, reason: "Thanks" }, bearer(token));
  const balance = async () => (await app.http.get(`/api/admin/members/${memberId}/ledger`, bearer(session))).data.total as number;

  beforeEach(async () => {
    if (skip) return;
    const chosen = await storage();
    app = await startTestApp(chosen ? { storage: chosen } : {});
    ({ storeId, accessToken } = await app.installStore());
    session = await app.adminToken(storeId);
    const order = app.emulator.putOrder(storeId, { email: "ana@example.com", subtotal: 20, total: 20, paymentStatus: "PAID" });
    await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(storeId, order.id, "order.created") });
    await app.worker.drain();
    memberId = (await app.http.get("/api/admin/members", bearer(session))).data.items[0].id as string;
  });
  afterEach(async () => {
    if (skip) return;
    await app.close();
    await database?.drop();
  });

  it.skipIf(skip)("when a read key is made, then it is shown once, can GET, and cannot write (403) or change anything", async () => {
    const { key, token } = await makeKey("read");
    const entries = await balance();

    expect(token).toMatch(new RegExp(`^ql_${storeId}_[0-9a-z]{16}_[A-Za-z0-9_-]{43}$`));
    expect(key.shown).toBe(`ql_${storeId}_${key.id.slice(4)}_…${token.slice(-4)}`);
    const listed = await app.http.get("/api/admin/api-keys", bearer(session));
    expect(listed.data.items).toEqual([expect.objectContaining({ id: key.id, name: "My read tool", scope: "read", lastUsedAt: null })]);
    expect(JSON.stringify(listed.data)).not.toContain(token.slice(-20));
    expect(JSON.stringify(listed.data)).not.toContain("hash");

    expect((await app.http.get("/api/admin/members", bearer(token))).status).toBe(200);
    const refused = await adjust(token);
    expect(refused.status).toBe(403);
    expect(refused.data.code).toBe("insufficient_scope");
    expect(await balance()).toBe(entries);
  });

  it.skipIf(skip)("when a write key writes, then the change is made in the key's name", async () => {
    const { token } = await makeKey("write");
    const entries = await balance();

    const made = await adjust(token);

    expect(made.status).toBe(201);
    expect(await balance()).toBe(entries + 1);
    const ledger = await app.http.get(`/api/admin/members/${memberId}/ledger`, bearer(token));
    expect(ledger.data.items[0]).toMatchObject({ delta: 5, actor: "API key 'My write tool'" });
  });

  it.skipIf(skip)("when a key is used, then only the SHA-256 of the key is stored, and its last use is written once a minute at most", async () => {
    const { key, token } = await makeKey("read");
    await app.http.get("/api/admin/store", bearer(token));
    const [stored] = await app.container.storage.read(storeId, (tx) => tx.apiKeys.list(storeId));
    await app.http.get("/api/admin/store", bearer(token));
    const [again] = await app.container.storage.read(storeId, (tx) => tx.apiKeys.list(storeId));

    expect(stored).toMatchObject({ id: key.id, hash: createHash("sha256").update(token).digest("hex"), lastFour: token.slice(-4) });
    expect(JSON.stringify(stored)).not.toContain(token.slice("ql_".length));
    expect(stored!.lastUsedAt).not.toBeNull();
    expect(again!.lastUsedAt).toBe(stored!.lastUsedAt);
    if (name === "lowdb") {
      const file = await readFile(path.join(app.container.config.storage.dataDir, "stores", `${storeId}.json`), "utf8");
      expect(file).toContain(stored!.hash);
      expect(file).not.toContain(token.slice("ql_".length));
    }
  });

  it.skipIf(skip)("when a key is revoked, then it is refused 401 at once, and both the making and the revoking are in the audit log", async () => {
    const { key, token } = await makeKey("write");

    expect((await app.http.delete(`/api/admin/api-keys/${key.id}`, bearer(session))).status).toBe(204);

    const refused = await app.http.get("/api/admin/store", bearer(token));
    expect(refused.status).toBe(401);
    expect(refused.data.code).toBe("unauthorized");
    expect((await app.http.get("/api/admin/api-keys", bearer(session))).data.items).toEqual([]);
    const audit = (await app.http.get("/api/admin/audit", bearer(session))).data.items as { action: string; subject: string }[];
    expect(audit.filter((entry) => entry.subject === key.id).map((entry) => entry.action)).toEqual(["api_key.revoked", "api_key.created"]);
    expect((await app.http.delete(`/api/admin/api-keys/${key.id}`, bearer(session))).status).toBe(404);
  });

  it.skipIf(skip)("when a key calls the key routes, then it is refused 403: only a dashboard session makes, lists or revokes keys", async () => {
    const { key, token } = await makeKey("write");

    for (const response of [
      await app.http.get("/api/admin/api-keys", bearer(token)),
      await app.http.post("/api/admin/api-keys", { name: "Sneaky", scope: "write" }, bearer(token)),
      await app.http.delete(`/api/admin/api-keys/${key.id}`, bearer(token)),
    ]) {
      expect(response.status).toBe(403);
      expect(response.data.code).toBe("insufficient_scope");
    }
    expect((await app.http.get("/api/admin/api-keys", bearer(session))).data.items).toHaveLength(1);
  });

  it.skipIf(skip)("when another store's key is used, or a key is sent as another store's, then it is refused 401", async () => {
    const other = await app.installStore();
    const { token: theirs } = await app.http
      .post("/api/admin/api-keys", { name: "Theirs", scope: "write" }, bearer(await app.adminToken(other.storeId)))
      .then((r) => r.data as { token: string });
    const { token: ours } = await makeKey("write");
    const forged = ours.replace(`ql_${storeId}_`, `ql_${other.storeId}_`);

    expect((await app.http.get("/api/admin/api-keys", bearer(session))).data.items).toHaveLength(1);
    expect((await app.http.get("/api/admin/store", bearer(forged))).status).toBe(401);
    const theirStore = await app.http.get("/api/admin/store", bearer(theirs));
    expect(theirStore.data.storeId).toBe(other.storeId);
    expect((await app.http.get(`/api/admin/members/${memberId}/ledger`, bearer(theirs))).status).toBe(404);
  });

  it.skipIf(skip)("when the store uninstalls, then its keys are revoked and stay so after a reinstall", async () => {
    const { token } = await makeKey("read");

    await app.container.installs.uninstall(storeId);
    await app.container.installs.recordToken({ storeId, accessToken });

    expect((await app.http.get("/api/admin/store", bearer(token))).status).toBe(401);
    expect(await app.container.storage.read(storeId, (tx) => tx.apiKeys.list(storeId))).toEqual([]);
  });

  it.skipIf(skip)("when a store holds 20 keys, then a 21st is refused and nothing is added", async () => {
    for (let i = 0; i < 20; i++) await makeKey("read");

    const refused = await app.http.post("/api/admin/api-keys", { name: "One more", scope: "read" }, bearer(session));

    expect(refused.status).toBe(409);
    expect(refused.data.code).toBe("limit_reached");
    expect((await app.http.get("/api/admin/api-keys", bearer(session))).data.items).toHaveLength(20);
  });

  it.skipIf(skip)("when one address sends keys that do not work, then it gets 429 after 20 while another address and working keys still pass", async () => {
    const { token } = await makeKey("read");
    const from = (address: string, key: string) => app.http.get("/api/admin/store", { headers: { Authorization: `Bearer ${key}`, "X-Forwarded-For": address } });
    const bad = `ql_${storeId}_aaaaaaaaaaaaaaaa_${"A".repeat(43)}`;

    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await from("198.51.100.7", bad)).status);

    expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
    expect((await from("198.51.100.8", bad)).status).toBe(401);
    expect((await from("198.51.100.7", token)).status).toBe(200);
  });
});
