import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REFERRAL_CODE_PATTERN } from "../../server/modules/referrals/referral-wire.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

let app: TestApp;
let storeId: number;

beforeEach(async () => {
  app = await startTestApp();
  ({ storeId } = await app.installStore({ storeName: "Alpine Gear", lang: "en" }));
});
afterEach(() => app.close());

const api = (path: string) => `/api/storefront/${storeId}${path}`;

async function signIn(email: string) {
  await app.http.post(api("/session/start"), { email });
  const verified = await app.http.post(api("/session/verify"), { email, code: app.mail.codeFor(email) });
  expect(verified.status).toBe(200);
  return verified.data.token as string;
}

const LEVELS = [
  { id: "lv_advocate", name: "Advocate", minReferrals: 1, extraPoints: 0 },
  { id: "lv_champion", name: "Champion", minReferrals: 5, extraPoints: 100 },
];

async function runReferrals(changes: Record<string, unknown> = {}) {
  const body = {
    enabled: true,
    friendOffer: { kind: "amount_off", amountMinor: 1000, minOrderMinor: 5000 },
    ambassadorReward: { kind: "points", points: 300 },
    levels: LEVELS,
    ...changes,
  };
  const saved = await app.http.put("/api/admin/program/referrals", body, bearer(await app.adminToken(storeId)));
  expect(saved.status).toBe(200);
}

const me = async (token: string) => {
  const answer = await app.http.get(api("/me"), bearer(token));
  expect(answer.status).toBe(200);
  return answer.data;
};
const memberOf = (email: string) => app.container.storage.read(storeId, (tx) => tx.members.findByEmail(storeId, email));

describe("the referral program in the storefront API", () => {
  it("when the merchant runs no referral program, then the program says so, /me has no referral and no code is issued", async () => {
    const token = await signIn("maya@example.com");

    expect((await app.http.get(api("/program"))).data.referral).toEqual({ enabled: false, friendOffer: null, ambassadorReward: null, holdDays: 14, levels: [] });
    expect((await me(token)).referral).toBeNull();
    expect((await memberOf("maya@example.com"))?.referral).toBeNull();
  });

  it("when the program runs, then the program tells the friend's offer and the reward, and a member's first /me issues their code once, with its link and QR", async () => {
    await runReferrals();
    const token = await signIn("maya.k@example.com");

    expect((await app.http.get(api("/program"))).data.referral).toEqual({
      enabled: true,
      friendOffer: { kind: "amount_off", amountMinor: 1000, minOrderMinor: 5000 },
      ambassadorReward: { kind: "points", points: 300 },
      holdDays: 14,
      levels: LEVELS,
    });
    const [first, again] = [(await me(token)).referral, (await me(token)).referral];
    expect(first.code).toMatch(REFERRAL_CODE_PATTERN);
    expect(first.code).toMatch(/^MAYA-/);
    expect(first).toEqual({
      code: first.code,
      link: `${app.url}/r/${first.code}`,
      qrUrl: `${app.url}/r/${first.code}/qr.svg`,
      couponReady: false,
      blocked: false,
      stats: { clicks: 0, clicksByChannel: {}, friendsOrdered: 0, pending: 0, paid: 0 },
      level: { current: null, next: { id: "lv_advocate", name: "Advocate", referralsNeeded: 1 } },
    });
    expect(again).toEqual(first);
    const member = await memberOf("maya.k@example.com");
    expect(member?.referral?.code).toBe(first.code);
    expect(await app.container.storage.referralCodes.find(first.code)).toEqual({ storeId, memberId: member!.id });
    expect((await app.container.storage.read(storeId, (tx) => tx.members.findByReferralCode(storeId, first.code.toLowerCase())))?.id).toBe(member!.id);
  });

  it("when a new member opens the widget twice at once, then both answers name the one code they keep", async () => {
    await runReferrals();
    const token = await signIn("bo@example.com");

    const [one, two] = await Promise.all([me(token), me(token)]);

    expect(one.referral.code).toBe(two.referral.code);
    expect((await memberOf("bo@example.com"))?.referral?.code).toBe(one.referral.code);
  });

  it("when an ambassador has friends paid and visits counted, then /me tells the numbers, the level reached and what the next one takes", async () => {
    await runReferrals();
    const token = await signIn("cy@example.com");
    await me(token);
    await app.container.storage.transaction(storeId, async (tx) => {
      const member = (await tx.members.findByEmail(storeId, "cy@example.com"))!;
      const referral = { ...member.referral!, clicks: { whatsapp: 4, qr: 2 }, friendsOrdered: 3, pending: 1, paid: 2 };
      await tx.members.update(storeId, { ...member, referral });
    });

    expect((await me(token)).referral).toMatchObject({
      stats: { clicks: 6, clicksByChannel: { whatsapp: 4, qr: 2 }, friendsOrdered: 3, pending: 1, paid: 2 },
      level: { current: { id: "lv_advocate", name: "Advocate" }, next: { id: "lv_champion", name: "Champion", referralsNeeded: 3 } },
    });
  });

  it("when the ambassador's reward is a catalog reward, then the program names it, and a program turned off again shows no referral in /me", async () => {
    const settings = await app.http.get("/api/admin/settings", bearer(await app.adminToken(storeId)));
    const reward = { id: "rw_mug", kind: "experience", name: "A mug", costPoints: 100 };
    const withReward = await app.http.put("/api/admin/settings", { ...settings.data, rewards: [reward] }, bearer(await app.adminToken(storeId)));
    expect(withReward.status).toBe(200);
    await runReferrals({ ambassadorReward: { kind: "reward", rewardId: "rw_mug" } });
    const token = await signIn("di@example.com");

    expect((await app.http.get(api("/program"))).data.referral.ambassadorReward).toEqual({ kind: "reward", name: "A mug" });
    expect((await me(token)).referral.code).toMatch(/^DI-/);
    await runReferrals({ enabled: false });
    expect((await me(token)).referral).toBeNull();
  });
});
