import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manualClock } from "../../server/lib/clock.js";
import { programSettingsSchema } from "../../server/modules/settings/program-settings.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const clock = manualClock("2026-03-05T10:00:00Z");
let app: TestApp;
let storeId: number;
let token: string;
let memberId: string;

const EMAIL = "ana@shopper.example";
const five = { id: "rw_five", name: "€5 off", kind: "amount_off", costPoints: 500, amountMinor: 500, couponDays: 10, i18n: { nl: { name: "€5 korting" } } };
const tasting = { id: "rw_taste", name: "A seat at the tasting panel", kind: "experience", costPoints: 300 };
const onCreate = { method: "POST", path: "/discount_coupons" };
const onSearch = { method: "GET", path: "/discount_coupons" };

beforeEach(async () => {
  clock.set("2026-03-05T10:00:00Z");
  app = await startTestApp({ clock, ecwidTimeoutMs: 300 });
  ({ storeId } = await app.installStore({ storeName: "Alpine Gear", lang: "en", currencyPrecision: 2 }));
  const settings = programSettingsSchema.parse({ earning: { points: 1, perAmountMinor: 100, minOrderMinor: 0, countedStatuses: ["PAID"] }, rewards: [five, tasting] });
  await app.container.storage.transaction(storeId, (tx) => tx.settings.save(storeId, settings));
  await app.http.post(`/api/storefront/${storeId}/session/start`, { email: EMAIL });
  const verified = await app.http.post(`/api/storefront/${storeId}/session/verify`, { email: EMAIL, code: app.mail.codeFor(EMAIL), lang: "nl" });
  expect(verified.status).toBe(200);
  token = verified.data.token as string;
  ({ memberId } = app.container.shopperSessions.authenticate(storeId, `Bearer ${token}`));
  await app.container.ledger.adjust({ storeId, memberId, points: 2000, reason: "Welcome", actor: "merchant@example.com", requestKey: null });
});
afterEach(() => app.close());

const redeem = async (rewardId: string, key?: string) => {
  const answer = await app.http.post(
    `/api/storefront/${storeId}/rewards/${rewardId}/redeem`,
    {},
    { headers: { Authorization: `Bearer ${token}`, ...(key ? { "Idempotency-Key": key } : {}) } },
  );
  await app.container.emails.idle();
  return answer;
};
/** The program's emails to the shopper (the sign-in code left out). */
const rewardMails = () => app.mail.messages.filter((message) => message.to.includes(EMAIL) && !/\d{6}$/.test(message.subject));

describe("the reward-issued email", () => {
  it("when a coupon is issued at once and the request is repeated with its Idempotency-Key, then one email carries the code, how to use it and its expiry, in the language the shopper signed in with", async () => {
    const first = await redeem("rw_five", "key-one");
    expect(first.status).toBe(201);
    expect((await redeem("rw_five", "key-one")).status).toBe(200);

    const code = first.data.redemption.coupon.code as string;
    const mails = rewardMails();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Je beloning van Alpine Gear: €5 korting");
    expect(mails[0]!.text).toContain(`Je kortingscode: ${code}`);
    expect(mails[0]!.text).toContain("Vul deze code bij het afrekenen in het veld voor de kortingscode in.");
    expect(mails[0]!.text).toContain("Gebruik hem uiterlijk op 15 maart 2026.");
    expect(mails[0]!.html).toContain(code);
    expect(mails[0]!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  });

  it("when an experience is redeemed, then the email confirms it without a code", async () => {
    expect((await redeem("rw_taste")).status).toBe(201);
    expect(rewardMails().map((mail) => mail.subject)).toEqual(["Je beloning van Alpine Gear: A seat at the tasting panel"]);
    expect(rewardMails()[0]!.text).toContain("Je hebt 300 punten ingewisseld.");
  });

  it("when Ecwid refuses the coupon, then no email goes; when the answer is lost, the job that issues it sends the one email, and a second pass sends none", async () => {
    app.emulator.failNext(1, { status: 409, on: onCreate });
    expect((await redeem("rw_five")).status).toBe(503);
    expect(rewardMails()).toEqual([]);

    app.emulator.failNext(1, { kind: "lost-answer", on: onCreate });
    app.emulator.failNext(1, { kind: "lost-call", on: onCreate });
    app.emulator.failNext(2, { status: 500, on: onSearch });
    expect((await redeem("rw_five")).status).toBe(202);
    expect(rewardMails()).toEqual([]);
    // Meanwhile the balance an email states is what the shopper can spend: 2000 less the 500 held.
    expect(await app.container.emails.expiringSoon(storeId, memberId, { points: 100, at: "2026-03-20T00:00:00.000Z" })).toBe(true);
    expect(rewardMails().pop()!.text).toContain("Je saldo is nu 1.500 punten.");

    clock.advance(2 * 60 * 1000);
    expect(await app.container.redemptionSettlement.settleStore(storeId)).toMatchObject({ issued: 1 });
    await app.container.emails.idle();
    expect(await app.container.redemptionSettlement.settleStore(storeId)).toMatchObject({ issued: 0 });
    await app.container.emails.idle();
    const issued = rewardMails().filter((mail) => mail.subject.startsWith("Je beloning"));
    expect(issued).toHaveLength(1);
    expect(issued[0]!.text).toContain(app.emulator.getCoupons(storeId)[0]!.code);
  });
});
