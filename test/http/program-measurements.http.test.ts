import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manualClock } from "../../server/lib/clock.js";
import { verifyBooks } from "../../server/modules/ledger/verify-books.js";
import { booksFor } from "../support/books.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

const clock = manualClock();
let app: TestApp;
let storeId: number;
let admin: { headers: { Authorization: string } };

beforeEach(async () => {
  clock.set("2026-03-01T10:00:00Z");
  app = await startTestApp({ clock });
  ({ storeId } = await app.installStore({ currency: "USD", currencyPrecision: 2 }));
  admin = bearer(await app.adminToken(storeId));
});
afterEach(() => app.close());

const api = (path: string) => `/api/storefront/${storeId}${path}`;
const twoOrders = { id: "ch_two", title: "Two orders", points: 25, goal: { kind: "orders", target: 2 } };

async function paidOrders(email: string, amounts: number[]) {
  for (const amount of amounts) {
    const order = app.emulator.putOrder(storeId, { email, subtotal: amount, paymentStatus: "PAID" });
    await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(storeId, order.id, "order.created") });
  }
  await app.worker.drain();
}

async function signIn(email: string) {
  await app.http.post(api("/session/start"), { email });
  const verified = await app.http.post(api("/session/verify"), { email, code: app.mail.codeFor(email) });
  return bearer(verified.data.token as string);
}

async function saveChallenges(challenges: unknown[]) {
  const current = (await app.http.get("/api/admin/settings", admin)).data;
  const saved = await app.http.put("/api/admin/settings", { ...current, challenges }, admin);
  expect(saved.status).toBe(200);
}

const taskEntries = async (email: string) => (await booksFor(app.container.storage, storeId, email)).entries.filter((entry) => entry.kind === "earn_task");

describe("a program change reaches history", () => {
  it("when a challenge is added after members' orders, then the preview names what the measurement then pays, and the widget shows it completed only once paid", async () => {
    await paidOrders("ana@example.com", [20, 30]);
    await paidOrders("bo@example.com", [15]);
    await paidOrders("cy@example.com", [10, 10, 10]);

    const preview = await app.http.post("/api/admin/program/preview", { challenge: twoOrders }, admin);
    expect(preview.status).toBe(200);
    expect(preview.data).toEqual({ members: 2, points: 50, measured: 3 });

    await saveChallenges([twoOrders]);
    const ana = await signIn("ana@example.com");
    const waiting = (await app.http.get(api("/me"), ana)).data;
    expect(waiting.challenges).toMatchObject([{ id: "ch_two", progress: 2, target: 2, completed: false }]);
    expect(waiting.member.balance).toBe(50);
    const running = (await app.http.get("/api/admin/program/measurements", admin)).data.items;
    expect(running).toMatchObject([{ challengeIds: ["ch_two"], status: "running", measured: 0, actor: expect.any(String) }]);

    await app.worker.drain();

    const done = await app.http.get(`/api/admin/program/measurements/${running[0].id}`, admin);
    expect(done.data).toMatchObject({ status: "done", total: 3, measured: 3, paidMembers: preview.data.members, paidPoints: preview.data.points });
    const paid = (await app.http.get(api("/me"), ana)).data;
    expect(paid.challenges).toMatchObject([{ id: "ch_two", progress: 2, target: 2, completed: true }]);
    expect(paid.member.balance).toBe(75);
    expect(await taskEntries("ana@example.com")).toMatchObject([{ delta: 25, source: { type: "task", id: "ch_two" } }]);
    expect(await taskEntries("bo@example.com")).toEqual([]);
    expect(await taskEntries("cy@example.com")).toHaveLength(1);
    expect((await app.http.post("/api/admin/program/preview", { challenge: twoOrders }, admin)).data).toEqual({ members: 0, points: 0, measured: 3 });
  });

  it("when a goal is lowered, then only the members it newly completes are paid, and a save that changes no goal starts no measurement", async () => {
    await paidOrders("ana@example.com", [20, 30]);
    await paidOrders("bo@example.com", [15]);
    await saveChallenges([twoOrders]);
    await app.worker.drain();

    const lowered = { ...twoOrders, goal: { kind: "orders", target: 1 } };
    expect((await app.http.post("/api/admin/program/preview", { challenge: lowered }, admin)).data).toEqual({ members: 1, points: 25, measured: 2 });
    await saveChallenges([lowered]);
    await app.worker.drain();
    await saveChallenges([{ ...lowered, title: "One order", points: 40 }]);
    await app.worker.drain();

    const measurements = (await app.http.get("/api/admin/program/measurements", admin)).data.items;
    expect(measurements.map((item: { paidMembers: number; paidPoints: number; status: string }) => [item.status, item.paidMembers, item.paidPoints])).toEqual([
      ["done", 1, 25],
      ["done", 1, 25],
    ]);
    expect(await taskEntries("ana@example.com")).toHaveLength(1);
    expect(await taskEntries("bo@example.com")).toMatchObject([{ delta: 25 }]);
    expect((await verifyBooks(app.container.storage, { storeIds: [storeId] }))[0]?.problems).toEqual([]);
  });

  it("when the merchant counts only orders from now on, then earlier orders neither complete the challenge nor show as progress, and later ones do", async () => {
    await paidOrders("ana@example.com", [20, 30]);
    clock.advance(60_000);
    const fromNow = { ...twoOrders, countFrom: clock.now().toISOString() };
    expect((await app.http.post("/api/admin/program/preview", { challenge: fromNow }, admin)).data).toEqual({ members: 0, points: 0, measured: 1 });
    await saveChallenges([fromNow]);
    await app.worker.drain();
    const ana = await signIn("ana@example.com");
    expect((await app.http.get(api("/me"), ana)).data.challenges).toMatchObject([{ id: "ch_two", progress: 0, target: 2, completed: false }]);

    clock.advance(60_000);
    await paidOrders("ana@example.com", [5]);
    expect((await app.http.get(api("/me"), ana)).data.challenges).toMatchObject([{ id: "ch_two", progress: 1, target: 2, completed: false }]);
    await paidOrders("ana@example.com", [5]);
    const me = (await app.http.get(api("/me"), ana)).data;
    expect(me.challenges).toMatchObject([{ id: "ch_two", progress: 2, target: 2, completed: true }]);
    expect(me.member.balance).toBe(20 + 30 + 5 + 5 + 25);
    expect((await app.http.get("/api/storefront/" + storeId + "/program")).data.challenges[0]).toMatchObject({ id: "ch_two", countFrom: fromNow.countFrom });
  });

  it("when challenges are saved before the store has any member, then no measurement starts, and the first member's order pays them", async () => {
    await saveChallenges([{ ...twoOrders, goal: { kind: "orders", target: 1 } }]);
    expect((await app.http.get("/api/admin/program/measurements", admin)).data.items).toEqual([]);
    expect(await app.container.storage.inbox.counts(storeId)).toMatchObject({ pending: 0 });
    await paidOrders("ana@example.com", [20]);
    expect(await taskEntries("ana@example.com")).toMatchObject([{ delta: 25 }]);
  });

  it("when a badge is previewed, then it counts the members it would award and no points", async () => {
    await paidOrders("ana@example.com", [60, 50]);
    await paidOrders("bo@example.com", [40]);
    const badge = { id: "bd_hundred", name: "Hundred", goal: { kind: "spend", target: 10_000 } };
    expect((await app.http.post("/api/admin/program/preview", { badge }, admin)).data).toEqual({ members: 1, points: 0, measured: 2 });
  });

  it("when the preview is asked with a broken or unknown proposal, then 400 names the field and nothing is saved or measured", async () => {
    const broken = await app.http.post("/api/admin/program/preview", { challenge: { ...twoOrders, goal: { kind: "orders", target: 0 } } }, admin);
    expect(broken.status).toBe(400);
    expect(broken.data).toMatchObject({ code: "validation_failed", issues: [{ path: ["challenge", "goal", "target"], code: "too_small" }] });
    const threeBroken = await app.http.post("/api/admin/program/preview", { challenge: { ...twoOrders, title: "", points: -1, goal: { kind: "orders", target: "" } } }, admin);
    expect(threeBroken.data.issues.map((issue: { path: unknown[] }) => issue.path)).toEqual([
      ["challenge", "title"],
      ["challenge", "goal", "target"],
      ["challenge", "points"],
    ]);
    for (const body of [{}, { challenge: twoOrders, extra: 1 }, { reward: {} }, "nonsense"]) {
      expect((await app.http.post("/api/admin/program/preview", body, admin)).status).toBe(400);
    }
    expect((await app.http.get("/api/admin/program/measurements/pm_missing", admin)).status).toBe(404);
    expect((await app.http.get("/api/admin/program/measurements", admin)).data.items).toEqual([]);
    expect((await app.http.post("/api/admin/program/preview", { challenge: twoOrders })).status).toBe(401);
  });
});
