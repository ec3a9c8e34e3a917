import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manualClock } from "../../server/lib/clock.js";
import type { RedemptionView } from "../../server/modules/rewards/redemption.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

const clock = manualClock();
let app: TestApp;
let storeId: number;
const BEANS = { productId: 501, categoryId: 20 };
const MUG = 7001;

beforeEach(async () => {
  clock.set("2026-12-10T12:00:00Z");
  app = await startTestApp({ clock });
  ({ storeId } = await app.installStore({ currency: "USD", currencyPrecision: 2, timeZone: "Europe/Amsterdam" }));
  app.emulator.putCategory(storeId, { id: BEANS.categoryId, name: "Coffee" });
  app.emulator.putProduct(storeId, { id: BEANS.productId, name: "Beans", price: 10, categoryIds: [BEANS.categoryId] });
  app.emulator.putProduct(storeId, { id: MUG, name: "Mug", price: 24.5 });
});
afterEach(() => app.close());

const api = (path: string) => `/api/storefront/${storeId}${path}`;

async function saveProgram(changes: Record<string, unknown>) {
  const token = await app.adminToken(storeId);
  const current = (await app.http.get("/api/admin/settings", bearer(token))).data;
  const saved = await app.http.put("/api/admin/settings", { ...current, ...changes }, bearer(token));
  expect(saved.status).toBe(200);
  await app.worker.drain();
}

async function signIn(email: string) {
  await app.http.post(api("/session/start"), { email });
  const verified = await app.http.post(api("/session/verify"), { email, code: app.mail.codeFor(email) });
  expect(verified.status).toBe(200);
  return bearer(verified.data.token as string);
}

async function send(orderId: string, eventType: "order.created" | "order.updated") {
  await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(storeId, orderId, eventType) });
  await app.worker.drain();
}

async function buyBeans(email: string, quantity: number) {
  const order = app.emulator.putOrder(storeId, { email, paymentStatus: "PAID", createDate: clock.now(), items: [{ name: "Beans", price: 10, quantity, ...BEANS }] });
  await send(order.id, "order.created");
  return order;
}

const me = async (session: { headers: Record<string, string> }) => (await app.http.get(api("/me"), session)).data;
const settle = () => app.container.redemptionSettlement.settleStore(storeId);
const card = (repeat: Record<string, unknown>, rewardIds: string[]) => ({
  id: "ch_card",
  title: "Coffee card",
  points: 0,
  rewardIds,
  repeat,
  goal: { kind: "stamps", target: 5, productIds: [BEANS.productId], categoryIds: [] },
});
const mug = { id: "rw_mug", name: "A free mug", kind: "free_product", costPoints: 400, productId: MUG };
const tasting = { id: "rw_taste", name: "A tasting", kind: "experience", costPoints: 900 };

describe("a challenge's catalog rewards, granted on completion", () => {
  it("when orders fill a stamp card that pays a free mug and a tasting, then the member has both, free and said to be the card's; the settle job makes a real coupon once, and a replayed webhook grants nothing twice", async () => {
    await saveProgram({ rewards: [mug, tasting], challenges: [card({ every: "once" }, ["rw_mug", "rw_taste"])] });
    const session = await signIn("ana@example.com");
    await buyBeans("ana@example.com", 3);
    const filling = await buyBeans("ana@example.com", 2);

    const granted = await me(session);
    const byReward = (view: { redemptions: RedemptionView[] }, id: string) => view.redemptions.find((one) => one.rewardId === id);
    expect(granted.member.balance).toBe(50);
    expect(byReward(granted, "rw_taste")).toMatchObject({
      points: 0,
      status: "issued",
      coupon: null,
      grantedBy: { challengeId: "ch_card", challengeTitle: "Coffee card", periodKey: "once" },
    });
    expect(byReward(granted, "rw_mug")).toMatchObject({ points: 0, status: "pending", coupon: null, grantedBy: { challengeId: "ch_card" } });
    expect(app.emulator.getCoupons(storeId)).toEqual([]);

    expect(await settle()).toMatchObject({ issued: 1 });
    const made = await me(session);
    const coupon = byReward(made, "rw_mug");
    expect(coupon?.status).toBe("issued");
    expect(app.emulator.getCoupons(storeId)).toEqual([
      expect.objectContaining({ code: coupon?.coupon?.code, discountType: "ABS", discount: 24.5, usesLimit: "SINGLE", catalogLimit: expect.objectContaining({ products: [MUG] }) }),
    ]);
    expect(made.member.balance).toBe(50);

    await send(filling.id, "order.created");
    await send(filling.id, "order.updated");
    expect(await settle()).toMatchObject({ issued: 0 });
    const replayed = await me(session);
    expect(replayed.redemptions).toHaveLength(2);
    expect(app.emulator.getCoupons(storeId)).toHaveLength(1);

    const ledger = await app.container.storage.read(storeId, async (tx) => {
      const member = (await tx.members.list(storeId, { limit: 1, offset: 0 })).items[0]!;
      return tx.ledger.listForMember(storeId, member.id, { limit: 50, offset: 0 });
    });
    // No 0-point debit for what was granted: the books hold the orders and the card's completion only.
    expect(ledger.items.map((entry: { kind: string }) => entry.kind).sort()).toEqual(["earn_order", "earn_order", "earn_task"]);
  });

  it("when a stamp card repeats on every completion, then each full card grants the reward again", async () => {
    const five = { id: "rw_five", name: "$5 off", kind: "amount_off", costPoints: 500, amountMinor: 500 };
    await saveProgram({ rewards: [five], challenges: [card({ every: "completion" }, ["rw_five"])] });
    const session = await signIn("ana@example.com");
    await buyBeans("ana@example.com", 5);
    await settle();
    expect((await me(session)).redemptions).toHaveLength(1);
    await buyBeans("ana@example.com", 4);
    expect((await me(session)).redemptions).toHaveLength(1);
    await buyBeans("ana@example.com", 1);
    await settle();
    const twice = await me(session);
    expect(twice.redemptions.map((one: { status: string; grantedBy: { periodKey: string } }) => [one.status, one.grantedBy.periodKey]).sort()).toEqual([
      ["issued", "n1"],
      ["issued", "n2"],
    ]);
    expect(app.emulator.getCoupons(storeId).map((coupon) => coupon.discount)).toEqual([5, 5]);
  });

  it("when a reward's per-member limit is reached, then a completion pays its points but grants no more of it", async () => {
    const five = { id: "rw_five", name: "$5 off", kind: "amount_off", costPoints: 500, amountMinor: 500, perMemberLimit: 1 };
    await saveProgram({ rewards: [five], challenges: [{ ...card({ every: "completion" }, ["rw_five"]), points: 10 }] });
    const session = await signIn("ana@example.com");
    await buyBeans("ana@example.com", 10);
    const view = await me(session);
    expect(view.member.balance).toBe(100 + 20);
    expect(view.redemptions).toHaveLength(1);
  });

  it("when a refund takes back a completion whose coupon is not made yet, then the grant is cancelled and no coupon is made", async () => {
    await saveProgram({ rewards: [mug], challenges: [{ ...card({ every: "once" }, ["rw_mug"]), reverseOnRefund: true }] });
    const session = await signIn("ana@example.com");
    const order = await buyBeans("ana@example.com", 5);
    app.emulator.refundOrder(storeId, order.id, 50);
    await send(order.id, "order.updated");
    expect((await me(session)).redemptions).toEqual([expect.objectContaining({ rewardId: "rw_mug", status: "released" })]);
    await settle();
    expect(app.emulator.getCoupons(storeId)).toEqual([]);
  });
});
