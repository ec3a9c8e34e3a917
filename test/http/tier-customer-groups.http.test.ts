import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runTierReviews } from "../../server/jobs/tier-review.job.js";
import { manualClock } from "../../server/lib/clock.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { groupShop } from "../support/tier-group-shop.js";

const clock = manualClock("2026-05-01T10:00:00Z");
let app: TestApp;
beforeEach(async () => {
  app = await startTestApp({ clock });
});
afterEach(() => app.close());

const synced = (ecwidGroupId: number) => ({ ecwidGroupId, state: "synced", syncedAt: clock.now().toISOString() });

describe("Ecwid customer groups follow tiers", () => {
  it("when the merchant links a tier to a group, then its members move into it, a Wholesale member and a guest are left alone and shown so", async () => {
    const shop = await groupShop(app);
    const ana = await shop.member("ana@example.com");
    const cy = await shop.member("cy@example.com", shop.groups.wholesale);
    await shop.member("dee@example.com", null);
    const bo = await shop.member("bo@example.com");
    await shop.link({});
    for (const email of ["ana@example.com", "cy@example.com", "dee@example.com"]) await shop.hold(email, "tr_gold");
    await app.worker.drain();
    expect(shop.groupPuts()).toEqual([]);

    await shop.link({ tr_gold: shop.groups.gold });
    await app.worker.drain();

    expect(shop.ecwidGroupOf(ana)).toBe(shop.groups.gold);
    expect(await shop.groupOf("ana@example.com")).toEqual(synced(shop.groups.gold));
    expect(shop.ecwidGroupOf(cy)).toBe(shop.groups.wholesale);
    expect(await shop.groupOf("cy@example.com")).toEqual({ ecwidGroupId: shop.groups.wholesale, state: "foreign", syncedAt: clock.now().toISOString() });
    expect(await shop.groupOf("dee@example.com")).toEqual({ ecwidGroupId: null, state: "guest", syncedAt: clock.now().toISOString() });
    expect(shop.ecwidGroupOf(bo)).toBe(0);
    expect(await shop.groupOf("bo@example.com")).toBeNull();
    expect(shop.groupPuts().map((request) => [request.path, request.body])).toEqual([[`/api/v3/${shop.storeId}/customers/${ana}`, { customerGroupId: shop.groups.gold }]]);

    const listed = await app.http.get("/api/admin/customer-groups", shop.admin);
    expect(listed.status).toBe(200);
    expect(listed.data).toEqual({
      groups: [
        { id: 0, name: "General", tierIds: [] },
        { id: shop.groups.silver, name: "Silver", tierIds: [] },
        { id: shop.groups.gold, name: "Gold", tierIds: ["tr_gold"] },
        { id: shop.groups.wholesale, name: "Wholesale", tierIds: [] },
      ],
      missing: [],
    });
  });

  it("when a member's held tier changes, then they move to its group, and back to General when they hold no linked tier; a move queued twice runs once", async () => {
    const shop = await groupShop(app);
    const ana = await shop.member("ana@example.com");
    await shop.link({ tr_silver: shop.groups.silver, tr_gold: shop.groups.gold });
    await app.worker.drain();

    expect(await shop.hold("ana@example.com", "tr_silver")).toEqual({ queued: true });
    expect(await shop.hold("ana@example.com", "tr_silver")).toEqual({ queued: false });
    await app.worker.drain();
    expect(shop.ecwidGroupOf(ana)).toBe(shop.groups.silver);
    expect(shop.groupPuts()).toHaveLength(1);

    clock.advance(60_000);
    await shop.hold("ana@example.com", "tr_gold");
    await app.worker.drain();
    expect(shop.ecwidGroupOf(ana)).toBe(shop.groups.gold);
    expect(await shop.groupOf("ana@example.com")).toEqual(synced(shop.groups.gold));

    clock.advance(60_000);
    await shop.hold("ana@example.com", null);
    await app.worker.drain();
    expect(shop.ecwidGroupOf(ana)).toBe(0);
    expect(await shop.groupOf("ana@example.com")).toEqual(synced(0));

    // Held again, the same group is a new move, not the first one's done event.
    clock.advance(60_000);
    expect(await shop.hold("ana@example.com", "tr_silver")).toEqual({ queued: true });
    await app.worker.drain();
    expect(shop.ecwidGroupOf(ana)).toBe(shop.groups.silver);
    expect(shop.groupPuts().map((request) => request.body)).toEqual([shop.groups.silver, shop.groups.gold, 0, shop.groups.silver].map((customerGroupId) => ({ customerGroupId })));
  });

  it("when a tier is unlinked, then the members Questline put in its group go back to General; a link to a group Ecwid lost shows as missing and its moves wait", async () => {
    const shop = await groupShop(app);
    const ana = await shop.member("ana@example.com");
    const bo = await shop.member("bo@example.com");
    await shop.link({ tr_gold: shop.groups.gold });
    await shop.hold("ana@example.com", "tr_gold");
    await shop.hold("bo@example.com", "tr_silver");
    await app.worker.drain();
    expect(shop.ecwidGroupOf(ana)).toBe(shop.groups.gold);

    clock.advance(60_000);
    await shop.link({ tr_silver: 123_456 });
    await app.worker.drain();
    expect(shop.ecwidGroupOf(ana)).toBe(0);
    expect(await shop.groupOf("ana@example.com")).toEqual(synced(0));
    // Ecwid refuses a group it does not have: the move waits, not retried for hours, until the links change.
    expect(shop.ecwidGroupOf(bo)).toBe(0);
    expect(await shop.groupOf("bo@example.com")).toEqual({ ecwidGroupId: null, state: "pending", syncedAt: clock.now().toISOString() });
    expect(await app.container.storage.inbox.counts(shop.storeId)).toMatchObject({ pending: 0, failed: 0 });
    expect((await app.http.get("/api/admin/customer-groups", shop.admin)).data.missing).toEqual([{ tierId: "tr_silver", customerGroupId: 123_456 }]);
  });

  it("when the merchant creates a group, then Ecwid has it; a name that is empty is refused and nothing is made", async () => {
    const shop = await groupShop(app);
    const created = await app.http.post("/api/admin/customer-groups", { name: "Platinum" }, shop.admin);
    expect(created.status).toBe(201);
    expect(app.emulator.getCustomerGroups(shop.storeId).find((group) => group.id === created.data.id)).toEqual({ id: created.data.id, name: "Platinum" });
    const refused = await app.http.post("/api/admin/customer-groups", { name: " " }, shop.admin);
    expect(refused.status).toBe(400);
    expect(refused.data.code).toBe("validation_failed");
    expect(app.emulator.getCustomerGroups(shop.storeId)).toHaveLength(5);
  });

  it("when the store's plan has no customer groups, then the dashboard is told so with a clear code and the store's moves stop, each member shown unavailable", async () => {
    const shop = await groupShop(app);
    const ana = await shop.member("ana@example.com");
    const bo = await shop.member("bo@example.com");
    app.emulator.setCustomerGroupsFeature(shop.storeId, false);

    for (const answer of [await app.http.get("/api/admin/customer-groups", shop.admin), await app.http.post("/api/admin/customer-groups", { name: "VIP" }, shop.admin)]) {
      expect(answer.status).toBe(409);
      expect(answer.data).toMatchObject({ code: "customer_groups_unavailable", message: expect.stringContaining("plan has no customer groups") });
    }
    await shop.link({ tr_gold: shop.groups.gold });
    await shop.hold("ana@example.com", "tr_gold");
    await shop.hold("bo@example.com", "tr_gold");
    await app.worker.drain();

    const unavailable = { ecwidGroupId: null, state: "unavailable", syncedAt: clock.now().toISOString() };
    expect(await shop.groupOf("ana@example.com")).toEqual(unavailable);
    expect(await shop.groupOf("bo@example.com")).toEqual(unavailable);
    expect([shop.ecwidGroupOf(ana), shop.ecwidGroupOf(bo)]).toEqual([0, 0]);
    // The first refusal stops the store's moves: the second member costs Ecwid no call.
    expect(shop.groupPuts().map((request) => request.status)).toEqual([403]);

    // Once the plan has groups, the merchant's sync moves everyone.
    app.emulator.setCustomerGroupsFeature(shop.storeId, true);
    clock.advance(60_000);
    const sync = () => app.http.post("/api/admin/customer-groups/sync", {}, shop.admin);
    expect(await sync()).toMatchObject({ status: 202, data: { started: true } });
    // Asked again within the minute, the check under way is the one: nothing more is queued.
    expect(await sync()).toMatchObject({ status: 202, data: { started: false } });
    expect(await app.container.storage.inbox.counts(shop.storeId)).toMatchObject({ pending: 1 });
    await app.worker.drain();
    expect([shop.ecwidGroupOf(ana), shop.ecwidGroupOf(bo)]).toEqual([shop.groups.gold, shop.groups.gold]);
  });

  it("when Ecwid answers 429 and then fails for longer than the client retries, then the move waits as told, is retried with backoff by the inbox, and lands once", async () => {
    const shop = await groupShop(app);
    const ana = await shop.member("ana@example.com");
    await shop.link({ tr_gold: shop.groups.gold });
    const put = { method: "PUT", path: `/customers/${ana}` };
    app.emulator.failNext(1, { status: 429, retryAfter: 1, on: put });
    await shop.hold("ana@example.com", "tr_gold");
    await app.worker.drain();
    expect(shop.groupPuts().map((request) => request.status)).toEqual([429, 200]);

    clock.advance(60_000);
    app.emulator.failNext(5, { status: 503, on: put });
    await shop.hold("ana@example.com", null);
    await app.worker.drain();
    expect(shop.ecwidGroupOf(ana)).toBe(shop.groups.gold);
    expect(await app.container.storage.inbox.counts(shop.storeId)).toMatchObject({ pending: 1, failed: 0 });

    clock.advance(10 * 60_000);
    await app.worker.drain();
    expect(shop.ecwidGroupOf(ana)).toBe(0);
    expect(shop.groupPuts().map((request) => request.status)).toEqual([429, 200, 503, 503, 503, 503, 503, 200]);
  });

  it("when a paid order's signed webhook lifts a member to a linked tier, then Ecwid puts them in its group; when a refund drops them below it, they keep it until the review demotes them and then go back to General", async () => {
    const shop = await groupShop(app);
    const customerId = app.emulator.putCustomer(shop.storeId, { email: "ana@example.com", customerGroupId: 0 }).id;
    const current = (await app.http.get("/api/admin/settings", shop.admin)).data;
    const tiers = [{ id: "tr_gold", name: "Gold", threshold: 10_000, customerGroupId: shop.groups.gold }];
    const saved = await app.http.put("/api/admin/settings", { ...current, tiers, tierRules: { metric: "spend", window: "lifetime", graceDays: 0 } }, shop.admin);
    expect(saved.status, JSON.stringify(saved.data)).toBe(200);
    const send = async (orderId: string, event: "order.created" | "order.updated") => {
      await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(shop.storeId, orderId, event) });
      await app.worker.drain();
    };

    const order = app.emulator.putOrder(shop.storeId, { email: "ana@example.com", customerId, subtotal: 120, total: 120, paymentStatus: "PAID" });
    await send(order.id, "order.created");
    expect(shop.ecwidGroupOf(customerId)).toBe(shop.groups.gold);
    expect(await shop.groupOf("ana@example.com")).toEqual(synced(shop.groups.gold));

    clock.advance(60 * 60_000);
    app.emulator.refundOrder(shop.storeId, order.id, 120);
    await send(order.id, "order.updated");
    // Nothing demotes at once: Gold and its group stay until the member's next review (the next local midnight).
    expect(shop.ecwidGroupOf(customerId)).toBe(shop.groups.gold);

    clock.set("2026-05-02T00:00:00Z");
    await runTierReviews({ storage: app.container.storage, tierReviews: app.container.tierReviews, logger: app.container.logger });
    // The job tells the group moves after its commit, without waiting on them.
    await expect
      .poll(async () => {
        await app.worker.drain();
        return shop.ecwidGroupOf(customerId);
      })
      .toBe(0);
    expect(await shop.groupOf("ana@example.com")).toEqual(synced(0));
  });
});
