import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { createTestDatabase, postgresSkipReason, type TestDatabase } from "../support/postgres.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

const postgresSkip = await postgresSkipReason("CSV export tests on PostgreSQL");
const adapters = [
  { name: "lowdb", skip: false },
  { name: "PostgreSQL", skip: postgresSkip !== null },
];

const rowsOf = (csv: string): Record<string, string>[] => parse(csv, { columns: true });

describe.each(adapters)("CSV exports on $name", ({ name, skip }) => {
  let app: TestApp;
  let database: TestDatabase | undefined;
  let storeId: number;
  let otherStoreId: number;
  let token: string;

  const storage = (): Promise<Storage | undefined> =>
    name === "lowdb"
      ? Promise.resolve(undefined)
      : createTestDatabase("csv_export").then(async (created) => ((database = created), createPostgresStorage({ databaseUrl: created.url })));

  const paidOrder = async (store: number, email: string, total: number) => {
    const order = app.emulator.putOrder(store, { email, subtotal: total, total, paymentStatus: "PAID" });
    expect((await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(store, order.id, "order.created") })).status).toBe(200);
  };
  const memberIdOf = async (email: string) => (await app.http.get("/api/admin/members", { ...bearer(token), params: { email } })).data.items[0].id as string;
  const adjust = (memberId: string, points: number, reason: string) =>
    app.http.post(`/api/admin/members/${memberId}/adjustments`, { points, reason }, bearer(token)).then((response) => expect(response.status).toBe(201));

  beforeEach(async () => {
    if (skip) return;
    const chosen = await storage();
    app = await startTestApp(chosen ? { storage: chosen } : {});
    ({ storeId } = await app.installStore({ currency: "USD", currencyPrecision: 2 }));
    ({ storeId: otherStoreId } = await app.installStore({ currency: "EUR", currencyPrecision: 2 }));
    token = await app.adminToken(storeId);
    await paidOrder(storeId, "ana@example.com", 50.25);
    await paidOrder(storeId, "ben@example.com", 12);
    await paidOrder(otherStoreId, "stranger@example.com", 99);
    await app.worker.drain();
    await adjust(await memberIdOf("ana@example.com"), -5, '=HYPERLINK("http://evil.example")');
    await adjust(await memberIdOf("ben@example.com"), 30, 'Sorry, "late"\nparcel');
  });
  afterEach(async () => {
    if (skip) return;
    await app.close();
    await database?.drop();
  });

  it.skipIf(skip)("when the merchant downloads members.csv, then each row is a member of the store as stored, balances equal to their ledger sums", async () => {
    const response = await app.http.get("/api/admin/export/members.csv", { ...bearer(token), responseType: "text" });

    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers["content-disposition"]).toBe(`attachment; filename="questline-members-${storeId}-${new Date().toISOString().slice(0, 10)}.csv"`);
    const rows = rowsOf(response.data);
    const stored = await app.container.storage.read(storeId, async (tx) => {
      const { items } = await tx.members.list(storeId, { limit: 100, offset: 0 });
      return Promise.all(items.map(async (member) => ({ member, sum: await tx.ledger.sumEntries(storeId, member.id) })));
    });
    expect(rows).toEqual(
      stored.map(({ member, sum }) => ({
        member_id: member.id,
        email: member.email,
        customer_id: member.customerId === null ? "" : String(member.customerId),
        balance_points: String(sum),
        tier: "",
        lifetime_spend: (member.stats.lifetimeSpendMinor / 100).toFixed(2),
        lifetime_spend_minor: String(member.stats.lifetimeSpendMinor),
        currency: "USD",
        paid_orders: String(member.stats.paidOrders),
        first_order_at: member.stats.firstOrderAt ?? "",
        last_order_at: member.stats.lastOrderAt ?? "",
        created_at: member.createdAt,
        language: member.lang ?? "",
        unsubscribed_at: member.unsubscribedAt ?? "",
      })),
    );
    expect(rows.map((row) => [row.email, row.balance_points, row.lifetime_spend, row.paid_orders])).toEqual([
      ["ana@example.com", "45", "50.25", "1"],
      ["ben@example.com", "42", "12.00", "1"],
    ]);
  });

  it.skipIf(skip)(
    "when the merchant downloads ledger.csv, then every entry of the store is a row, a formula is escaped and a note's comma, quote and newline survive",
    async () => {
      const response = await app.http.get("/api/admin/export/ledger.csv", { ...bearer(token), responseType: "text" });

      expect(response.status).toBe(200);
      expect(response.headers["content-disposition"]).toMatch(new RegExp(`^attachment; filename="questline-ledger-${storeId}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
      const rows = rowsOf(response.data);
      const entries = await app.container.storage.read(storeId, (tx) => tx.ledger.pageInAppendOrder(storeId, 0, 100));
      const emails = new Map([
        [await memberIdOf("ana@example.com"), "ana@example.com"],
        [await memberIdOf("ben@example.com"), "ben@example.com"],
      ]);
      expect(rows).toEqual(
        entries.items.map((entry) => ({
          entry_id: entry.id,
          member_id: entry.memberId,
          email: emails.get(entry.memberId),
          kind: entry.kind,
          points: String(entry.delta),
          source_type: entry.source.type,
          source_id: entry.source.id,
          created_at: entry.createdAt,
          actor: entry.actor,
          note: entry.note.startsWith("=") ? `'${entry.note}` : entry.note,
        })),
      );
      expect(rows.map((row) => [row.email, row.kind, row.points, row.note])).toEqual([
        ["ana@example.com", "earn_order", "50", expect.any(String)],
        ["ben@example.com", "earn_order", "12", expect.any(String)],
        ["ana@example.com", "adjust", "-5", '\'=HYPERLINK("http://evil.example")'],
        ["ben@example.com", "adjust", "30", 'Sorry, "late"\nparcel'],
      ]);
      const sums = new Map<string, number>();
      for (const row of rows) sums.set(row.member_id!, (sums.get(row.member_id!) ?? 0) + Number(row.points));
      expect([...sums.values()]).toEqual([45, 42]);
    },
  );

  it.skipIf(skip)("when another store's merchant exports, then only that store's rows come, and without a token both exports are 401", async () => {
    const other = await app.adminToken(otherStoreId);

    const members = rowsOf((await app.http.get("/api/admin/export/members.csv", { ...bearer(other), responseType: "text" })).data);
    const ledger = rowsOf((await app.http.get("/api/admin/export/ledger.csv", { ...bearer(other), responseType: "text" })).data);

    expect(members.map((row) => row.email)).toEqual(["stranger@example.com"]);
    expect(ledger.map((row) => [row.email, row.points])).toEqual([["stranger@example.com", "99"]]);
    for (const file of ["members.csv", "ledger.csv"]) {
      const refused = await app.http.get(`/api/admin/export/${file}`);
      expect(refused.status).toBe(401);
      expect(refused.data.code).toBeTypeOf("string");
    }
  });
});
