import { describe, expect, it } from "vitest";
import { CODE, referralShop, referralTestApp } from "../support/referral-shop.js";
import { bearer } from "../support/test-app.js";

const run = referralTestApp();
const { clock } = run;

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
const SLACK = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";

const referTwo = { id: "ch_refer_two", title: "Bring two friends", points: 300, goal: { kind: "referrals" as const, target: 2 }, reverseOnRefund: true };
const shareLink = { id: "ch_share", title: "Share your link", points: 50, goal: { kind: "share_link" as const } };

/** Maya's challenge payouts and take-backs, oldest first. */
async function challengeEntries(shop: Awaited<ReturnType<typeof referralShop>>) {
  const { entries } = await shop.ledger();
  return entries
    .filter((entry) => entry.source.type === "task")
    .map((entry) => ({ challenge: entry.source.id, kind: entry.kind, delta: entry.delta }))
    .reverse();
}

async function mayaMe(shop: Awaited<ReturnType<typeof referralShop>>) {
  const api = (path: string) => `/api/storefront/${shop.storeId}${path}`;
  await run.app.http.post(api("/session/start"), { email: "maya@example.com" });
  const verified = await run.app.http.post(api("/session/verify"), { email: "maya@example.com", code: run.app.mail.codeFor("maya@example.com") });
  expect(verified.status).toBe(200);
  const me = await run.app.http.get(api("/me"), bearer(verified.data.token as string));
  expect(me.status).toBe(200);
  return me.data as { challenges: { id: string; progress: number; target: number; completed: boolean }[] };
}

describe("referral challenges: N qualified friends", () => {
  it("when two friends' referrals are paid after the hold, then the challenge pays once, not before; a friend refunded later takes it back", async () => {
    const shop = await referralShop(run.app, clock, { referrals: { holdDays: 14, reverseAfterHold: true }, program: { challenges: [referTwo] } });
    const first = await shop.order({ email: "ana@example.com", couponCode: CODE });
    await shop.order({ email: "bo@example.com", extraFields: { questline_ref: CODE } });
    await shop.job();
    expect((await shop.referralOf(first.id)).status).toBe("held");
    expect(await challengeEntries(shop)).toEqual([]);
    expect((await mayaMe(shop)).challenges.find((challenge) => challenge.id === referTwo.id)).toMatchObject({ progress: 0, target: 2, completed: false });

    shop.later(14);
    await shop.job();
    expect(await challengeEntries(shop)).toEqual([{ challenge: referTwo.id, kind: "earn_task", delta: 300 }]);
    expect((await mayaMe(shop)).challenges.find((challenge) => challenge.id === referTwo.id)).toMatchObject({ progress: 2, completed: true });
    await shop.job();
    expect(await challengeEntries(shop)).toHaveLength(1);

    await shop.refund(first.id);
    expect((await shop.referralOf(first.id)).status).toBe("reversed");
    expect(await challengeEntries(shop)).toEqual([
      { challenge: referTwo.id, kind: "earn_task", delta: 300 },
      { challenge: referTwo.id, kind: "reverse", delta: -300 },
    ]);
  });

  it("when a friend's referral is rejected (the friend is an existing customer), then it never counts toward the challenge", async () => {
    const shop = await referralShop(run.app, clock, { referrals: { holdDays: 0 }, program: { challenges: [{ ...referTwo, goal: { kind: "referrals" as const, target: 1 } }] } });
    run.app.emulator.putOrder(shop.storeId, { email: "old@example.com", subtotal: 20, paymentStatus: "PAID", createDate: new Date(clock.now().getTime() - 40 * 86_400_000) });
    const order = await shop.order({ email: "old@example.com", couponCode: CODE });
    await shop.job();
    expect(await shop.referralOf(order.id)).toMatchObject({ status: "rejected", reason: "existing_customer" });
    expect(await challengeEntries(shop)).toEqual([]);

    await shop.order({ email: "new@example.com", couponCode: CODE });
    await shop.job();
    expect(await challengeEntries(shop)).toEqual([{ challenge: referTwo.id, kind: "earn_task", delta: 300 }]);
  });

  it("when the merchant adds the challenge after referrals were paid, then saving it measures the ambassador and pays what is due", async () => {
    const shop = await referralShop(run.app, clock, { referrals: { holdDays: 0 } });
    await shop.order({ email: "ana@example.com", couponCode: CODE });
    await shop.order({ email: "bo@example.com", couponCode: CODE });
    await shop.job();
    expect(await challengeEntries(shop)).toEqual([]);

    const admin = await shop.admin();
    const current = (await run.app.http.get("/api/admin/settings", admin)).data;
    const saved = await run.app.http.put("/api/admin/settings", { ...current, challenges: [referTwo] }, admin);
    expect(saved.status).toBe(200);
    await run.app.worker.drain();
    expect(await challengeEntries(shop)).toEqual([{ challenge: referTwo.id, kind: "earn_task", delta: 300 }]);
  });
});

describe("referral challenges: share your link", () => {
  it("when someone first opens the ambassador's link, then the share challenge pays once; a link preview alone does not count", async () => {
    const shop = await referralShop(run.app, clock, { program: { challenges: [shareLink] } });
    expect(await run.app.container.storage.referralCodes.claim(CODE, shop.storeId, shop.ambassadorId)).toBe(true);
    const open = (userAgent: string) => run.app.http.get(`/r/${CODE}?ch=whatsapp`, { headers: { "User-Agent": userAgent, Accept: "text/html" } });

    expect((await open(SLACK)).status).toBe(200);
    await run.app.container.referralClicks.flush();
    expect(await challengeEntries(shop)).toEqual([]);
    expect((await shop.ambassador()).referral?.firstVisitAt).toBeNull();

    expect((await open(BROWSER)).status).toBe(200);
    await run.app.container.referralClicks.flush();
    expect(await challengeEntries(shop)).toEqual([{ challenge: shareLink.id, kind: "earn_task", delta: 50 }]);
    expect((await shop.ambassador()).referral?.firstVisitAt).toBe(clock.now().toISOString());
    expect((await mayaMe(shop)).challenges.find((challenge) => challenge.id === shareLink.id)).toMatchObject({ completed: true });

    shop.later(1);
    expect((await open(BROWSER)).status).toBe(200);
    await run.app.container.referralClicks.flush();
    expect(await challengeEntries(shop)).toHaveLength(1);
  });

  it("when the referral program is off, then the widget's program shows no referral challenge, and the others stay", async () => {
    const orders = { id: "ch_orders", title: "Two orders", points: 25, goal: { kind: "orders" as const, target: 2 } };
    const shop = await referralShop(run.app, clock, { referrals: { enabled: false }, program: { challenges: [shareLink, referTwo, orders] } });
    const program = await run.app.http.get(`/api/storefront/${shop.storeId}/program`);
    expect(program.data.challenges.map((challenge: { id: string }) => challenge.id)).toEqual([orders.id]);
  });
});
