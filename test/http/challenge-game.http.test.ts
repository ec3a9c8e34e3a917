import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manualClock } from "../../server/lib/clock.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

const clock = manualClock();
let app: TestApp;
let storeId: number;
const BEANS = { productId: 501, categoryId: 20 };

beforeEach(async () => {
  clock.set("2026-12-10T12:00:00Z");
  app = await startTestApp({ clock });
  ({ storeId } = await app.installStore({ currency: "USD", currencyPrecision: 2, timeZone: "Europe/Amsterdam" }));
  app.emulator.putCategory(storeId, { id: BEANS.categoryId, name: "Coffee" });
  app.emulator.putProduct(storeId, { id: BEANS.productId, name: "Beans", price: 10, categoryIds: [BEANS.categoryId] });
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

/** A paid order of `quantity` bags of beans at 10.00, placed `at`, sent to Questline as Ecwid would. */
async function buyBeans(email: string, quantity: number, at = clock.now()) {
  const order = app.emulator.putOrder(storeId, { email, paymentStatus: "PAID", createDate: at, items: [{ name: "Beans", price: 10, quantity, ...BEANS }] });
  await send(order.id, "order.created");
  return order;
}

async function send(orderId: string, eventType: "order.created" | "order.updated") {
  await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(storeId, orderId, eventType) });
  await app.worker.drain();
}

const me = async (session: { headers: Record<string, string> }) => (await app.http.get(api("/me"), session)).data;

describe("the game through signed webhooks", () => {
  // Each order kind: the goal, then what to buy (placed when) to complete it. Every challenge pays 40 points and the badge.
  const kinds = [
    ["orders", { kind: "orders", target: 2 }, [1, 1]],
    ["spend", { kind: "spend", target: 3_000 }, [1, 2]],
    ["product", { kind: "product", target: 2, productIds: [], categoryIds: [20] }, [1, 1]],
    ["first_order", { kind: "first_order" }, [1]],
    ["streak", { kind: "streak", target: 2, period: "week" }, [1, 1]],
    ["stamps", { kind: "stamps", target: 5, productIds: [501], categoryIds: [] }, [3, 2]],
  ] as const;

  for (const [kind, goal, bags] of kinds) {
    it(`when a shopper's orders complete a ${kind} challenge, then /me shows the progress, the points are paid once and its badge is earned`, async () => {
      await saveProgram({
        challenges: [{ id: "ch_game", title: `The ${kind} one`, points: 40, badgeIds: ["bd_game"], goal }],
        badges: [{ id: "bd_game", name: "Player", icon: "trophy" }],
      });
      const session = await signIn("ana@example.com");
      // One order a week (streaks count weeks), the last one now.
      const placed = bags.map((_, index) => new Date(clock.now().getTime() - (bags.length - 1 - index) * 7 * 86_400_000));
      await buyBeans("ana@example.com", bags[0], placed[0]);
      if (bags.length > 1) {
        const halfway = await me(session);
        expect(halfway.challenges[0]).toMatchObject({ id: "ch_game", completed: false, open: true, completedKeys: [] });
        expect(halfway.challenges[0].progress).toBeGreaterThan(0);
        expect(halfway.badges[0]).toMatchObject({ id: "bd_game", earned: false, challengeIds: ["ch_game"] });
      }
      for (let i = 1; i < bags.length; i++) await buyBeans("ana@example.com", bags[i]!, placed[i]);

      const done = await me(session);
      const earnedOnOrders = bags.reduce((sum, n) => sum + n * 10, 0);
      expect(done.member.balance).toBe(earnedOnOrders + 40);
      expect(done.challenges[0]).toMatchObject({ id: "ch_game", completed: true, open: false, completedKeys: ["once"], progress: done.challenges[0].target });
      expect(done.badges[0]).toMatchObject({ id: "bd_game", icon: "trophy", earned: true });
      if (kind === "stamps") expect(done.challenges[0].stamps).toEqual({ filled: 5, total: 5 });

      await buyBeans("ana@example.com", 1);
      expect((await me(session)).member.balance).toBe(earnedOnOrders + 10 + 40);
    });
  }

  it("when a refund takes out the order that filled a stamp card that takes back on refund, then the stamps, the points and the badge go, and filling it again pays again", async () => {
    const card = { id: "ch_card", title: "Coffee card", points: 100, badgeIds: ["bd_card"], goal: { kind: "stamps", target: 5, productIds: [501], categoryIds: [] } };
    await saveProgram({ challenges: [{ ...card, reverseOnRefund: true }], badges: [{ id: "bd_card", name: "Regular", icon: "coffee" }] });
    const session = await signIn("ana@example.com");
    await buyBeans("ana@example.com", 3);
    const filling = await buyBeans("ana@example.com", 2);
    expect((await me(session)).member.balance).toBe(50 + 100);

    app.emulator.refundOrder(storeId, filling.id, 20);
    await send(filling.id, "order.updated");
    const after = await me(session);
    expect(after.member.balance).toBe(30);
    expect(after.challenges[0]).toMatchObject({ completed: false, completedKeys: [], open: true, stamps: { filled: 3, total: 5 } });
    expect(after.badges[0]).toMatchObject({ earned: false, progress: 3, target: 5 });
    await send(filling.id, "order.updated");
    expect((await me(session)).member.balance).toBe(30);

    await buyBeans("ana@example.com", 2);
    const again = await me(session);
    expect(again.member.balance).toBe(50 + 100);
    expect(again.challenges[0]).toMatchObject({ completed: true, completedKeys: ["once"] });
    expect(again.badges[0].earned).toBe(true);
    const ledger = await app.container.storage.read(storeId, async (tx) => {
      const member = (await tx.members.list(storeId, { limit: 10, offset: 0 })).items[0]!;
      return tx.ledger.memberKeys(storeId, member.id, "task");
    });
    expect(ledger.map((key) => key.replace(/mem_[a-z0-9]+/, "M"))).toEqual(["task:ch_card:M:once", "task-reversal:ch_card:M:once", "task:ch_card:M:once:g2"]);
  });

  it("when a refund undoes progress of a challenge that keeps what it paid, then the progress follows the orders and the points stay", async () => {
    await saveProgram({ challenges: [{ id: "ch_two", title: "Two orders", points: 40, goal: { kind: "orders", target: 2 } }] });
    const session = await signIn("ana@example.com");
    await buyBeans("ana@example.com", 1);
    const second = await buyBeans("ana@example.com", 1);
    app.emulator.refundOrder(storeId, second.id, 10);
    await send(second.id, "order.updated");
    const after = await me(session);
    expect(after.member.balance).toBe(10 + 40);
    expect(after.challenges[0]).toMatchObject({ completed: true, completedKeys: ["once"] });
  });

  it("when a challenge repeats weekly, then each ISO week in the store's time zone pays once, up to its cap", async () => {
    await saveProgram({ challenges: [{ id: "ch_week", title: "Weekly", points: 5, goal: { kind: "orders", target: 1 }, repeat: { every: "week", cap: 2 } }] });
    const session = await signIn("ana@example.com");
    await buyBeans("ana@example.com", 1);
    await buyBeans("ana@example.com", 1);
    expect((await me(session)).challenges[0]).toMatchObject({ periodKey: "2026-W50", completedKeys: ["2026-W50"], open: false, nextAvailableAt: "2026-12-13T23:00:00.000Z" });
    clock.set("2026-12-14T00:30:00+01:00");
    await buyBeans("ana@example.com", 1);
    clock.set("2026-12-21T10:00:00Z");
    await buyBeans("ana@example.com", 1);
    const capped = await me(session);
    expect(capped.challenges[0]).toMatchObject({ completedKeys: ["2026-W50", "2026-W51"], reason: "cap_reached", open: false });
    expect(capped.member.balance).toBe(40 + 10);
  });

  it("when the first shopper takes the only winner's place, then the next is paid nothing and sees it closed", async () => {
    await saveProgram({ challenges: [{ id: "ch_first", title: "First one wins", points: 500, goal: { kind: "orders", target: 1 }, limits: { winners: 1 } }] });
    const [ana, bo] = [await signIn("ana@example.com"), await signIn("bo@example.com")];
    await buyBeans("ana@example.com", 1);
    await buyBeans("bo@example.com", 1);
    expect((await me(ana)).member.balance).toBe(510);
    const late = await me(bo);
    expect(late.member.balance).toBe(10);
    expect(late.challenges[0]).toMatchObject({ completed: false, open: false, reason: "closed", completedKeys: [] });
  });
});
