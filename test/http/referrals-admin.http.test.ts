import { describe, expect, it } from "vitest";
import { adminReferralListSchema, adminReferralSchema, referralSummarySchema } from "../../server/modules/referrals/referral-admin-view.js";
import { CODE, referralShop, referralTestApp } from "../support/referral-shop.js";

const run = referralTestApp();
const { clock } = run;

const HOME = { street: "Prinsengracht 300", city: "Amsterdam", postalCode: "1016 HW", countryCode: "NL" };

describe("signals and the merchant's review", () => {
  it("when a friend's address is a disposable inbox, then the referral is held and flagged low, and still pays", async () => {
    const shop = await referralShop(run.app, clock, { referrals: { holdDays: 0 } });
    const order = await shop.order({ email: "lena@mailinator.com", couponCode: CODE });
    await shop.job();

    expect(await shop.referralOf(order.id)).toMatchObject({
      status: "paid",
      signals: [{ kind: "disposable_email", severity: "low", detail: "mailinator.com is a disposable email domain" }],
    });
  });

  it("when the ambassador's visits come mostly from coupon sites, then the referral waits for review; approved it is held and paid after the hold, once", async () => {
    const shop = await referralShop(run.app, clock, { ambassador: { clicks: { copy: 4 }, couponSiteClicks: 3 } });
    const order = await shop.order({ email: "lena@example.com", couponCode: CODE });
    expect(await shop.job()).toMatchObject({ review: 1 });
    const waiting = await shop.referralOf(order.id);
    expect(waiting).toMatchObject({ status: "review", signals: [{ kind: "coupon_site", severity: "high", detail: "3 of 4 visits came from coupon sites" }] });

    const admin = await shop.admin();
    const listed = await run.app.http.get("/api/admin/referrals?status=review", admin);
    expect(listed.status).toBe(200);
    expect(adminReferralListSchema.parse(listed.data)).toMatchObject({
      total: 1,
      items: [{ id: waiting.id, ambassador: { id: shop.ambassadorId, email: "maya@example.com", code: CODE }, friend: { email: "lena@example.com" } }],
    });

    const approved = await run.app.http.post(`/api/admin/referrals/${waiting.id}/approve`, {}, admin);
    expect(approved.status).toBe(200);
    expect(adminReferralSchema.parse(approved.data)).toMatchObject({ status: "held", decidedBy: expect.stringContaining("@") });
    expect((await run.app.http.post(`/api/admin/referrals/${waiting.id}/approve`, {}, admin)).status).toBe(409);
    shop.later(14);
    expect(await shop.job()).toMatchObject({ paid: 1 });
    expect((await shop.ledger()).balance).toBe(500);
    expect((await shop.audit()).map((entry) => entry.action)).toContain("referral.held");
  });

  it("when three of an ambassador's friends ship to one address, then the third waits for review", async () => {
    const shop = await referralShop(run.app, clock);
    const orders = [];
    for (const email of ["a@example.com", "b@example.com", "c@example.com"]) {
      orders.push(await shop.order({ email, couponCode: CODE, shippingPerson: { name: "Friend", ...HOME } }));
      await shop.job();
    }
    expect((await shop.referralOf(orders[1]!.id)).status).toBe("held");
    expect(await shop.referralOf(orders[2]!.id)).toMatchObject({
      status: "review",
      signals: [{ kind: "many_friends_one_address", severity: "high", detail: "3 of this ambassador's friends ship to one address" }],
    });
  });

  it("when the merchant rejects a referral under review, then it pays nothing and keeps their reason; a missing reason or unknown referral changes nothing", async () => {
    const shop = await referralShop(run.app, clock, { ambassador: { clicks: { x: 2 }, adClicks: 2 } });
    const order = await shop.order({ email: "lena@example.com", couponCode: CODE });
    await shop.job();
    const { id } = await shop.referralOf(order.id);
    const admin = await shop.admin();

    const noReason = await run.app.http.post(`/api/admin/referrals/${id}/reject`, {}, admin);
    expect(noReason.status).toBe(400);
    expect(noReason.data).toMatchObject({ code: "validation_failed" });
    expect((await run.app.http.post("/api/admin/referrals/ref_unknown/reject", { reason: "no" }, admin)).status).toBe(404);
    expect((await shop.referralOf(order.id)).status).toBe("review");

    const rejected = await run.app.http.post(`/api/admin/referrals/${id}/reject`, { reason: "Bought ads on our brand name" }, admin);
    expect(rejected.status).toBe(200);
    expect(rejected.data).toMatchObject({ status: "rejected", reason: "merchant_rejected", note: "Bought ads on our brand name" });
    shop.later(30);
    await shop.job();
    expect((await shop.ledger()).balance).toBe(0);
    expect((await shop.audit())[0]).toMatchObject({ action: "referral.rejected", details: { note: "Bought ads on our brand name" } });
  });
});

describe("the merchant's referral API", () => {
  it("when friends ordered, then the summary gives totals, revenue, the top ambassador and friends per channel", async () => {
    const shop = await referralShop(run.app, clock, { referrals: { holdDays: 0 }, ambassador: { clicks: { whatsapp: 7, email: 2 } } });
    await shop.order({ email: "a@example.com", extraFields: { questline_ref: CODE, questline_ch: "whatsapp" } });
    await shop.order({ email: "b@example.com", subtotal: 80, couponCode: CODE });
    await shop.order({ email: "maya@example.com", couponCode: CODE });
    await shop.job();

    const summary = await run.app.http.get("/api/admin/referrals/summary", await shop.admin());
    expect(summary.status).toBe(200);
    expect(referralSummarySchema.parse(summary.data)).toEqual({
      totals: { paid: { count: 2, eligibleMinor: 5000 + 7200 }, rejected: { count: 1, eligibleMinor: 4500 } },
      revenueMinor: 12200,
      topAmbassadors: [{ memberId: shop.ambassadorId, email: "maya@example.com", name: expect.any(String), code: CODE, friendsOrdered: 2, paid: 2, clicks: 9 }],
      channels: [
        { channel: "whatsapp", clicks: 7, friendsOrdered: 1 },
        { channel: "email", clicks: 2, friendsOrdered: 0 },
      ],
    });
  });

  it("when the merchant reads and saves the referral program, then it is versioned, validated and audited like the other parts", async () => {
    const shop = await referralShop(run.app, clock);
    const admin = await shop.admin();
    const read = await run.app.http.get("/api/admin/program/referrals", admin);
    expect(read.status).toBe(200);
    expect(read.data).toMatchObject({ enabled: true, holdDays: 14 });

    const bad = await run.app.http.put("/api/admin/program/referrals", { ...read.data, holdDays: 91 }, admin);
    expect(bad.status).toBe(400);
    expect(bad.data.issues).toEqual([expect.objectContaining({ path: ["holdDays"] })]);
    const saved = await run.app.http.put("/api/admin/program/referrals", { ...read.data, holdDays: 7 }, { headers: { ...admin.headers, "If-Match": read.headers.etag } });
    expect(saved.status).toBe(200);
    expect((await run.app.http.get("/api/admin/program/referrals", admin)).data.holdDays).toBe(7);
    const stale = await run.app.http.put("/api/admin/program/referrals", { ...read.data, holdDays: 3 }, { headers: { ...admin.headers, "If-Match": read.headers.etag } });
    expect(stale.status).toBe(412);
  });

  it("when the list is asked with a bad status or limit, then 400 and no referral is read", async () => {
    const shop = await referralShop(run.app, clock);
    const admin = await shop.admin();
    expect((await run.app.http.get("/api/admin/referrals?status=lost", admin)).status).toBe(400);
    expect((await run.app.http.get("/api/admin/referrals?limit=1000", admin)).status).toBe(400);
    expect((await run.app.http.get("/api/admin/referrals?ambassador=" + "x".repeat(65), admin)).status).toBe(400);
    expect((await run.app.http.get("/api/admin/referrals")).status).toBe(401);
  });
});
