import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { createTestDatabase, postgresSkipReason, type TestDatabase } from "../support/postgres.js";
import { saveProgram } from "../support/program-save.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";
import { yearOfOrders } from "../support/year-of-orders.js";

const postgresSkip = await postgresSkipReason("cost simulator tests on PostgreSQL");
const adapters = [
  { name: "lowdb", skip: false },
  { name: "PostgreSQL", skip: postgresSkip !== null },
];

/** The proposal: 3 points per $2 on orders of $5 or more, Silver (1.5x) from $150 and Gold (2x) from $400 over 12 rolling months, $5 off for 400 points. */
const PROPOSAL = {
  earning: { points: 3, perAmountMinor: 200, minOrderMinor: 500, countedStatuses: ["PAID"] },
  tierRules: { metric: "spend", window: "rolling_12_months", graceDays: 0 },
  tiers: [
    { id: "tr_silver", name: "Silver", threshold: 15_000, multiplierPercent: 150 },
    { id: "tr_gold", name: "Gold", threshold: 40_000, multiplierPercent: 200 },
  ],
  rewards: [
    { id: "rw_five", kind: "amount_off", name: "$5 off", costPoints: 400, amountMinor: 500 },
    { id: "rw_ship", kind: "free_shipping", name: "Free shipping", costPoints: 100 },
  ],
};

describe.each(adapters)("the cost simulator on $name", ({ name, skip }) => {
  let app: TestApp;
  let database: TestDatabase | undefined;
  let storeId: number;
  let token: string;

  const storage = (): Promise<Storage | undefined> =>
    name === "lowdb"
      ? Promise.resolve(undefined)
      : createTestDatabase("cost_simulator").then(async (created) => ((database = created), createPostgresStorage({ databaseUrl: created.url })));

  /** Puts the year's orders in the store and, with `webhooks`, sends each one's signed event in turn, oldest first. */
  const seed = async (store: number, webhooks: boolean) => {
    for (const { init, refund } of yearOfOrders(new Date())) {
      const order = app.emulator.putOrder(store, init);
      if (refund) app.emulator.refundOrder(store, order.id, refund);
      if (!webhooks) continue;
      expect((await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(store, order.id, "order.created") })).status).toBe(200);
      await app.worker.drain();
    }
  };
  /** Points the store's ledger holds for orders, and the members holding any. */
  const orderPoints = async (store: number) => {
    const { items } = await app.container.storage.read(store, (tx) => tx.ledger.pageInAppendOrder(store, 0, 1000));
    const byMember = new Map<string, number>();
    for (const entry of items.filter((one) => one.source?.type === "order")) byMember.set(entry.memberId, (byMember.get(entry.memberId) ?? 0) + entry.delta);
    const sums = [...byMember.values()];
    return { points: sums.reduce((sum, points) => sum + points, 0), members: sums.filter((points) => points > 0).length };
  };
  const fetchOrders = async () => {
    const started = await app.http.post("/api/admin/simulations/orders", {}, bearer(token));
    expect(started.status).toBe(202);
    await app.worker.drain();
    return (await app.http.get("/api/admin/simulations/orders", bearer(token))).data.fetch;
  };

  beforeEach(async () => {
    if (skip) return;
    const chosen = await storage();
    app = await startTestApp(chosen ? { storage: chosen } : {});
    ({ storeId } = await app.installStore({ currency: "USD", currencyPrecision: 2 }));
    token = await app.adminToken(storeId);
  });
  afterEach(async () => {
    if (skip) return;
    await app.close();
    await database?.drop();
  });

  it.skipIf(skip)(
    "when a proposed program is simulated over a year of orders, then its points equal what the same orders issue as signed webhooks in a fresh store running it",
    async () => {
      await seed(storeId, true);
      const recorded = await orderPoints(storeId);
      expect((await fetchOrders()).ready).toMatchObject({ orders: 26, capped: false });

      const simulated = await app.http.post("/api/admin/simulations", PROPOSAL, bearer(token));
      expect(simulated.status, JSON.stringify(simulated.data)).toBe(200);

      const { storeId: fresh } = await app.installStore({ currency: "USD", currencyPrecision: 2 });
      await saveProgram(app, fresh, PROPOSAL);
      await seed(fresh, true);
      const issued = await orderPoints(fresh);
      const { proposed, current } = simulated.data;
      expect(issued.points).toBeGreaterThan(0);
      expect({ points: proposed.points, members: proposed.members }).toEqual(issued);
      // The current program (1 point per $1, no tiers) ran on the first store: the replay and the books agree too.
      expect({ points: current.points, members: current.members }).toEqual(recorded);
      expect(simulated.data.recorded).toMatchObject({ points: recorded.points, members: recorded.members, orders: current.orders });
      // Silver (1.5x) and Gold (2x) pay beyond the rule alone.
      const ruleAlone = await app.http.post("/api/admin/simulations", { ...PROPOSAL, tiers: [] }, bearer(token));
      expect(ruleAlone.data.proposed.points).toBeLessThan(proposed.points);
      expect(proposed.pointsPerOrder).toBe(Math.floor(proposed.points / proposed.orders));
      expect(proposed.pointValue).toEqual({ rewardId: "rw_five", rewardName: "$5 off", points: 400, minor: 500 });
      expect(proposed.costMinor).toBe(Math.floor((proposed.points * 500) / 400));
      expect(current.pointValue).toBeNull();
      expect(current.costMinor).toBeNull();
    },
  );

  it.skipIf(skip)(
    "when orders are fetched, then progress is reported page by page, a second fetch while one runs is refused, and a refresh keeps the snapshot until it is done",
    async () => {
      expect((await app.http.get("/api/admin/simulations/orders", bearer(token))).data).toEqual({ fetch: null });
      const now = Date.now();
      for (let index = 0; index < 230; index++)
        app.emulator.putOrder(storeId, {
          email: `shopper${index % 40}@example.com`,
          subtotal: 10,
          total: 10,
          paymentStatus: "PAID",
          createDate: new Date(now - (index + 1) * 3_600_000),
        });
      app.emulator.putOrder(storeId, { email: "old@example.com", subtotal: 10, total: 10, paymentStatus: "PAID", createDate: new Date(now - 400 * 86_400_000) });

      const started = await app.http.post("/api/admin/simulations/orders", {}, bearer(token));
      expect(started.status).toBe(202);
      expect(started.data.fetch).toMatchObject({ status: "running", listed: 0, total: null, ready: null });
      const again = await app.http.post("/api/admin/simulations/orders", {}, bearer(token));
      expect(again.status).toBe(409);
      expect((await app.http.post("/api/admin/simulations", {}, bearer(token))).status).toBe(409);

      await app.worker.drain();
      const done = (await app.http.get("/api/admin/simulations/orders", bearer(token))).data.fetch;
      expect(done).toMatchObject({ status: "done", total: 230, listed: 230, kept: 230, ready: { orders: 230, capped: false } });

      const refresh = await app.http.post("/api/admin/simulations/orders", {}, bearer(token));
      expect(refresh.data.fetch).toMatchObject({ status: "running", listed: 0, ready: { generation: done.ready.generation } });
      const during = await app.http.post("/api/admin/simulations", {}, bearer(token));
      expect(during.data.current).toMatchObject({ points: 2300, members: 40, orders: 230 });
      await app.worker.drain();
      const refreshed = (await app.http.get("/api/admin/simulations/orders", bearer(token))).data.fetch;
      expect(refreshed.ready.generation).not.toBe(done.ready.generation);
      expect(await app.container.storage.orderSnapshots.orders(storeId, done.ready.generation)).toEqual([]);
    },
  );

  it.skipIf(skip)("when a refresh finishes between reading the fetch record and the orders it names, then the simulation reads the refreshed orders", async () => {
    for (const email of ["ana@example.com", "ben@example.com", "cy@example.com"]) app.emulator.putOrder(storeId, { email, subtotal: 10, total: 10, paymentStatus: "PAID" });
    const first = (await fetchOrders()).ready;
    app.emulator.putOrder(storeId, { email: "dee@example.com", subtotal: 10, total: 10, paymentStatus: "PAID" });
    const snapshots = app.container.storage.orderSnapshots;
    const read = snapshots.orders.bind(snapshots);
    const generations: string[] = [];
    snapshots.orders = async (store, generation) => {
      if (generations.push(generation) === 1) await fetchOrders();
      return read(store, generation);
    };
    const simulated = await app.http.post("/api/admin/simulations", {}, bearer(token));
    snapshots.orders = read;
    expect(simulated.status, JSON.stringify(simulated.data)).toBe(200);
    const refreshed = (await app.http.get("/api/admin/simulations/orders", bearer(token))).data.fetch.ready;
    expect(generations).toEqual([first.generation, refreshed.generation]);
    expect(simulated.data.snapshot.orders).toBe(4);
    expect(simulated.data.current).toMatchObject({ points: 40, members: 4, orders: 4 });
  });

  it.skipIf(skip)("when the proposal is malformed, then 400 names the field and nothing is saved", async () => {
    app.emulator.putOrder(storeId, { email: "ana@example.com", subtotal: 10, total: 10, paymentStatus: "PAID" });
    await fetchOrders();
    const before = (await app.http.get("/api/admin/settings", bearer(token))).data;
    const cases: [unknown, object][] = [
      [{ earning: { ...PROPOSAL.earning, points: -1 } }, { path: ["earning", "points"], code: "too_small" }],
      [{ tiers: [{ id: "tr_x", name: "X", threshold: "lots" }] }, { path: ["tiers", 0, "threshold"], code: "invalid_type" }],
      [{ theme: { primaryColor: "#000000" } }, { path: ["theme"], code: "unknown_field" }],
      [{ rewards: [{ id: "rw_a", kind: "amount_off", name: "A", costPoints: 0, amountMinor: 100 }] }, { path: ["rewards", 0, "costPoints"], code: "too_small" }],
    ];
    for (const [body, issue] of cases) {
      const response = await app.http.post("/api/admin/simulations", body, bearer(token));
      expect(response.status).toBe(400);
      expect(response.data.issues).toContainEqual(expect.objectContaining(issue));
    }
    expect((await app.http.get("/api/admin/settings", bearer(token))).data).toEqual(before);
    expect((await app.http.post("/api/admin/simulations", {}, { headers: {} })).status).toBe(401);
  });
});
