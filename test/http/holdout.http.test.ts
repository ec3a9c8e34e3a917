import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { createTestDatabase, postgresSkipReason, type TestDatabase } from "../support/postgres.js";
import { saveProgram } from "../support/program-save.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

const postgresSkip = await postgresSkipReason("holdout tests on PostgreSQL");
const adapters = [
  { name: "lowdb", skip: false },
  { name: "PostgreSQL", skip: postgresSkip !== null },
];
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Twenty shoppers: every third orders twice; amounts in dollars. */
const SHOPPERS = Array.from({ length: 20 }, (_, i) => ({ email: `shopper${i}@example.com`, orders: i % 3 === 0 ? [20 + i, 5] : [10 + i] }));

describe.each(adapters)("a 50% holdout on $name", ({ name, skip }) => {
  let app: TestApp;
  let database: TestDatabase | undefined;
  let storeId: number;

  const storage = (): Promise<Storage | undefined> =>
    name === "lowdb"
      ? Promise.resolve(undefined)
      : createTestDatabase("holdout").then(async (created) => ((database = created), createPostgresStorage({ databaseUrl: created.url })));

  beforeEach(async () => {
    if (skip) return;
    const chosen = await storage();
    app = await startTestApp(chosen ? { storage: chosen } : {});
    ({ storeId } = await app.installStore({ currency: "USD", currencyPrecision: 2 }));
    await saveProgram(app, storeId, {
      earning: { points: 1, perAmountMinor: 100, minOrderMinor: 0, countedStatuses: ["PAID"] },
      holdout: { percent: 50, from: day(-1), until: day(89) },
    });
  });
  afterEach(async () => {
    if (skip) return;
    await app.close();
    await database?.drop();
  });

  it.skipIf(skip)(
    "when new shoppers' paid orders arrive as signed webhooks, then held-out members earn nothing, their widget says so, and the comparison equals the sums by hand",
    async () => {
      for (const shopper of SHOPPERS) {
        for (const total of shopper.orders) {
          const order = app.emulator.putOrder(storeId, { email: shopper.email, subtotal: total, total, paymentStatus: "PAID" });
          expect((await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(storeId, order.id, "order.created") })).status).toBe(200);
        }
      }
      await app.worker.drain();
      const members = await app.container.storage.read(storeId, (tx) => tx.members.list(storeId, { limit: 100, offset: 0 }));
      const heldEmails = new Set(members.items.filter((member) => member.holdout?.held).map((member) => member.email));
      expect(members.items.every((member) => member.holdout !== null && member.holdout.until === new Date(Date.parse(`${day(89)}T00:00:00Z`) + 86_400_000).toISOString())).toBe(
        true,
      );
      expect(heldEmails.size).toBeGreaterThan(0);
      expect(heldEmails.size).toBeLessThan(SHOPPERS.length);

      const byHand = (held: boolean) => {
        const side = SHOPPERS.filter((shopper) => heldEmails.has(shopper.email) === held);
        const spend = side.reduce((sum, shopper) => sum + shopper.orders.reduce((a, b) => a + b, 0) * 100, 0);
        const repeat = side.filter((shopper) => shopper.orders.length >= 2).length;
        return { members: side.length, repeatBuyers: repeat, repeatRate: repeat / side.length, averageSpendMinor: Math.round(spend / side.length) };
      };
      const insights = await app.http.get("/api/admin/insights/holdout", bearer(await app.adminToken(storeId)));
      expect(insights.status).toBe(200);
      expect(insights.data).toEqual({ period: { percent: 50, from: day(-1), until: day(89) }, program: byHand(false), holdout: byHand(true), smallSample: true });

      for (const member of members.items) {
        const earned = member.balance;
        const spent = SHOPPERS.find((shopper) => shopper.email === member.email)!.orders.reduce((a, b) => a + b, 0);
        expect([member.email, earned]).toEqual([member.email, heldEmails.has(member.email) ? 0 : spent]);
        expect(member.stats.paidOrders).toBe(SHOPPERS.find((shopper) => shopper.email === member.email)!.orders.length);
      }

      const meOf = async (email: string) => {
        await app.http.post(`/api/storefront/${storeId}/session/start`, { email });
        const { token } = (await app.http.post(`/api/storefront/${storeId}/session/verify`, { email, code: app.mail.codeFor(email) })).data as { token: string };
        return (await app.http.get(`/api/storefront/${storeId}/me`, bearer(token))).data;
      };
      const held = [...heldEmails][0]!;
      const inProgram = SHOPPERS.find((shopper) => !heldEmails.has(shopper.email))!.email;
      expect((await meOf(held)).member).toMatchObject({ heldOut: true, balance: 0 });
      expect((await meOf(inProgram)).member).toMatchObject({ heldOut: false });
    },
    60_000,
  );

  it.skipIf(skip)(
    "when held-out and included members join by signing in, then only the included earn from join, survey and birthday challenges; the held-out are told why",
    async () => {
      const today = new Date().toISOString().slice(5, 10);
      await saveProgram(app, storeId, {
        challenges: [
          { id: "ch_join", title: "Join", points: 50, goal: { kind: "join" } },
          { id: "ch_nps", title: "Tell us", points: 20, goal: { kind: "survey" } },
          { id: "ch_bday", title: "Birthday", points: 25, goal: { kind: "birthday", yearlyPoints: 100 } },
        ],
      });
      const sessions = new Map<string, ReturnType<typeof bearer>>();
      for (const shopper of SHOPPERS.slice(0, 10)) {
        await app.http.post(`/api/storefront/${storeId}/session/start`, { email: shopper.email });
        const verified = await app.http.post(`/api/storefront/${storeId}/session/verify`, { email: shopper.email, code: app.mail.codeFor(shopper.email) });
        sessions.set(shopper.email, bearer((verified.data as { token: string }).token));
      }
      const members = (await app.container.storage.read(storeId, (tx) => tx.members.list(storeId, { limit: 100, offset: 0 }))).items;
      const held = members.find((member) => member.holdout?.held)!;
      const included = members.find((member) => member.holdout !== null && !member.holdout.held)!;
      expect([held, included].every(Boolean)).toBe(true);
      const api = (path: string) => `/api/storefront/${storeId}${path}`;

      const survey = async (email: string) => app.http.post(api("/challenges/ch_nps/complete"), { answer: { score: 9 } }, sessions.get(email!));
      const heldSurvey = await survey(held.email!);
      expect([heldSurvey.status, heldSurvey.data.code, heldSurvey.data.reason]).toEqual([409, "not_available", "held_out"]);
      expect((await survey(included.email!)).status).toBe(200);
      for (const member of [held, included]) expect((await app.http.put(api("/me/birthday"), { birthday: today }, sessions.get(member.email!))).status).toBe(200);
      const paid = await app.container.birthdays.payStore(storeId);

      const balanceOf = async (id: string) => (await app.container.storage.read(storeId, (tx) => tx.members.get(storeId, id)))!.balance;
      expect(await balanceOf(held.id)).toBe(0);
      expect(await balanceOf(included.id)).toBe(50 + 20 + 100);
      expect(paid).toEqual({ members: 1, points: 100 });
    },
    60_000,
  );

  it.skipIf(skip)("when the holdout is set beyond 50% or without its dates, then it is refused beside the field and nothing is saved", async () => {
    const admin = bearer(await app.adminToken(storeId));
    const current = (await app.http.get("/api/admin/settings", admin)).data;

    const tooMany = await app.http.put("/api/admin/settings", { ...current, holdout: { percent: 51, from: day(0), until: day(10) } }, admin);
    const undated = await app.http.put("/api/admin/settings", { ...current, holdout: { percent: 10, from: day(0), until: null } }, admin);
    const backwards = await app.http.put("/api/admin/settings", { ...current, holdout: { percent: 10, from: day(5), until: day(1) } }, admin);

    expect([tooMany.status, undated.status, backwards.status]).toEqual([400, 400, 400]);
    expect(tooMany.data.issues).toEqual([expect.objectContaining({ path: ["holdout", "percent"], code: "too_big" })]);
    expect(undated.data.issues).toEqual([expect.objectContaining({ path: ["holdout", "until"], code: "required" })]);
    expect(backwards.data.issues).toEqual([expect.objectContaining({ path: ["holdout", "until"], code: "too_small" })]);
    expect((await app.http.get("/api/admin/settings", admin)).data.holdout).toEqual({ percent: 50, from: day(-1), until: day(89) });
  });
});
