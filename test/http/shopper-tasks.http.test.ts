import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manualClock } from "../../server/lib/clock.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

const clock = manualClock();
let app: TestApp;
let storeId: number;

beforeEach(async () => {
  clock.set("2026-12-10T12:00:00Z");
  app = await startTestApp({ clock });
  ({ storeId } = await app.installStore({ currency: "USD", currencyPrecision: 2, timeZone: "Europe/Amsterdam" }));
});
afterEach(() => app.close());

const api = (path: string) => `/api/storefront/${storeId}${path}`;
type Session = { headers: Record<string, string> };

async function saveProgram(changes: Record<string, unknown>) {
  const token = await app.adminToken(storeId);
  const current = (await app.http.get("/api/admin/settings", bearer(token))).data;
  const saved = await app.http.put("/api/admin/settings", { ...current, ...changes }, bearer(token));
  expect(saved.status, JSON.stringify(saved.data)).toBe(200);
}

async function signIn(email: string): Promise<Session> {
  await app.http.post(api("/session/start"), { email });
  const verified = await app.http.post(api("/session/verify"), { email, code: app.mail.codeFor(email) });
  expect(verified.status).toBe(200);
  return bearer(verified.data.token as string);
}

const complete = (session: Session | undefined, challengeId: string, body: unknown = {}) => app.http.post(api(`/challenges/${challengeId}/complete`), body, session);
const me = async (session: Session) => (await app.http.get(api("/me"), session)).data;
const standing = async (session: Session, id: string) => (await me(session)).challenges.find((challenge: { id: string }) => challenge.id === id);

const challenge = (id: string, goal: Record<string, unknown>, more: Record<string, unknown> = {}) => ({ id, title: `Task ${id}`, points: 25, goal, ...more });

describe("shopper tasks through the storefront API", () => {
  it("when a shopper first proves their email, then a join challenge pays its sign-up bonus once; signing in again or collecting it pays nothing more", async () => {
    await saveProgram({ challenges: [challenge("ch_join", { kind: "join" }, { points: 50 })] });
    const session = await signIn("ana@example.com");
    expect((await me(session)).member.balance).toBe(50);
    expect(await standing(session, "ch_join")).toMatchObject({ completed: true, open: false });

    const again = await signIn("ana@example.com");
    const collect = await complete(again, "ch_join");
    expect(collect.status).toBe(409);
    expect(collect.data).toMatchObject({ code: "already_completed", nextAvailableAt: null });
    expect((await me(again)).member.balance).toBe(50);
  });

  it("when a shopper visits the shop's page, then it pays its points and badge once with the new balance, and a second visit is refused as already completed", async () => {
    await saveProgram({
      challenges: [challenge("ch_follow", { kind: "visit", url: "https://instagram.com/shop", network: "instagram" }, { badgeIds: ["bd_fan"] })],
      badges: [{ id: "bd_fan", name: "Fan", icon: "heart" }],
    });
    const session = await signIn("bo@example.com");
    const done = await complete(session, "ch_follow");
    expect(done.status).toBe(200);
    expect(done.data).toEqual({ awarded: { points: 25, badges: ["bd_fan"], rewards: [] }, balance: 25, nextAvailableAt: null });
    const after = await me(session);
    expect(after.badges[0]).toMatchObject({ id: "bd_fan", earned: true });
    expect(after.challenges[0]).toMatchObject({ id: "ch_follow", completed: true, open: false });

    const twice = await complete(session, "ch_follow");
    expect(twice.status).toBe(409);
    expect(twice.data.code).toBe("already_completed");
    expect((await me(session)).member.balance).toBe(25);
  });

  it("when a monthly survey is answered, then it pays once per calendar month in the store's time zone, says when it opens again, and keeps the answer", async () => {
    await saveProgram({ challenges: [challenge("ch_nps", { kind: "survey" }, { repeat: { every: "month" } })] });
    const session = await signIn("cy@example.com");
    const first = await complete(session, "ch_nps", { answer: { score: 9, comment: "Great coffee" } });
    expect(first.status).toBe(200);
    // December 1 at midnight in Amsterdam is 23:00 UTC the day before.
    expect(first.data).toMatchObject({ awarded: { points: 25 }, balance: 25, nextAvailableAt: "2026-12-31T23:00:00.000Z" });

    const again = await complete(session, "ch_nps", { answer: { score: 10 } });
    expect(again.status).toBe(409);
    expect(again.data).toMatchObject({ code: "already_completed", nextAvailableAt: "2026-12-31T23:00:00.000Z" });

    clock.set("2026-12-31T23:30:00Z");
    const january = await complete(session, "ch_nps", { answer: { score: 6 } });
    expect(january.status).toBe(200);
    expect(january.data.balance).toBe(50);
    const answers = await app.container.storage.read(storeId, async (tx) => tx.tasks.listByStatus(storeId, "done", { limit: 10, offset: 0 }));
    expect(answers.items.map((item) => [item.periodKey, item.answer])).toEqual([
      ["2026-12", { score: 9, comment: "Great coffee" }],
      ["2027-01", { score: 6, comment: null }],
    ]);
  });

  it("when a birthday is added, then the task pays once; a change within the year is refused, a year later it is taken and pays nothing", async () => {
    await saveProgram({ challenges: [challenge("ch_bday", { kind: "birthday", yearlyPoints: 100 })] });
    const session = await signIn("di@example.com");
    const added = await complete(session, "ch_bday", { birthday: "1990-05-10" });
    expect(added.status).toBe(200);
    expect(added.data.balance).toBe(25);

    const tooSoon = await app.http.put(api("/me/birthday"), { birthday: "06-01" }, session);
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.data).toMatchObject({ code: "birthday_locked", nextChangeAt: "2027-12-10T12:00:00.000Z" });
    const same = await app.http.put(api("/me/birthday"), { birthday: "05-10" }, session);
    expect(same.status).toBe(200);

    clock.set("2027-12-10T12:00:00Z");
    const later = await signIn("di@example.com");
    const changed = await app.http.put(api("/me/birthday"), { birthday: "06-01" }, later);
    expect(changed.data).toEqual({ birthday: "06-01", nextChangeAt: "2028-12-10T12:00:00.000Z" });
    expect((await me(later)).member.balance).toBe(25);
    const member = await app.container.storage.read(storeId, (tx) => tx.members.findByEmail(storeId, "di@example.com"));
    expect(member?.game).toMatchObject({ birthday: "06-01", birthdaySetAt: "2027-12-10T12:00:00.000Z" });
  });

  it("when a member's birthday comes in the store's time zone, then the yearly bonus is paid once that year, again the next year, and not on other days", async () => {
    await saveProgram({ challenges: [challenge("ch_bday", { kind: "birthday", yearlyPoints: 100 })] });
    const session = await signIn("jo@example.com");
    expect((await complete(session, "ch_bday", { birthday: "12-11" })).status).toBe(200);
    const balance = async () => (await app.container.storage.read(storeId, (tx) => tx.members.findByEmail(storeId, "jo@example.com")))!.balance;

    // 22:59 UTC on Dec 10 is still Dec 10 in Amsterdam; 23:00 is Dec 11 there.
    clock.set("2026-12-10T22:59:00Z");
    expect(await app.container.birthdays.payStore(storeId)).toEqual({ members: 0, points: 0 });
    clock.set("2026-12-10T23:00:00Z");
    expect(await app.container.birthdays.payStore(storeId)).toEqual({ members: 1, points: 100 });
    clock.set("2026-12-11T20:00:00Z");
    expect(await app.container.birthdays.payStore(storeId)).toEqual({ members: 0, points: 0 });
    expect(await balance()).toBe(125);

    clock.set("2027-12-11T09:00:00Z");
    expect(await app.container.birthdays.payStore(storeId)).toEqual({ members: 1, points: 100 });
    expect(await balance()).toBe(225);
  });

  it("when a challenge targets a tier, then a shopper outside it is refused with the reason and paid nothing", async () => {
    await saveProgram({
      tiers: [{ id: "tr_gold", name: "Gold", threshold: 50_000 }],
      challenges: [challenge("ch_gold", { kind: "visit", url: "https://example.com/vip" }, { audience: { kind: "tier", tierIds: ["tr_gold"] } })],
    });
    const session = await signIn("ed@example.com");
    const refused = await complete(session, "ch_gold");
    expect(refused.status).toBe(409);
    expect(refused.data).toMatchObject({ code: "not_available", reason: "audience" });
    expect((await me(session)).member.balance).toBe(0);
  });

  it("when a proof link is sent, then it waits for review (202, nothing paid), /me says so, and sending again is refused while it waits", async () => {
    await saveProgram({ challenges: [challenge("ch_review", { kind: "proof", proof: "link", prompt: "Link to your review" })] });
    const session = await signIn("fi@example.com");
    const sent = await complete(session, "ch_review", { link: "https://reviews.example/fi" });
    expect(sent.status).toBe(202);
    expect(sent.data).toEqual({ awarded: { points: 0, badges: [], rewards: [] }, balance: 0, nextAvailableAt: null });
    expect(await standing(session, "ch_review")).toMatchObject({ completed: false, proof: { status: "pending", reason: null } });
    const again = await complete(session, "ch_review", { link: "https://reviews.example/fi2" });
    expect(again.status).toBe(409);
    expect(again.data.code).toBe("pending_review");
  });

  it("when a task is sent wrongly, then it gets a clear refusal and nothing changes: no token, an unknown or draft challenge, one that counts orders, the wrong input", async () => {
    await saveProgram({
      challenges: [
        challenge("ch_nps", { kind: "survey" }),
        challenge("ch_draft", { kind: "join" }, { status: "draft" }),
        challenge("ch_orders", { kind: "orders", target: 3 }),
        challenge("ch_bday", { kind: "birthday" }),
      ],
    });
    const session = await signIn("gu@example.com");
    expect((await complete(undefined, "ch_nps", { answer: { score: 5 } })).status).toBe(401);
    expect((await complete(session, "ch_nope")).status).toBe(404);
    expect((await complete(session, "ch_draft")).status).toBe(404);
    expect((await complete(session, "ch_orders")).data).toMatchObject({ code: "not_available", reason: "counts_orders" });

    const cases: [string, unknown, (string | number)[]][] = [
      ["ch_nps", {}, ["answer"]],
      ["ch_nps", { answer: { score: 11 } }, ["answer", "score"]],
      ["ch_nps", { answer: { score: 7.5 } }, ["answer", "score"]],
      ["ch_bday", { birthday: "02-30" }, ["birthday"]],
      ["ch_bday", { birthday: "1990-13-01" }, ["birthday"]],
      ["ch_bday", { birthday: "05-10", extra: true }, ["extra"]],
    ];
    for (const [id, body, path] of cases) {
      const refused = await complete(session, id, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.data.issues.map((issue: { path: unknown }) => issue.path)).toContainEqual(path);
    }
    const malformed = await app.http.post(api("/challenges/ch_nps/complete"), "{", { headers: { ...session.headers, "Content-Type": "application/json" } });
    expect(malformed.status).toBe(400);
    expect((await me(session)).member.balance).toBe(0);
    expect(await app.container.storage.read(storeId, (tx) => tx.tasks.listByStatus(storeId, "done", { limit: 1, offset: 0 }))).toMatchObject({ total: 0 });
  });

  it("when a challenge's budget is spent, then the next shopper's task is refused as closed and the first keeps their points", async () => {
    await saveProgram({ challenges: [challenge("ch_follow", { kind: "visit", url: "https://example.com/" }, { limits: { winners: 1 } })] });
    const first = await signIn("ha@example.com");
    expect((await complete(first, "ch_follow")).status).toBe(200);
    const second = await signIn("io@example.com");
    const late = await complete(second, "ch_follow");
    expect(late.status).toBe(409);
    expect(late.data).toMatchObject({ code: "not_available", reason: "closed" });
    expect((await me(first)).member.balance).toBe(25);
    expect((await me(second)).member.balance).toBe(0);
  });
});
