import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { EcwidPerson } from "../../server/ecwid-emulator/wire-types.js";
import { manualClock } from "../../server/lib/clock.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

// 03:00 UTC on 1 December is still 30 November in New York, the store's time zone: last month.
const LAST_MONTH_IN_STORE = new Date("2026-12-01T03:00:00.000Z");
const THIS_MONTH = new Date("2026-12-01T12:00:00.000Z");
const clock = manualClock(THIS_MONTH);
let app: TestApp;
let storeId: number;

beforeEach(async () => {
  clock.set(THIS_MONTH);
  app = await startTestApp({ clock });
  ({ storeId } = await app.installStore({ storeName: "Alpine Gear", lang: "en", timeZone: "America/New_York" }));
});
afterEach(() => app.close());

const api = (path: string) => `/api/storefront/${storeId}${path}`;

async function signIn(email: string) {
  await app.http.post(api("/session/start"), { email });
  const verified = await app.http.post(api("/session/verify"), { email, code: app.mail.codeFor(email) });
  expect(verified.status).toBe(200);
  return verified.data.token as string;
}

async function paidOrder(email: string, amount: number, billingPerson: EcwidPerson) {
  const order = app.emulator.putOrder(storeId, { email, subtotal: amount, total: amount, paymentStatus: "PAID", billingPerson });
  await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(storeId, order.id, "order.created") });
  await app.worker.drain();
}

async function turnOn(size: number) {
  const saved = await app.http.put("/api/admin/program/leaderboard", { enabled: true, size }, bearer(await app.adminToken(storeId)));
  expect(saved.status).toBe(200);
}

const board = (token?: string) => app.http.get(api("/leaderboard"), token ? bearer(token) : {});
const choose = (token: string, optIn: unknown) => app.http.put(api("/me/leaderboard"), { optIn }, bearer(token));

describe("leaderboard", () => {
  it("when the merchant has not turned the board on, then it is not there: 404 leaderboard_off, no choice taken, and the program says it is off", async () => {
    await paidOrder("maya@example.com", 30, { firstName: "Maya", lastName: "Kowalski" });
    const token = await signIn("maya@example.com");

    expect((await app.http.get(api("/program"))).data.leaderboard).toEqual({ enabled: false });
    for (const answer of [await board(), await board(token), await choose(token, true)]) {
      expect(answer.status).toBe(404);
      expect(answer.data.code).toBe("leaderboard_off");
    }
    const member = await app.container.storage.read(storeId, (tx) => tx.members.findByEmail(storeId, "maya@example.com"));
    expect(member?.game.leaderboard).toBe(false);
  });

  it("when shoppers earn this month in the store's time zone and opt in, then the top ranks them by this month's points, named by first name and initial, and each reads their own place", async () => {
    clock.set(LAST_MONTH_IN_STORE);
    await paidOrder("maya@example.com", 500, { firstName: "Maya", lastName: "Kowalski" });
    clock.set(THIS_MONTH);
    await paidOrder("maya@example.com", 30, { firstName: "Maya", lastName: "Kowalski" });
    await paidOrder("bo@example.com", 50, { firstName: "Bo", lastName: "" });
    await paidOrder("cy.lee@example.com", 20, { name: "", firstName: "", lastName: "" });
    await paidOrder("di@example.com", 100, { name: "Di Prince" });
    await paidOrder("ed@example.com", 10, { name: "Ed Stone" });
    await turnOn(3);
    expect((await app.http.get(api("/program"))).data.leaderboard).toEqual({ enabled: true });

    const anonymousBefore = await board();
    expect(anonymousBefore.status).toBe(200);
    expect(anonymousBefore.data).toEqual({ month: "2026-12", top: [], me: null });

    const tokens = Object.fromEntries(await Promise.all(["maya", "bo", "cy.lee", "di", "ed"].map(async (name) => [name, await signIn(`${name}@example.com`)] as const)));
    for (const name of ["maya", "bo", "cy.lee", "ed"]) expect((await choose(tokens[name]!, true)).data).toEqual({ optedIn: true });
    // The same choice again is no change.
    const again = await choose(tokens.maya!, true);
    expect([again.status, again.data]).toEqual([200, { optedIn: true }]);

    const anonymous = await board();
    expect(anonymous.data).toEqual({
      month: "2026-12",
      top: [
        { rank: 1, name: "Bo", points: 50 },
        { rank: 2, name: "Maya K.", points: 30 },
        { rank: 3, name: "C.", points: 20 },
      ],
      me: null,
    });
    expect(anonymous.headers["cache-control"]).toMatch(/^public, max-age=\d+$/);
    expect(JSON.stringify(anonymous.data)).not.toMatch(/@|Kowalski/);

    const maya = await board(tokens.maya);
    expect(maya.data.top).toEqual(anonymous.data.top);
    expect(maya.data.me).toEqual({ optedIn: true, rank: 2, points: 30 });
    expect(maya.headers["cache-control"]).toBe("private, no-store");
    // Beyond the top three, Ed still reads his place; Di earned the most but did not opt in.
    expect((await board(tokens.ed)).data.me).toEqual({ optedIn: true, rank: 4, points: 10 });
    expect((await board(tokens.di)).data.me).toEqual({ optedIn: false, rank: null, points: 100 });
  });

  it("when a shopper opts out, then they leave the board at once and read no rank, their points still theirs", async () => {
    await paidOrder("maya@example.com", 30, { firstName: "Maya", lastName: "Kowalski" });
    await paidOrder("bo@example.com", 50, { firstName: "Bo", lastName: "Berg" });
    await turnOn(10);
    const maya = await signIn("maya@example.com");
    const bo = await signIn("bo@example.com");
    await choose(maya, true);
    await choose(bo, true);
    expect((await board()).data.top.map((place: { name: string }) => place.name)).toEqual(["Bo B.", "Maya K."]);

    expect((await choose(maya, false)).data).toEqual({ optedIn: false });

    expect((await board()).data.top).toEqual([{ rank: 1, name: "Bo B.", points: 50 }]);
    expect((await board(maya)).data.me).toEqual({ optedIn: false, rank: null, points: 30 });
    const member = await app.container.storage.read(storeId, (tx) => tx.members.findByEmail(storeId, "maya@example.com"));
    expect(member?.game).toMatchObject({ leaderboard: false, name: "Maya Kowalski" });
  });

  it("when the token is bad or missing, or the choice is not a yes or no, then it is refused and nothing changes", async () => {
    await paidOrder("maya@example.com", 30, { firstName: "Maya", lastName: "Kowalski" });
    await turnOn(10);
    const maya = await signIn("maya@example.com");

    expect((await board("not-a-token")).status).toBe(401);
    expect((await app.http.put(api("/me/leaderboard"), { optIn: true })).status).toBe(401);
    for (const body of [{ optIn: "yes" }, { optIn: true, name: "Queen" }, []]) {
      const refused = await app.http.put(api("/me/leaderboard"), body, bearer(maya));
      expect([refused.status, refused.data.code]).toEqual([400, "validation_failed"]);
    }
    expect((await board(maya)).data.me).toEqual({ optedIn: false, rank: null, points: 30 });
  });
});
