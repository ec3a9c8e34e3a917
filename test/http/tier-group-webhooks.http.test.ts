import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { manualClock } from "../../server/lib/clock.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

const clock = manualClock("2026-05-01T10:00:00Z");
let app: TestApp;
beforeEach(async () => {
  app = await startTestApp({ clock });
});
afterEach(() => app.close());

describe("a member's Ecwid customer group follows their tier through signed webhooks", () => {
  it("when a paid order lifts a member to a linked tier, then they move into its group; when a refund drops them at their next review, then back to General", async () => {
    const { storeId } = await app.installStore({ currency: "USD", currencyPrecision: 2 });
    const admin = bearer(await app.adminToken(storeId));
    const gold = app.emulator.putCustomerGroup(storeId, { name: "Gold" }).id;
    const current = (await app.http.get("/api/admin/settings", admin)).data;
    const tiers = [{ id: "tr_gold", name: "Gold", threshold: 5_000, customerGroupId: gold }];
    expect((await app.http.put("/api/admin/settings", { ...current, tiers }, admin)).status).toBe(200);
    const customer = app.emulator.putCustomer(storeId, { email: "ana@example.com" }).id;
    const moves = () => app.container.storage.inbox.counts(storeId);

    const groupOf = () => app.emulator.getCustomer(storeId, customer)?.customerGroupId;
    /** The move a tier change queues once its transaction is in: drained until the customer's group is `group`. */
    const movedTo = (group: number) =>
      vi.waitFor(async () => {
        await app.worker.drain();
        expect(groupOf()).toBe(group);
      });
    const orderEvent = async (orderId: string, eventType: "order.created" | "order.updated") => {
      await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(storeId, orderId, eventType) });
      await app.worker.drain();
    };

    const order = app.emulator.putOrder(storeId, { email: "ana@example.com", customerId: customer, subtotal: 60, paymentStatus: "PAID" });
    await orderEvent(order.id, "order.created");
    await movedTo(gold);

    app.emulator.refundOrder(storeId, order.id, 60);
    await orderEvent(order.id, "order.updated");
    expect(groupOf()).toBe(gold);
    clock.advance(24 * 3_600_000);
    expect((await app.container.tierReviews.reviewStore(storeId)).changed).toBe(1);
    await movedTo(0);
    expect(await moves()).toMatchObject({ pending: 0, failed: 0 });
  });

  it("when the merchant gives a member an invitation-only tier linked to a group, then they move into it, and out again when it is taken back", async () => {
    const { storeId } = await app.installStore({ currency: "USD", currencyPrecision: 2 });
    const admin = bearer(await app.adminToken(storeId));
    const vip = app.emulator.putCustomerGroup(storeId, { name: "VIP" }).id;
    const current = (await app.http.get("/api/admin/settings", admin)).data;
    const tiers = [{ id: "tr_vip", name: "VIP", threshold: 0, inviteOnly: true, customerGroupId: vip }];
    expect((await app.http.put("/api/admin/settings", { ...current, tiers }, admin)).status).toBe(200);
    const customer = app.emulator.putCustomer(storeId, { email: "bo@example.com" }).id;
    const order = app.emulator.putOrder(storeId, { email: "bo@example.com", customerId: customer, subtotal: 10, paymentStatus: "PAID" });
    await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(storeId, order.id, "order.created") });
    await app.worker.drain();
    const memberId = (await app.container.storage.read(storeId, (tx) => tx.members.findByEmail(storeId, "bo@example.com")))!.id;
    const groupOf = () => app.emulator.getCustomer(storeId, customer)?.customerGroupId;
    const movedTo = (group: number) =>
      vi.waitFor(async () => {
        await app.worker.drain();
        expect(groupOf()).toBe(group);
      });

    expect((await app.http.put(`/api/admin/members/${memberId}/tier`, { tierId: "tr_vip" }, admin)).status).toBe(200);
    await movedTo(vip);
    clock.advance(60_000);
    expect((await app.http.delete(`/api/admin/members/${memberId}/tier`, admin)).status).toBe(200);
    await movedTo(0);
  });
});
