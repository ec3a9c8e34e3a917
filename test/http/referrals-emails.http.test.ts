import { describe, expect, it } from "vitest";
import { CODE, MAYA, referralShop, referralTestApp } from "../support/referral-shop.js";

const run = referralTestApp();
const { clock } = run;

const toMaya = () => run.app.mail.messages.filter((message) => message.to.includes(MAYA.email));
const settled = async (pass: Promise<unknown>) => {
  await pass;
  await run.app.container.emails.idle();
};

describe("emails to an ambassador", () => {
  it("when a friend's order is held and later paid, then Maya is told it counts and when, then that 500 points are hers, never who the friend is", async () => {
    const shop = await referralShop(run.app, clock);
    await shop.order({ email: "lena.friend@example.com", couponCode: CODE });
    await settled(shop.job());

    expect(toMaya()).toHaveLength(1);
    expect(toMaya()[0]).toMatchObject({ subject: expect.stringContaining("A friend you referred ordered") });
    expect(toMaya()[0]!.text).toContain("It earns you 500 points.");
    expect(toMaya()[0]!.text).toContain("We hold it until March 19, 2026");
    expect(toMaya()[0]!.headers["list-unsubscribe"]).toMatch(/^<http/);

    shop.later(14);
    await settled(shop.job());
    expect(toMaya()).toHaveLength(2);
    expect(toMaya()[1]!.subject).toContain("Your referral reward from");
    expect(toMaya()[1]!.text).toContain("your referral reward is yours: 500 points.");
    expect(toMaya()[1]!.text).toContain("Your balance is now 500 points.");
    for (const mail of toMaya()) expect(`${mail.subject}${mail.text}${mail.html}`).not.toMatch(/lena/i);
  });

  it("when the hold is 0 days, then only the paid email goes; when the merchant turned referral emails off, then none", async () => {
    const shop = await referralShop(run.app, clock, { referrals: { holdDays: 0 } });
    await shop.order({ email: "a@example.com", couponCode: CODE });
    await settled(shop.job());
    expect(toMaya().map((mail) => mail.subject)).toEqual([expect.stringContaining("Your referral reward")]);

    const quiet = await referralShop(run.app, clock, { referrals: { holdDays: 0 }, program: { emails: { referralQualified: false, referralPaid: false } } });
    run.app.mail.messages.splice(0);
    await quiet.order({ email: "b@example.com", couponCode: CODE });
    await settled(quiet.job());
    expect(toMaya()).toEqual([]);
  });
});
