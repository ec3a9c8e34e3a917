import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { createTestDatabase, postgresSkipReason, type TestDatabase } from "../support/postgres.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

const postgresSkip = await postgresSkipReason("CSV import tests on PostgreSQL");
const adapters = [
  { name: "lowdb", skip: false },
  { name: "PostgreSQL", skip: postgresSkip !== null },
];

describe.each(adapters)("CSV import of starting balances on $name", ({ name, skip }) => {
  let app: TestApp;
  let database: TestDatabase | undefined;
  let storeId: number;
  let freshStoreId: number;
  let token: string;
  let freshToken: string;

  const storage = (): Promise<Storage | undefined> =>
    name === "lowdb"
      ? Promise.resolve(undefined)
      : createTestDatabase("csv_import").then(async (created) => ((database = created), createPostgresStorage({ databaseUrl: created.url })));

  const paidOrder = async (email: string, total: number) => {
    const order = app.emulator.putOrder(storeId, { email, subtotal: total, total, paymentStatus: "PAID" });
    expect((await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(storeId, order.id, "order.created") })).status).toBe(200);
  };
  const send = (csv: string | Buffer, as: string, query = "", contentType = "text/csv") =>
    app.http.post(`/api/admin/import/members${query}`, csv, { headers: { ...bearer(as).headers, "Content-Type": contentType }, transformRequest: (body: unknown) => body });
  /** Every member of the store by email, with the cached balance and the sum of their entries. */
  const books = (store: number) =>
    app.container.storage.read(store, async (tx) => {
      const { items } = await tx.members.list(store, { limit: 100, offset: 0 });
      const entries = await tx.ledger.pageInAppendOrder(store, 0, 1000);
      const members = await Promise.all(
        items.map(
          async (member) =>
            [member.email, { balance: member.balance, sum: await tx.ledger.sumEntries(store, member.id), customerId: member.customerId, lang: member.lang }] as const,
        ),
      );
      return { members: Object.fromEntries(members), entries: entries.items.length, audit: (await tx.audit.list(store, { limit: 100, offset: 0 })).total };
    });

  beforeEach(async () => {
    if (skip) return;
    const chosen = await storage();
    app = await startTestApp(chosen ? { storage: chosen } : {});
    ({ storeId } = await app.installStore({ currency: "USD", currencyPrecision: 2 }));
    ({ storeId: freshStoreId } = await app.installStore({ currency: "USD", currencyPrecision: 2 }));
    token = await app.adminToken(storeId);
    freshToken = await app.adminToken(freshStoreId);
  });
  afterEach(async () => {
    if (skip) return;
    await app.close();
    await database?.drop();
  });

  it.skipIf(skip)("when a store's members.csv is imported into a fresh store, then every member has the same balance, customer id and language", async () => {
    await paidOrder("ana@example.com", 50.25);
    await paidOrder("ben@example.com", 12);
    await app.worker.drain();
    const ben = (await app.http.get("/api/admin/members", { ...bearer(token), params: { email: "ben@example.com" } })).data.items[0].id as string;
    expect((await app.http.post(`/api/admin/members/${ben}/adjustments`, { points: 30, reason: "Late parcel" }, bearer(token))).status).toBe(201);
    const exported = (await app.http.get("/api/admin/export/members.csv", { ...bearer(token), responseType: "text" })).data as string;

    const dry = await send(exported, freshToken, "?dryRun=1");
    const imported = await send(exported, freshToken);

    expect(dry.status).toBe(200);
    expect(dry.data).toMatchObject({ dryRun: true, applied: false, rows: 2, created: 2, changed: 0, pointsAdded: 92, rejected: [] });
    expect(dry.data.columns.read).toEqual(["member_id", "email", "customer_id", "balance_points", "language"]);
    expect(dry.data.columns.ignored).toContain("lifetime_spend_minor");
    expect(imported.status).toBe(200);
    expect(imported.data).toMatchObject({ dryRun: false, applied: true, rows: 2, created: 2, pointsAdded: 92, rejected: [] });
    const original = await books(storeId);
    const copy = await books(freshStoreId);
    expect(Object.keys(copy.members).sort()).toEqual(["ana@example.com", "ben@example.com"]);
    for (const email of ["ana@example.com", "ben@example.com"]) {
      expect(copy.members[email]).toEqual(original.members[email]);
    }
    expect(copy.members["ben@example.com"]).toMatchObject({ balance: 42, sum: 42 });
    expect(copy.audit).toBe(1);
  });

  it.skipIf(skip)("when an exported email starts with - or +, then the import into a fresh store reads it without the quote the export put before it", async () => {
    await paidOrder("-dash@example.com", 20);
    await paidOrder("+plus@example.com", 30);
    await app.worker.drain();
    const exported = (await app.http.get("/api/admin/export/members.csv", { ...bearer(token), responseType: "text" })).data as string;
    expect(exported).toContain("'-dash@example.com");

    const imported = await send(exported, freshToken);

    expect(imported.data).toMatchObject({ applied: true, created: 2, rejected: [] });
    const copy = await books(freshStoreId);
    expect(Object.keys(copy.members).sort()).toEqual(["+plus@example.com", "-dash@example.com"]);
    expect(copy.members).toEqual((await books(storeId)).members);
  });

  it.skipIf(skip)("when a row gives a negative starting balance or names a member by customer id alone, then it is imported as written", async () => {
    const csv = "email,points,customer_id\nowes@example.com,-25,\n,40,4242\nnobody@example.com,5,\n";

    const imported = await send(csv, freshToken);

    expect(imported.data).toMatchObject({ applied: true, created: 3, pointsAdded: 45, pointsRemoved: 25, rejected: [] });
    const copy = await books(freshStoreId);
    expect(copy.members["owes@example.com"]).toMatchObject({ balance: -25, sum: -25 });
    expect(copy.members["null"]).toMatchObject({ balance: 40, sum: 40, customerId: 4242 });
    expect((await send(csv, freshToken)).data).toMatchObject({ applied: true, created: 0, unchanged: 3, pointsAdded: 0, pointsRemoved: 0 });
    expect(await books(freshStoreId)).toEqual(copy);
  });

  it.skipIf(skip)("when an endpoint listens for member.points_changed, then an import records one event per imported balance, with the member and balance", async () => {
    const at = new Date().toISOString();
    const endpoint = {
      id: "whe_import",
      storeId: freshStoreId,
      url: "https://hooks.example.com/points",
      description: "",
      events: ["member.points_changed" as const],
      enabled: true,
    };
    await app.container.storage.transaction(freshStoreId, (tx) =>
      tx.webhooks.saveEndpoint(freshStoreId, { ...endpoint, sealedSecret: "sealed", failingSince: null, disabledReason: null, createdAt: at, updatedAt: at }),
    );

    expect((await send("email,points\nana@example.com,10\nben@example.com,0\ncy@example.com,-4\n", freshToken)).data).toMatchObject({ applied: true, created: 3 });

    const deliveries = await app.container.storage.read(freshStoreId, (tx) => tx.webhooks.listDeliveries(freshStoreId, endpoint.id, 100));
    const events = deliveries.map((delivery) => JSON.parse(delivery.body) as { type: string; data: { member: { email: string }; delta: number; balance: number } });
    expect(events.map(({ type, data }) => [type, data.member.email, data.delta, data.balance]).sort()).toEqual([
      ["member.points_changed", "ana@example.com", 10, 10],
      ["member.points_changed", "cy@example.com", -4, -4],
    ]);
  });

  it.skipIf(skip)("when a store's own members.csv is imported into that store, then the whole file is refused and no balance changes", async () => {
    await paidOrder("ana@example.com", 20);
    await app.worker.drain();
    const exported = (await app.http.get("/api/admin/export/members.csv", { ...bearer(token), responseType: "text" })).data as string;
    const before = await books(storeId);
    const ana = before.members["ana@example.com"]!;
    expect(ana.balance).toBeGreaterThan(0);

    const answers = [await send(exported, token, "?dryRun=1"), await send(exported, token)];

    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.data).toMatchObject({ code: "bad_request", message: expect.stringContaining("this store's own export") });
      expect(answer.data.message).toContain("would add their balances again");
    }
    expect(await books(storeId)).toEqual(before);
  });

  it.skipIf(skip)("when a file has two bad rows, then both are reported with their line and reason and nothing is applied", async () => {
    const csv = "email,points\nana@example.com,10\nnot-an-email,5\n\nben@example.com,3.5\ncy@example.com,7\n";

    const refused = await send(csv, freshToken);
    const dry = await send(csv, freshToken, "?dryRun=1");

    expect(refused.status).toBe(422);
    expect(refused.data).toMatchObject({ code: "import_rejected", applied: false, rows: 4 });
    expect(refused.data.rejected).toEqual([
      { line: 3, email: "not-an-email", reason: '"not-an-email" is not an email address' },
      { line: 5, email: "ben@example.com", reason: 'The points "3.5" are not a whole number' },
    ]);
    expect(dry.status).toBe(200);
    expect(dry.data.rejected).toEqual(refused.data.rejected);
    expect(await books(freshStoreId)).toEqual({ members: {}, entries: 0, audit: 0 });
  });

  it.skipIf(skip)("when the same file is imported again, then nothing changes; a corrected file posts only the difference", async () => {
    const first = "\uFEFFEmail,Points\r\nAna@Example.com,100\r\nben@example.com,40\r\n";
    expect((await send(first, freshToken)).data).toMatchObject({ applied: true, created: 2, pointsAdded: 140 });
    const before = await books(freshStoreId);

    const again = await send(first, freshToken);
    expect(again.status).toBe(200);
    expect(again.data).toMatchObject({ applied: true, created: 0, changed: 0, unchanged: 2, pointsAdded: 0, pointsRemoved: 0 });
    expect(await books(freshStoreId)).toEqual(before);

    const corrected = await send("email,points\nana@example.com,60\nben@example.com,40\n", freshToken);
    expect(corrected.data).toMatchObject({ applied: true, changed: 1, unchanged: 1, pointsRemoved: 40 });
    const after = await books(freshStoreId);
    expect(after.members["ana@example.com"]).toMatchObject({ balance: 60, sum: 60 });
    expect(after.entries).toBe(before.entries + 1);
  });

  it.skipIf(skip)("when rows clash with each other or the store, then each is refused with its reason", async () => {
    await paidOrder("ana@example.com", 5);
    await app.worker.drain();
    const ana = (await app.http.get("/api/admin/members", { ...bearer(token), params: { email: "ana@example.com" } })).data.items[0];
    const csv = [
      "email,points,customer_id,language,notes",
      "dup@example.com,1,,,",
      "DUP@example.com,2,,,",
      `new@example.com,3,${String(ana.customerId ?? 999)},,`,
      "ana@example.com,20000000,,,",
      "lang@example.com,4,,fr,",
      "short@example.com,4",
      "ok@example.com,5,,nl,hello",
    ].join("\n");

    const report = await send(csv, token, "?dryRun=true");

    expect(report.status).toBe(200);
    expect(report.data.columns.ignored).toEqual(["notes"]);
    expect(report.data.rejected.map((row: { line: number; reason: string }) => [row.line, row.reason])).toEqual([
      [3, "The email is on line 2 too"],
      ...(ana.customerId === null ? [] : [[4, `Customer id ${String(ana.customerId)} belongs to another member (ana@example.com)`]]),
      [5, "The points 20000000 are beyond what a row may give, -10000000 to 10000000"],
      [6, 'The language "fr" is not one of en, nl, de, nb'],
      [7, "The row has 2 fields; the header has 5"],
    ]);
  });

  it.skipIf(skip)("when the body is not a readable CSV, then the answer is a clear 4xx and nothing is stored", async () => {
    const cases: [string | Buffer, string, number, string][] = [
      ['{"email":"a@b.c"}', "application/json", 415, "unsupported_media_type"],
      [Buffer.from([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x0a, 0xff, 0xfe]), "text/csv", 400, "bad_request"],
      [Buffer.from("\xff\xfee\0m\0", "latin1"), "text/csv", 400, "bad_request"],
      ['email,points\n"ana@example.com,1\n', "text/csv", 400, "bad_request"],
      ["", "text/csv", 400, "bad_request"],
      ["points\n1\n", "text/csv", 400, "bad_request"],
      ["email,email,points\n", "text/csv", 400, "bad_request"],
      [`email,points\n${"x".repeat(5 * 1024 * 1024)}`, "text/csv", 413, "too_large"],
    ];
    for (const [body, type, status, code] of cases) {
      const answer = await send(body, freshToken, "", type);
      expect([answer.status, answer.data.code]).toEqual([status, code]);
      expect(answer.data.message).toBeTypeOf("string");
    }
    expect(await books(freshStoreId)).toEqual({ members: {}, entries: 0, audit: 0 });
  });
});
