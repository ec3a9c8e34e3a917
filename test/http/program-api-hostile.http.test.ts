import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { createTestDatabase, postgresSkipReason, type TestDatabase } from "../support/postgres.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

const postgresSkip = await postgresSkipReason("hostile program API tests on PostgreSQL");
if (postgresSkip) console.log(postgresSkip);

interface Adapter {
  name: string;
  skip: boolean;
  open(): Promise<{ storage?: Storage; close(): Promise<void> }>;
}

const adapters: Adapter[] = [
  { name: "lowdb", skip: false, open: async () => ({ close: async () => {} }) },
  {
    name: "PostgreSQL",
    skip: postgresSkip !== null,
    async open() {
      const database: TestDatabase = await createTestDatabase("program_hostile");
      return { storage: await createPostgresStorage({ databaseUrl: database.url }), close: () => database.drop() };
    },
  },
];

const challenge = (id: string, points = 10) => ({ id, title: `Challenge ${id}`, points, goal: { kind: "orders", target: 2 } });

describe.each(adapters)("the program API against hostile merchants' input ($name)", (adapter) => {
  let app: TestApp;
  let opened: Awaited<ReturnType<Adapter["open"]>> | undefined;

  beforeAll(async () => {
    if (adapter.skip) return;
    opened = await adapter.open();
    app = await startTestApp(opened.storage ? { storage: opened.storage } : {});
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await opened?.close();
  });

  async function newStore() {
    const { storeId } = await app.installStore();
    return { storeId, auth: bearer(await app.adminToken(storeId)) };
  }

  const withIfMatch = (auth: ReturnType<typeof bearer>, etag: string) => ({ headers: { ...auth.headers, "If-Match": etag } });

  it.skipIf(adapter.skip)(
    "when text overrides are named like members of every object (constructor, toString), then later saves still work and the activity log records plain values",
    async () => {
      const { storeId, auth } = await newStore();
      const tricky = { en: { constructor: "Builder", toString: "Text", hasOwnProperty: "Mine" } };
      // As a string: axios would drop `constructor` from an object it serializes.
      const asJson = { headers: { ...auth.headers, "Content-Type": "application/json" } };
      expect((await app.http.put("/api/admin/program/texts", JSON.stringify(tricky), asJson)).data).toEqual(tricky);

      const replaced = await app.http.put("/api/admin/program/texts", { en: { title: "Rewards" } }, auth);
      expect(replaced.status).toBe(200);
      expect(replaced.data).toEqual({ en: { title: "Rewards" } });
      expect((await app.http.get("/api/admin/program/texts", auth)).data).toEqual({ en: { title: "Rewards" } });
      const audit = await app.container.storage.read(storeId, (tx) => tx.audit.list(storeId, { limit: 1, offset: 0 }));
      const changes = [
        { path: ["texts", "en", "constructor"], before: "Builder" },
        { path: ["texts", "en", "toString"], before: "Text" },
        { path: ["texts", "en", "hasOwnProperty"], before: "Mine" },
        { path: ["texts", "en", "title"], after: "Rewards" },
      ];
      // jsonb keeps keys in its own order, so the changes may come in another.
      expect(audit.items[0]?.details?.changes).toHaveLength(changes.length);
      expect(audit.items[0]?.details?.changes).toEqual(expect.arrayContaining(changes));
    },
  );

  it.skipIf(adapter.skip)("when a body holds a __proto__ key where any key is allowed (texts, translations), then it is refused at its path and nothing is saved", async () => {
    const { storeId, auth } = await newStore();
    const asJson = { headers: { ...auth.headers, "Content-Type": "application/json" } };
    const before = await app.http.get("/api/admin/settings", auth);
    const refusals = [
      { path: "/api/admin/program/texts", method: "put", body: '{"en":{"__proto__":"Hi","title":"Rewards"}}', at: ["en", "__proto__"] },
      { path: "/api/admin/program/texts", method: "put", body: '{"__proto__":{"title":"Rewards"}}', at: ["__proto__"] },
      {
        path: "/api/admin/program/challenges",
        method: "post",
        body: '{"id":"ch_p","title":"T","points":1,"goal":{"kind":"orders","target":1},"i18n":{"__proto__":{"nl":{"title":"Lente"}}}}',
        at: ["i18n", "__proto__"],
      },
      { path: "/api/admin/settings", method: "put", body: JSON.stringify(before.data).replace('"texts":{}', '"texts":{"nl":{"__proto__":"x"}}'), at: ["texts", "nl", "__proto__"] },
    ] as const;
    for (const { path, method, body, at } of refusals) {
      const response = await app.http.request({ url: path, method, data: body, ...asJson });
      expect(response.status, body).toBe(400);
      expect(response.data.issues).toContainEqual({ path: at, code: "unknown_field", message: "is not a field this API knows" });
    }
    expect((await app.http.get("/api/admin/settings", auth)).data).toEqual(before.data);
    const audit = await app.container.storage.read(storeId, (tx) => tx.audit.list(storeId, { limit: 1, offset: 0 }));
    expect(audit.total).toBe(0);
  });

  it.skipIf(adapter.skip)("when a __proto__ key hides under thousands of nested lists, then the refusal names its whole path and nothing breaks", async () => {
    const { auth } = await newStore();
    const depth = 20_000;
    const body = `{"en":${"[".repeat(depth)}{"__proto__":1}${"]".repeat(depth)}}`;
    const response = await app.http.put("/api/admin/program/texts", body, { headers: { ...auth.headers, "Content-Type": "application/json" } });
    expect(response.status).toBe(400);
    expect(response.data.issues).toContainEqual({ path: ["en", ...Array(depth).fill(0), "__proto__"], code: "unknown_field", message: "is not a field this API knows" });
  });

  it.skipIf(adapter.skip)("when a merchant names another store's member, measurement or item by its real id, then nothing of it is read or changed", async () => {
    const attacker = await newStore();
    const victim = await newStore();
    const order = app.emulator.putOrder(victim.storeId, { email: "ana@example.com", subtotal: 40, total: 40, paymentStatus: "PAID" });
    expect((await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(victim.storeId, order.id, "order.created") })).status).toBe(200);
    await app.worker.drain();
    expect((await app.http.post("/api/admin/program/challenges", challenge("ch_victim"), victim.auth)).status).toBe(201);
    const [measurement] = (await app.http.get("/api/admin/program/measurements", victim.auth)).data.items;
    const member = (await app.http.get("/api/admin/members?email=ana@example.com", victim.auth)).data.items[0];
    expect(measurement?.id).toBeDefined();
    expect(member?.id).toBeDefined();
    const before = {
      settings: (await app.http.get("/api/admin/settings", victim.auth)).data,
      ledger: (await app.http.get(`/api/admin/members/${member.id}/ledger`, victim.auth)).data,
    };

    const attempts = [
      app.http.get(`/api/admin/members/${member.id}/ledger`, attacker.auth),
      app.http.post(`/api/admin/members/${member.id}/adjustments`, { points: 1000, reason: "Stolen goodwill" }, attacker.auth),
      app.http.get(`/api/admin/program/measurements/${measurement.id}`, attacker.auth),
      app.http.get("/api/admin/program/challenges/ch_victim", attacker.auth),
      app.http.put("/api/admin/program/challenges/ch_victim", challenge("ch_victim", 999), attacker.auth),
      app.http.delete("/api/admin/program/challenges/ch_victim", attacker.auth),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(404);
      expect(JSON.stringify(response.data)).not.toContain("ana@example.com");
    }
    expect({
      settings: (await app.http.get("/api/admin/settings", victim.auth)).data,
      ledger: (await app.http.get(`/api/admin/members/${member.id}/ledger`, victim.auth)).data,
    }).toEqual(before);
  });

  it.skipIf(adapter.skip)("when 20 imports of past orders are started at once, then no two are left running together", async () => {
    const { auth } = await newStore();
    const starts = await Promise.all(Array.from({ length: 20 }, () => app.http.post("/api/admin/backfills", { from: "2026-01-01", to: "2026-01-31" }, auth)));
    expect(starts.every((response) => response.status === 202 || response.status === 409)).toBe(true);
    // A start may still take over an import whose first page is not queued yet, stopping it; never run beside it.
    const jobs: { status: string }[] = (await app.http.get("/api/admin/backfills", auth)).data.items;
    expect(jobs.filter((job) => job.status === "running")).toHaveLength(1);
  });

  it.skipIf(adapter.skip)("when 20 adjustments with one Idempotency-Key race, then the member gains the points once", async () => {
    const { storeId, auth } = await newStore();
    const order = app.emulator.putOrder(storeId, { email: "bo@example.com", subtotal: 10, total: 10, paymentStatus: "PAID" });
    expect((await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(storeId, order.id, "order.created") })).status).toBe(200);
    await app.worker.drain();
    const member = (await app.http.get("/api/admin/members?email=bo@example.com", auth)).data.items[0];
    const keyed = { headers: { ...auth.headers, "Idempotency-Key": "race-1" } };
    const body = { points: 7, reason: "Goodwill", visibleToShopper: true };
    const responses = await Promise.all(Array.from({ length: 20 }, () => app.http.post(`/api/admin/members/${member.id}/adjustments`, body, keyed)));
    expect(responses.every((response) => response.status < 300)).toBe(true);
    const ledger = (await app.http.get(`/api/admin/members/${member.id}/ledger`, auth)).data;
    expect(ledger.items.filter((entry: { kind: string }) => entry.kind === "adjust")).toHaveLength(1);
    expect(await app.container.storage.read(storeId, (tx) => tx.ledger.balance(storeId, member.id))).toBe(member.balance + 7);
  });

  it.skipIf(adapter.skip)("when a merchant saves challenge after challenge before any is measured, then one measurement covers them all and pays each once", async () => {
    const { storeId, auth } = await newStore();
    const order = app.emulator.putOrder(storeId, { email: "cy@example.com", subtotal: 10, total: 10, paymentStatus: "PAID" });
    expect((await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(storeId, order.id, "order.created") })).status).toBe(200);
    await app.worker.drain();
    const oneOrder = (id: string) => ({ ...challenge(id), goal: { kind: "orders", target: 1 } });
    for (let i = 0; i < 20; i++) expect((await app.http.post("/api/admin/program/challenges", oneOrder(`ch_in_row${i}`), auth)).status).toBe(201);

    const [measurement, ...more] = (await app.http.get("/api/admin/program/measurements", auth)).data.items;
    expect(more).toEqual([]);
    expect([...measurement.challengeIds].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `ch_in_row${i}`).sort());
    await app.worker.drain();
    expect((await app.http.get(`/api/admin/program/measurements/${measurement.id}`, auth)).data).toMatchObject({ status: "done", paidMembers: 1, paidPoints: 200 });
  });

  it.skipIf(adapter.skip)("when 20 challenges are created at once, then every one is kept under its own id and the list's versions match the items", async () => {
    const { auth } = await newStore();
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) => app.http.post("/api/admin/program/challenges", { ...challenge("ch_x"), id: undefined, title: `Race ${i}` }, auth)),
    );
    expect(created.map((response) => response.status)).toEqual(Array(20).fill(201));
    const list = await app.http.get("/api/admin/program/challenges", auth);
    const ids = list.data.items.map((item: { id: string }) => item.id);
    expect(new Set(ids).size).toBe(20);
    expect(ids.sort()).toEqual(created.map((response) => response.data.id).sort());
    for (const response of created) expect(list.data.versions[response.data.id]).toBe(response.headers.etag);
  });

  it.skipIf(adapter.skip)(
    "when 20 writers update one challenge at once with the version they read, then exactly one wins and the others get 412 with the winner's item",
    async () => {
      const { auth } = await newStore();
      const read = await app.http.post("/api/admin/program/challenges", challenge("ch_race"), auth);
      const updates = await Promise.all(
        Array.from({ length: 20 }, (_, i) => app.http.put("/api/admin/program/challenges/ch_race", challenge("ch_race", 100 + i), withIfMatch(auth, read.headers.etag))),
      );
      const winners = updates.filter((response) => response.status === 200);
      expect(winners).toHaveLength(1);
      expect(updates.filter((response) => response.status === 412)).toHaveLength(19);
      const now = await app.http.get("/api/admin/program/challenges/ch_race", auth);
      expect(now.data).toEqual(winners[0]!.data);
      expect(now.headers.etag).toBe(winners[0]!.headers.etag);
      for (const lost of updates.filter((response) => response.status === 412)) expect(lost.data.current).toEqual(now.data);
    },
  );

  it.skipIf(adapter.skip)("when 20 challenges are deleted at once while 20 more are created, then exactly the deleted are gone and every created one is kept", async () => {
    const { auth } = await newStore();
    for (let i = 0; i < 20; i++) expect((await app.http.post("/api/admin/program/challenges", challenge(`ch_old${i}`), auth)).status).toBe(201);
    const results = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => app.http.delete(`/api/admin/program/challenges/ch_old${i}`, auth)),
      ...Array.from({ length: 20 }, (_, i) => app.http.post("/api/admin/program/challenges", challenge(`ch_new${i}`), auth)),
    ]);
    expect(results.map((response) => response.status)).toEqual([...Array(20).fill(204), ...Array(20).fill(201)]);
    const ids = (await app.http.get("/api/admin/program/challenges", auth)).data.items.map((item: { id: string }) => item.id);
    expect(ids.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `ch_new${i}`).sort());
  });
});
