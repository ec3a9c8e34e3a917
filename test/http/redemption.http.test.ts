import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startRedemptionJobs } from "../../server/jobs/redemption-jobs.js";
import { manualClock } from "../../server/lib/clock.js";
import { RedemptionSettlement } from "../../server/modules/rewards/redemption-settlement.service.js";
import { createMemoryStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { unitOfWork } from "../../server/storage/unit-of-work.js";
import { createTestDatabase, postgresSkipReason, type TestDatabase } from "../support/postgres.js";
import { redemptionStore } from "../support/redemption-fixture.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const skipReason = await postgresSkipReason("redemptions on PostgreSQL");
if (skipReason) console.log(skipReason);

let database: TestDatabase | undefined;
beforeAll(async () => {
  if (!skipReason) database = await createTestDatabase("redemptions");
});
afterAll(async () => {
  await database?.drop();
});

const adapters: [string, () => Promise<Storage>, boolean][] = [
  ["lowdb", () => createMemoryStorage(), false],
  ["postgres", () => createPostgresStorage({ databaseUrl: database!.url }), true],
];

const clock = manualClock("2026-03-05T10:00:00Z");
let app: TestApp;
/** One pass of the settle job over the store (settleAll would also visit other tests' stores in the shared database). */
const settle = (storeId: number) => app.container.redemptionSettlement.settleStore(storeId);

const five = { id: "rw_five", name: "$5 off", kind: "amount_off", costPoints: 500, amountMinor: 500, minOrderMinor: 2500, productIds: [11], categoryIds: [22], couponDays: 10 };
const CODE = /^QL-[2-9A-HJKMNP-Z]{10}$/;
const onCreate = { method: "POST", path: "/discount_coupons" };
const onSearch = { method: "GET", path: "/discount_coupons" };
const TWO_MINUTES = 2 * 60 * 1000;

describe.each(adapters)("redemptions on %s", (_name, openStorage, needsPostgres) => {
  beforeEach(async (context) => {
    if (needsPostgres && skipReason) return context.skip();
    clock.set("2026-03-05T10:00:00Z");
    // A short wait for Ecwid, so a lost answer is a timeout within the test.
    app = await startTestApp({ clock, ecwidTimeoutMs: 300, storage: await openStorage() });
  });
  afterEach(async () => {
    await app?.close();
  });

  describe("redeeming a coupon reward", () => {
    it("when a shopper redeems each coupon kind, then Ecwid holds a single-use coupon of the right type, amount, limits and expiry, and the debit is booked", async () => {
      const rewards = [
        five,
        { id: "rw_pct", name: "15% off", kind: "percent_off", costPoints: 300, percent: 15 },
        { id: "rw_ship", name: "Free shipping", kind: "free_shipping", costPoints: 200, couponDays: 7 },
        { id: "rw_tent", name: "A free mug", kind: "free_product", costPoints: 400, productId: 7001 },
        { id: "rw_var", name: "Points to money", kind: "variable", pointsPerUnit: 100, unitMinor: 100, minPoints: 200, maxPoints: 2000, stepPoints: 100 },
      ];
      const store = await redemptionStore(app, rewards, { points: 5000 });
      app.emulator.putProduct(store.storeId, { id: 7001, name: "Mug", price: 24.5 });

      const answers = [
        await store.redeem("rw_five"),
        await store.redeem("rw_pct"),
        await store.redeem("rw_ship"),
        await store.redeem("rw_tent"),
        await store.redeem("rw_var", { points: 700 }),
      ];

      expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
      expect(answers[0]!.data).toEqual({
        redemption: {
          id: expect.stringMatching(/^rdm_/),
          rewardId: "rw_five",
          rewardName: "$5 off",
          points: 500,
          status: "issued",
          grantedBy: null,
          createdAt: "2026-03-05T10:00:00.000Z",
          coupon: { code: expect.stringMatching(CODE), expiresAt: "2026-03-15T10:00:00.000Z" },
        },
        balance: 4500,
      });
      expect(answers[4]!.data.balance).toBe(5000 - 500 - 300 - 200 - 400 - 700);
      const byCode = new Map(store.coupons().map((coupon) => [coupon.code, coupon]));
      const coupon = (index: number) => byCode.get(answers[index]!.data.redemption.coupon.code);
      const single = { usesLimit: "SINGLE", status: "ACTIVE", applicationLimit: "UNLIMITED" };
      expect(coupon(0)).toMatchObject({
        ...single,
        name: "$5 off",
        discountType: "ABS",
        discount: 5,
        totalLimit: 25,
        catalogLimit: { products: [11], categories: [22] },
        expirationDate: "2026-03-15 10:00:00 +0000",
      });
      expect(coupon(1)).toMatchObject({ ...single, discountType: "PERCENT", discount: 15, totalLimit: 0, catalogLimit: { products: [], categories: [] } });
      expect(coupon(2)).toMatchObject({ ...single, discountType: "SHIPPING", expirationDate: "2026-03-12 10:00:00 +0000" });
      expect(coupon(3)).toMatchObject({ ...single, discountType: "ABS", discount: 24.5, catalogLimit: { products: [7001], categories: [] } });
      expect(coupon(4)).toMatchObject({ ...single, discountType: "ABS", discount: 7 });
      const { balance, entries } = await store.ledger();
      expect(balance).toBe(2900);
      const redeemed = entries.filter((entry) => entry.kind === "redeem");
      expect(redeemed.map((entry) => entry.delta).sort((a, b) => a - b)).toEqual([-700, -500, -400, -300, -200]);
      expect(redeemed.find((entry) => entry.delta === -400)?.basis).toMatchObject({
        rewardKind: "free_product",
        valueMinor: 2450,
        couponCode: answers[3]!.data.redemption.coupon.code,
      });
      const me = await store.me();
      expect(me.member).toMatchObject({ balance: 2900, heldPoints: 0 });
      expect(me.redemptions).toHaveLength(5);
      expect(me.redemptions[0]).toMatchObject({ rewardId: "rw_var", status: "issued" });
    });

    it("when a free product is gone from the store, or Ecwid cannot tell its price, then 409 not_available or 503 and nothing is spent", async () => {
      const store = await redemptionStore(app, [{ id: "rw_mug", name: "A free mug", kind: "free_product", costPoints: 400, productId: 7001 }], { points: 1000 });
      const gone = await store.redeem("rw_mug");
      expect(gone.status).toBe(409);
      expect(gone.data).toMatchObject({ code: "not_available", reason: { code: "not_available", why: "ended" } });
      app.emulator.putProduct(store.storeId, { id: 7001, name: "Mug", price: 24.5 });
      app.emulator.failNext(2, { status: 500, on: { method: "GET", path: "/products/7001" } });
      const down = await store.redeem("rw_mug");
      expect(down.status).toBe(503);
      expect(down.data.code).toBe("ecwid_unavailable");
      expect(store.couponCalls()).toHaveLength(0);
      expect((await store.ledger()).balance).toBe(1000);
      expect((await store.redeem("rw_mug")).status).toBe(201);
    });

    it("when a shopper who cannot redeem a free product asks again and again, then each is refused with its reason and Ecwid is never asked the price", async () => {
      const mug = { id: "rw_mug", name: "A free mug", kind: "free_product", costPoints: 400, productId: 7001 };
      const store = await redemptionStore(app, [mug, { ...mug, id: "rw_gold_mug", tierIds: ["tr_gold"] }], {
        points: 100,
        program: { tiers: [{ id: "tr_gold", name: "Gold", threshold: 100000 }] },
      });
      app.emulator.putProduct(store.storeId, { id: 7001, name: "Mug", price: 24.5 });
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await store.redeem("rw_mug"));
      answers.push(await store.redeem("rw_gold_mug"));
      expect(answers.map((answer) => answer.data.reason)).toEqual([
        ...Array.from({ length: 5 }, () => ({ code: "insufficient_points", missing: 300 })),
        { code: "not_available", why: "tier" },
      ]);
      expect(answers.every((answer) => answer.status === 409)).toBe(true);
      expect(app.emulator.requests.filter((request) => request.path.includes("/products"))).toEqual([]);
      expect(store.couponCalls()).toHaveLength(0);
      expect((await store.ledger()).balance).toBe(100);
    });

    it("when the reward is an experience, then it is taken at once without Ecwid and waits for the merchant", async () => {
      const store = await redemptionStore(app, [{ id: "rw_panel", name: "Tasting panel", kind: "experience", costPoints: 800 }], { points: 1000 });
      const answer = await store.redeem("rw_panel");
      expect(answer.status).toBe(201);
      expect(answer.data).toMatchObject({ redemption: { status: "issued", coupon: null, points: 800 }, balance: 200 });
      expect(store.couponCalls()).toHaveLength(0);
      expect((await store.ledger()).balance).toBe(200);
    });

    it("when the body is bad or the reward unknown, then 400 or 404 and nothing changes", async () => {
      const store = await redemptionStore(
        app,
        [five, { id: "rw_var", name: "Var", kind: "variable", pointsPerUnit: 100, unitMinor: 100, minPoints: 200, maxPoints: 2000, stepPoints: 100 }],
        { points: 5000 },
      );
      expect((await store.redeem("rw_var", { points: 250 })).data).toMatchObject({ code: "validation_failed", issues: [{ path: ["points"] }] });
      expect((await store.redeem("rw_var", { points: 300, extra: 1 })).status).toBe(400);
      expect((await store.redeem("rw_five", { points: 300 })).status).toBe(400);
      expect((await store.redeem("rw_nope")).status).toBe(404);
      expect((await store.redeem("rw_five", {}, "has space")).status).toBe(400);
      const noSession = await app.http.post(`/api/storefront/${store.storeId}/rewards/rw_five/redeem`, {});
      expect(noSession.status).toBe(401);
      expect(store.couponCalls()).toHaveLength(0);
      expect((await store.ledger()).balance).toBe(5000);
      expect((await store.me()).redemptions).toEqual([]);
    });

    it("when the input is hostile, then every answer is a 4xx and nothing is spent", async () => {
      const variable = { id: "rw_var", name: "Var", kind: "variable", pointsPerUnit: 100, unitMinor: 100, minPoints: 200, maxPoints: 2000, stepPoints: 100 };
      const store = await redemptionStore(app, [variable], { points: 5000 });
      const url = (rewardId: string) => `/api/storefront/${store.storeId}/rewards/${rewardId}/redeem`;
      const headers = { Authorization: `Bearer ${store.token}`, "Content-Type": "application/json" };
      const raw = [
        "[]",
        '"text"',
        "123",
        "null",
        '{"points":"700"}',
        '{"points":1e20}',
        '{"points":-100}',
        '{"points":700.5}',
        '{"__proto__":{"points":700}}',
        '{"points":',
        "\u0000",
      ];
      const answers = [];
      for (const body of raw) answers.push(await app.http.post(url("rw_var"), body, { headers, transformRequest: [(data) => data] }));
      for (const rewardId of ["%E0%A4%A", "rw_var%00", "x".repeat(500), "__proto__", "constructor"]) answers.push(await app.http.post(url(rewardId), { points: 700 }, { headers }));
      answers.push(await app.http.post(url("rw_var"), { points: 700 }, { headers: { ...headers, "Idempotency-Key": "k".repeat(201) } }));
      expect(answers.map((answer) => answer.status).filter((status) => status < 400 || status >= 500)).toEqual([]);
      expect(store.couponCalls()).toHaveLength(0);
      expect((await store.ledger()).balance).toBe(5000);
      expect((await store.me()).redemptions).toEqual([]);
    });
  });

  describe("when Ecwid does not simply say yes", () => {
    it("when Ecwid answers 409 for the code and has no such coupon, then the hold is released: 503 ecwid_unavailable, points back, no coupon", async () => {
      const store = await redemptionStore(app, [five], { points: 1000 });
      app.emulator.failNext(1, { status: 409, on: onCreate });
      const answer = await store.redeem("rw_five");
      expect(answer.status).toBe(503);
      expect(answer.data).toMatchObject({ code: "ecwid_unavailable", redemption: { status: "released", coupon: null }, balance: 1000 });
      expect(answer.data.message).toMatch(/points are back/);
      expect(store.coupons()).toEqual([]);
      expect(await store.ledger()).toMatchObject({ balance: 1000 });
      expect((await store.ledger()).entries.filter((entry) => entry.kind === "redeem")).toEqual([]);
      expect((await store.me()).member).toMatchObject({ balance: 1000, heldPoints: 0 });
    });

    it("when Ecwid answers 500 to both attempts and has no coupon, then 202 pending with the points held, and the job releases them after the grace", async () => {
      const store = await redemptionStore(app, [five], { points: 1000 });
      app.emulator.failNext(2, { status: 500, on: onCreate });
      const answer = await store.redeem("rw_five");
      expect(answer.status).toBe(202);
      expect(answer.data).toMatchObject({ redemption: { status: "pending", coupon: null }, balance: 500 });
      expect((await store.me()).member).toMatchObject({ balance: 500, heldPoints: 500 });

      clock.advance(TWO_MINUTES - 1000);
      expect(await settle(store.storeId)).toMatchObject({ released: 0, issued: 0 });
      clock.advance(1000);
      // The minute job's first pass, as the app runs it.
      const jobs = startRedemptionJobs(app.container);
      await jobs.stop();

      expect(await store.redemption(answer.data.redemption.id)).toMatchObject({ status: "released", reason: expect.stringMatching(/never made/) });
      expect(store.coupons()).toEqual([]);
      expect(await store.ledger()).toMatchObject({ balance: 1000 });
      expect((await store.me()).member).toMatchObject({ balance: 1000, heldPoints: 0 });
    });

    it("when the coupon was made but every answer was lost, then 202 pending, and the job finds the code and books the debit", async () => {
      const store = await redemptionStore(app, [five], { points: 1000 });
      app.emulator.failNext(1, { kind: "lost-answer", on: onCreate });
      app.emulator.failNext(1, { kind: "lost-call", on: onCreate });
      app.emulator.failNext(2, { status: 500, on: onSearch });
      const answer = await store.redeem("rw_five");
      expect(answer.status).toBe(202);
      expect(store.coupons()).toHaveLength(1);
      expect(await store.ledger()).toMatchObject({ balance: 1000 });
      expect((await store.me()).member).toMatchObject({ balance: 500, heldPoints: 500 });

      clock.advance(TWO_MINUTES);
      expect(await settle(store.storeId)).toMatchObject({ issued: 1 });

      const settled = await store.redemption(answer.data.redemption.id);
      expect(settled).toMatchObject({ status: "issued", coupon: { code: store.coupons()[0]!.code, ecwidId: store.coupons()[0]!.id } });
      expect(await store.ledger()).toMatchObject({ balance: 500 });
      expect((await store.me()).redemptions[0]).toMatchObject({ status: "issued", coupon: { code: store.coupons()[0]!.code } });
      // A second pass, as another process would run it, changes nothing.
      expect(await settle(store.storeId)).toMatchObject({ issued: 0, released: 0 });
      expect((await store.ledger()).entries.filter((entry) => entry.kind === "redeem")).toHaveLength(1);
    });

    it("when two processes settle the same pending redemptions at once, then each is issued or released once and debited once", async () => {
      const store = await redemptionStore(app, [five], { points: 1000 });
      // One coupon made with every answer lost, one call that never landed.
      app.emulator.failNext(1, { kind: "lost-answer", on: onCreate });
      app.emulator.failNext(1, { kind: "lost-call", on: onCreate });
      app.emulator.failNext(2, { status: 500, on: onSearch });
      expect((await store.redeem("rw_five")).status).toBe(202);
      app.emulator.failNext(2, { kind: "lost-call", on: onCreate });
      expect((await store.redeem("rw_five")).status).toBe(202);
      clock.advance(TWO_MINUTES);
      // The other process: its own connection pool on PostgreSQL; on lowdb (one process only) the same store.
      const otherStorage = needsPostgres ? await openStorage() : app.container.storage;
      const other = new RedemptionSettlement({
        storage: unitOfWork(otherStorage, "redemptions", "ledger", "settings", "members", "webhooks"),
        stores: () => otherStorage.storeIds(),
        ecwid: app.container.ecwid,
        catalog: app.container.catalog,
        installs: app.container.installs,
        clock,
        logger: app.container.logger,
      });
      try {
        const passes = await Promise.all([settle(store.storeId), other.settleStore(store.storeId)]);
        expect(passes.reduce((sum, pass) => sum + pass.issued, 0)).toBe(1);
        expect(passes.reduce((sum, pass) => sum + pass.released, 0)).toBe(1);
      } finally {
        if (needsPostgres) await otherStorage.close();
      }
      const { balance, entries } = await store.ledger();
      expect(balance).toBe(500);
      expect(entries.filter((entry) => entry.kind === "redeem")).toHaveLength(1);
      expect((await store.me()).member).toMatchObject({ balance: 500, heldPoints: 0 });
    });

    it("when the call never reached Ecwid and the lookup finds nothing, then 202 pending, and the job releases it", async () => {
      const store = await redemptionStore(app, [five], { points: 1000 });
      app.emulator.failNext(2, { kind: "lost-call", on: onCreate });
      const answer = await store.redeem("rw_five");
      expect(answer.status).toBe(202);
      expect(store.coupons()).toEqual([]);
      clock.advance(TWO_MINUTES);
      expect(await settle(store.storeId)).toMatchObject({ released: 1 });
      expect(await store.ledger()).toMatchObject({ balance: 1000 });
      expect(store.coupons()).toEqual([]);
    });

    it("when the job releases the hold while the shopper's coupon call is still on its way, then the coupon that lands is withdrawn: none without its points", async () => {
      const store = await redemptionStore(app, [five], { points: 1000 });
      const ecwid = app.container.ecwid;
      const createCoupon = ecwid.createCoupon.bind(ecwid);
      let sent!: () => void;
      let land!: () => void;
      const onItsWay = new Promise<void>((resolve) => (sent = resolve));
      const landing = new Promise<void>((resolve) => (land = resolve));
      ecwid.createCoupon = async (...args) => {
        sent();
        await landing;
        return createCoupon(...args);
      };
      try {
        const answering = store.redeem("rw_five");
        await onItsWay;
        clock.advance(TWO_MINUTES);
        expect(await settle(store.storeId)).toMatchObject({ released: 1 });
        land();
        const answer = await answering;
        expect(answer.status).toBe(503);
        expect(answer.data).toMatchObject({ code: "ecwid_unavailable", redemption: { status: "released", coupon: null }, balance: 1000 });
      } finally {
        ecwid.createCoupon = createCoupon;
      }
      expect(store.coupons()).toEqual([]);
      const { balance, entries } = await store.ledger();
      expect(balance).toBe(1000);
      expect(entries.filter((entry) => entry.kind === "redeem")).toEqual([]);
    });

    it("when the first answer is lost and the retry meets 409, then the lookup finds the coupon made and it is issued at once", async () => {
      const store = await redemptionStore(app, [five], { points: 1000 });
      app.emulator.failNext(1, { kind: "lost-answer", on: onCreate });
      const answer = await store.redeem("rw_five");
      expect(answer.status).toBe(201);
      expect(answer.data.redemption).toMatchObject({ status: "issued", coupon: { code: store.coupons()[0]!.code } });
      expect(store.couponCalls()).toHaveLength(2);
      expect(await store.ledger()).toMatchObject({ balance: 500 });
    });

    it("when Ecwid cannot be asked while the job looks, then it stays pending and is looked at again later", async () => {
      const store = await redemptionStore(app, [five], { points: 1000 });
      app.emulator.failNext(2, { kind: "lost-call", on: onCreate });
      const answer = await store.redeem("rw_five");
      clock.advance(TWO_MINUTES);
      app.emulator.failNext(2, { status: 503, on: onSearch });
      expect(await settle(store.storeId)).toMatchObject({ waiting: 1 });
      expect(await store.redemption(answer.data.redemption.id)).toMatchObject({ status: "pending", checks: 1, checkAfter: "2026-03-05T10:04:00.000Z" });
      expect((await store.me()).member).toMatchObject({ heldPoints: 500 });
    });
  });

  describe("racing, repeating and refusing", () => {
    it("when 20 redemptions race on a balance that pays for 3, then exactly 3 coupons and 17 insufficient_points", async () => {
      const store = await redemptionStore(app, [five], { points: 1500 });
      const answers = await Promise.all(Array.from({ length: 20 }, () => store.redeem("rw_five")));
      expect(answers.filter((answer) => answer.status === 201)).toHaveLength(3);
      const refused = answers.filter((answer) => answer.status === 409);
      expect(refused).toHaveLength(17);
      expect(refused[0]!.data).toMatchObject({ code: "insufficient_points", reason: { code: "insufficient_points", missing: 500 } });
      expect(store.coupons()).toHaveLength(3);
      expect(await store.ledger()).toMatchObject({ balance: 0 });
    });

    it("when a shopper redeems over and over, then after 30 in five minutes they wait (429 with Retry-After), and the refused one spends nothing", async () => {
      const store = await redemptionStore(app, [{ id: "rw_pledge", name: "Plant a tree", kind: "donation", costPoints: 1, cause: "Trees", valueMinor: 100 }], { points: 100 });
      const answers = [];
      for (let i = 0; i < 31; i++) answers.push(await store.redeem("rw_pledge"));
      expect(answers.slice(0, 30).every((answer) => answer.status === 201)).toBe(true);
      expect(answers[30]).toMatchObject({ status: 429, data: { code: "rate_limited" } });
      expect(Number(answers[30]!.headers["retry-after"])).toBeGreaterThan(0);
      expect((await store.ledger()).balance).toBe(70);
    });

    it("when a request is repeated with its Idempotency-Key, then the same redemption comes back with 200; another body under the key is 422", async () => {
      const variable = { id: "rw_var", name: "Var", kind: "variable", pointsPerUnit: 100, unitMinor: 100, minPoints: 200, maxPoints: 2000, stepPoints: 100 };
      const store = await redemptionStore(app, [variable], { points: 1000 });
      const first = await store.redeem("rw_var", { points: 300 }, "key-1");
      const again = await store.redeem("rw_var", { points: 300 }, "key-1");
      const other = await store.redeem("rw_var", { points: 400 }, "key-1");
      expect(first.status).toBe(201);
      expect(again.status).toBe(200);
      expect(again.data).toEqual({ ...first.data, balance: 700 });
      expect(other.status).toBe(422);
      expect(other.data.code).toBe("idempotency_key_reused");
      expect(store.coupons()).toHaveLength(1);
      expect(await store.ledger()).toMatchObject({ balance: 700 });
    });

    it("when /me is read, then each reward says whether it can be redeemed and why not, in numbers; a refused redemption says the same", async () => {
      const rewards = [
        five,
        { id: "rw_big", name: "Big", kind: "amount_off", costPoints: 1120, amountMinor: 2000 },
        { id: "rw_gold", name: "Gold only", kind: "free_shipping", costPoints: 10, tierIds: ["tr_gold"] },
        { id: "rw_once", name: "Once", kind: "percent_off", costPoints: 100, percent: 10, perMemberLimit: 1 },
        { id: "rw_soon", name: "Soon", kind: "percent_off", costPoints: 100, percent: 10, availableFrom: "2026-04-01T00:00:00Z" },
        { id: "rw_cap", name: "Capped", kind: "percent_off", costPoints: 100, percent: 5, budgets: [{ measure: "redemptions", limit: 1, period: "day" }] },
      ];
      const store = await redemptionStore(app, rewards, { points: 1000, program: { tiers: [{ id: "tr_gold", name: "Gold", threshold: 100000 }] } });
      expect((await store.redeem("rw_once")).status).toBe(201);
      expect((await store.redeem("rw_cap")).status).toBe(201);
      const standing = Object.fromEntries((await store.me()).rewards.map((reward: { id: string }) => [reward.id, reward]));
      expect(standing).toEqual({
        rw_five: { id: "rw_five", available: true, reason: null },
        rw_big: { id: "rw_big", available: false, reason: { code: "insufficient_points", missing: 320 } },
        rw_gold: { id: "rw_gold", available: false, reason: { code: "not_available", why: "tier" } },
        rw_once: { id: "rw_once", available: false, reason: { code: "limit_reached", limit: 1 } },
        rw_soon: { id: "rw_soon", available: false, reason: { code: "not_available", why: "not_yet", from: "2026-04-01T00:00:00Z" } },
        rw_cap: { id: "rw_cap", available: false, reason: { code: "not_available", why: "budget" } },
      });
      const refused = await store.redeem("rw_gold");
      expect(refused.status).toBe(409);
      expect(refused.data).toMatchObject({ code: "not_available", reason: { code: "not_available", why: "tier" } });
      expect((await store.redeem("rw_once")).data).toMatchObject({ code: "limit_reached", reason: { limit: 1 } });
      clock.advance(24 * 60 * 60 * 1000);
      expect((await store.redeem("rw_cap")).status).toBe(201);
      expect(store.coupons()).toHaveLength(3);
    });
  });

  describe("a coupon's life after it is issued", () => {
    it("when an order uses the code, then the redemption reads used", async () => {
      const store = await redemptionStore(app, [five], { points: 1000 });
      const { code } = (await store.redeem("rw_five")).data.redemption.coupon;
      const order = app.emulator.putOrder(store.storeId, { email: "ana@example.com", items: [{ name: "Tent", price: 40 }], couponCode: code, paymentStatus: "PAID" });
      await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(store.storeId, order.id, "order.created") });
      await app.worker.drain();
      expect((await store.me()).redemptions[0]).toMatchObject({ status: "used", coupon: { code } });
      const redemption = (await store.me()).redemptions[0];
      expect(await store.redemption(redemption.id)).toMatchObject({ usedByOrderId: order.id });
    });

    it("when an issued coupon expires unused, then the job deletes it in Ecwid and, as the merchant chose, gives the points back once", async () => {
      const store = await redemptionStore(app, [five], { points: 1000, program: { redemption: { returnPointsOnCouponExpiry: true } } });
      const { id } = (await store.redeem("rw_five")).data.redemption;
      clock.advance(10 * 24 * 60 * 60 * 1000 - 1000);
      expect(await settle(store.storeId)).toMatchObject({ expired: 0 });
      clock.advance(1000);
      expect(await settle(store.storeId)).toMatchObject({ expired: 1 });
      expect(await settle(store.storeId)).toMatchObject({ expired: 0 });
      expect(store.coupons()).toEqual([]);
      expect(await store.redemption(id)).toMatchObject({ status: "expired" });
      const { balance, entries } = await store.ledger();
      expect(balance).toBe(1000);
      expect(entries.filter((entry) => entry.kind === "redeem_refund")).toMatchObject([{ delta: 500, basis: { reason: "coupon_expired", redemptionId: id } }]);
    });

    it("when Ecwid cannot delete an expired coupon, then it is looked at again later, not on every pass, and then retired", async () => {
      const store = await redemptionStore(app, [five], { points: 1000 });
      const { id } = (await store.redeem("rw_five")).data.redemption;
      const [made] = store.coupons();
      clock.advance(11 * 24 * 60 * 60 * 1000);
      app.emulator.failNext(5, { status: 503, on: { method: "DELETE", path: `/discount_coupons/${made!.id}` } });
      expect(await settle(store.storeId)).toMatchObject({ expired: 0 });
      expect(await store.redemption(id)).toMatchObject({ status: "issued", checks: 1, checkAfter: new Date(clock.now().getTime() + 2 * 60_000).toISOString() });
      expect(await settle(store.storeId)).toMatchObject({ expired: 0 });
      clock.advance(TWO_MINUTES);
      expect(await settle(store.storeId)).toMatchObject({ expired: 1 });
      expect(store.coupons()).toEqual([]);
    });

    it("when a coupon expires but Ecwid counts an order on it, then it reads used and keeps its points spent", async () => {
      const store = await redemptionStore(app, [five], { points: 1000, program: { redemption: { returnPointsOnCouponExpiry: true } } });
      const { id, coupon } = (await store.redeem("rw_five")).data.redemption;
      app.emulator.putOrder(store.storeId, { email: "ana@example.com", items: [{ name: "Tent", price: 40 }], couponCode: coupon.code, paymentStatus: "PAID" });
      clock.advance(11 * 24 * 60 * 60 * 1000);
      expect(await settle(store.storeId)).toMatchObject({ used: 1, expired: 0 });
      expect(await store.redemption(id)).toMatchObject({ status: "used" });
      expect(await store.ledger()).toMatchObject({ balance: 500 });
    });
  });
});
