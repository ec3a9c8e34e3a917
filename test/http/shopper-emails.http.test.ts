import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createUnsubscribeLinks } from "../../server/modules/emails/unsubscribe-links.js";
import type { ReceivedMail } from "../support/smtp-inbox.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

let app: TestApp;
let storeId: number;
let admin: ReturnType<typeof bearer>;

beforeEach(async () => {
  app = await startTestApp();
  ({ storeId } = await app.installStore({ storeName: "Hazel & Co", currency: "EUR", currencyPrecision: 2 }));
  admin = bearer(await app.adminToken(storeId));
});
afterEach(() => app.close());

const switches = async (emails: { pointsEarned: boolean; rewardIssued: boolean; expiringSoon: boolean }) => {
  const saved = await app.http.put("/api/admin/program/emails", emails, admin);
  expect(saved.status).toBe(200);
};

/** Ecwid tells the app of the order (a new event each time), and the app has booked it and sent what it sends. */
const orderEvent = async (orderId: string, eventType: "order.created" | "order.updated" = "order.created") => {
  const delivery = await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(storeId, orderId, eventType) });
  expect(delivery.status).toBe(200);
  await app.worker.drain();
  await app.container.emails.idle();
  return delivery;
};

const paidOrder = (email: string, extra: { lang?: string } = {}) => app.emulator.putOrder(storeId, { email, subtotal: 50, total: 50, paymentStatus: "PAID", ...extra });
const mailTo = (email: string): ReceivedMail[] => app.mail.messages.filter((message) => message.to.includes(email));
const memberByEmail = (email: string) => app.container.storage.read(storeId, (tx) => tx.members.findByEmail(storeId, email));
const unsubscribeUrl = (mail: ReceivedMail) => /^<(.+)>$/.exec(mail.headers["list-unsubscribe"] ?? "")?.[1] ?? "";

describe("the points-earned email", () => {
  it("when an order earns points and Ecwid tells the app again (a duplicate and a new event), then one email goes, with both parts and one-click unsubscribe headers", async () => {
    await switches({ pointsEarned: true, rewardIssued: true, expiringSoon: true });
    const order = paidOrder("ana@shopper.example");
    const first = await orderEvent(order.id);
    await app.emulator.sendWebhook({
      url: `${app.url}/webhooks/ecwid`,
      ...app.emulator.orderWebhook(storeId, order.id, "order.created"),
      eventId: first.eventId,
      eventCreated: first.eventCreated,
    });
    await orderEvent(order.id, "order.updated");
    await orderEvent(order.id, "order.updated");

    const mails = mailTo("ana@shopper.example");
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail!.subject).toBe("You earned 50 points at Hazel & Co");
    expect(mail!.text).toContain(`Thank you for your order ${order.id} at Hazel & Co. It earned you 50 points.`);
    expect(mail!.html).toContain("Hazel &amp; Co");
    expect(mail!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    const url = unsubscribeUrl(mail!);
    expect(url).toMatch(new RegExp(`^${app.url}/email/unsubscribe/u1\\.${storeId}\\.mem_`));
    expect(mail!.text).toContain(url);
    expect(mail!.html).toContain(`href="${url}"`);
  });

  it("when the merchant's switch is off (the default), then an order that earns points sends no email", async () => {
    const order = paidOrder("bo@shopper.example");
    await orderEvent(order.id);
    expect((await memberByEmail("bo@shopper.example"))?.balance).toBe(50);
    expect(mailTo("bo@shopper.example")).toEqual([]);
  });

  it("when the order's email is not an address (a line break and a Bcc in it), then the points are booked and no email goes to anyone", async () => {
    await switches({ pointsEarned: true, rewardIssued: true, expiringSoon: true });
    const before = app.mail.messages.length;
    const order = paidOrder("cy@shopper.example\r\nBcc: eve@attacker.example");
    await orderEvent(order.id);
    expect((await memberByEmail("cy@shopper.example\r\nbcc: eve@attacker.example"))?.balance).toBe(50);
    expect(app.mail.messages.length).toBe(before);
  });

  it("when the order was placed in Dutch, then the member's emails are in Dutch", async () => {
    await switches({ pointsEarned: true, rewardIssued: true, expiringSoon: true });
    const order = paidOrder("daan@shopper.example", { lang: "nl" });
    await orderEvent(order.id);
    expect((await memberByEmail("daan@shopper.example"))?.lang).toBe("nl");
    expect(mailTo("daan@shopper.example").map((mail) => mail.subject)).toEqual(["Je hebt 50 punten verdiend bij Hazel & Co"]);
  });
});

describe("unsubscribing", () => {
  const signInCode = (email: string) => app.http.post(`/api/storefront/${storeId}/session/start`, { email });

  it("when the shopper opens the link, then a page asks with a button; one-click POST unsubscribes, again changes nothing, and only sign-in codes go after", async () => {
    await switches({ pointsEarned: true, rewardIssued: true, expiringSoon: true });
    await orderEvent(paidOrder("cy@shopper.example").id);
    const url = unsubscribeUrl(mailTo("cy@shopper.example")[0]!);
    const path = url.slice(app.url.length);

    const page = await app.http.get(path);
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toMatch(/text\/html/);
    expect(page.data).toContain('data-status="confirm"');
    expect(page.data).toContain("Stop receiving rewards emails from Hazel &amp; Co?");
    expect(page.data).toContain(`<form method="post" action="${path}">`);
    expect((await memberByEmail("cy@shopper.example"))?.unsubscribedAt).toBeNull();

    const oneClick = { headers: { "Content-Type": "application/x-www-form-urlencoded" } };
    const done = await app.http.post(path, "List-Unsubscribe=One-Click", oneClick);
    expect(done.status).toBe(200);
    expect(done.data).toContain('data-status="done"');
    const unsubscribedAt = (await memberByEmail("cy@shopper.example"))?.unsubscribedAt;
    expect(unsubscribedAt).toEqual(expect.any(String));
    const again = await app.http.post(path, "List-Unsubscribe=One-Click", oneClick);
    expect(again.status).toBe(200);
    expect((await memberByEmail("cy@shopper.example"))?.unsubscribedAt).toBe(unsubscribedAt);
    expect((await app.http.get(path)).data).toContain('data-status="done"');

    await orderEvent(paidOrder("cy@shopper.example").id);
    const member = (await memberByEmail("cy@shopper.example"))!;
    expect(await app.container.emails.rewardIssued(storeId, member.id, aRedemption(member.id))).toBe(false);
    expect(await app.container.emails.expiringSoon(storeId, member.id, { points: 10, at: "2027-01-01T00:00:00.000Z" })).toBe(false);
    expect(member.balance).toBe(100);
    expect((await signInCode("cy@shopper.example")).status).toBe(202);
    expect(mailTo("cy@shopper.example").map((mail) => mail.subject)).toEqual([
      "You earned 50 points at Hazel & Co",
      expect.stringMatching(/^Your Hazel & Co rewards code: \d{6}$/),
    ]);
  });

  it("when the token is forged, cut or names another store, then GET and POST answer a 400 page and nobody is unsubscribed", async () => {
    await switches({ pointsEarned: true, rewardIssued: true, expiringSoon: true });
    await orderEvent(paidOrder("di@shopper.example").id);
    const path = unsubscribeUrl(mailTo("di@shopper.example")[0]!).slice(app.url.length);
    const other = await app.installStore();
    for (const bad of [path.slice(0, -2), path.replace(`u1.${storeId}.`, `u1.${other.storeId}.`), "/email/unsubscribe/nonsense", `/email/unsubscribe/${"x".repeat(5000)}`]) {
      for (const method of ["get", "post"] as const) {
        const answer = await app.http[method](bad);
        expect(answer.status).toBe(400);
        expect(answer.data).toContain('data-status="invalid"');
        expect(answer.data).toContain("This unsubscribe link is not valid.");
      }
    }
    expect((await memberByEmail("di@shopper.example"))?.unsubscribedAt).toBeNull();
  });

  it("when a well-signed link names a member or store that is gone, then GET and POST answer the done page, never an error", async () => {
    const links = createUnsubscribeLinks("test-session-secret-0123456789-0123456789", app.url);
    for (const [store, member] of [
      [storeId, "mem_gone"],
      [987_654_321, "mem_gone"],
    ] as const) {
      const path = links.url(store, member).slice(app.url.length);
      for (const method of ["get", "post"] as const) {
        const answer = await app.http[method](path);
        expect(answer.status).toBe(200);
        expect(answer.data).toContain('data-status="done"');
      }
    }
  });
});

function aRedemption(memberId: string) {
  const at = "2026-06-01T00:00:00.000Z";
  return {
    id: "rdm_one",
    storeId,
    memberId,
    rewardId: "rw_ten",
    rewardName: "€10 off",
    rewardKind: "amount_off",
    points: 100,
    valueMinor: 1000,
    status: "issued" as const,
    coupon: { code: "QL-TEST-CODE", expiresAt: "2026-07-01T00:00:00.000Z", ecwidId: 5 },
    reason: null,
    requestKey: null,
    requestFingerprint: "f",
    checkAfter: null,
    checks: 0,
    usedByOrderId: null,
    fulfilledBy: null,
    grantedBy: null,
    createdAt: at,
    updatedAt: at,
  };
}

describe("reward-issued and expiring-soon emails", () => {
  it("when a reward is issued, then the member gets its code and expiry; when the switch is off, nothing", async () => {
    await orderEvent(paidOrder("eve@shopper.example").id);
    const member = (await memberByEmail("eve@shopper.example"))!;
    expect(await app.container.emails.rewardIssued(storeId, member.id, aRedemption(member.id))).toBe(true);
    const [mail] = mailTo("eve@shopper.example");
    expect(mail!.subject).toBe("Your reward from Hazel & Co: €10 off");
    expect(mail!.text).toContain("Your coupon code: QL-TEST-CODE");
    expect(mail!.text).toContain("Use it by July 1, 2026.");

    await switches({ pointsEarned: false, rewardIssued: false, expiringSoon: false });
    expect(await app.container.emails.rewardIssued(storeId, member.id, aRedemption(member.id))).toBe(false);
    expect(await app.container.emails.expiringSoon(storeId, member.id, { points: 10, at: "2027-01-01T00:00:00.000Z" })).toBe(false);
    expect(mailTo("eve@shopper.example")).toHaveLength(1);
  });

  it("when the same expiry is warned of twice, even at once, then one email goes; a later expiry is warned of again", async () => {
    await orderEvent(paidOrder("fay@shopper.example").id);
    const member = (await memberByEmail("fay@shopper.example"))!;
    const warning = { points: 50, at: "2027-01-15T00:00:00.000Z" };
    const sent = await Promise.all([1, 2, 3].map(() => app.container.emails.expiringSoon(storeId, member.id, warning)));
    expect(sent.filter(Boolean)).toHaveLength(1);
    expect(await app.container.emails.expiringSoon(storeId, member.id, warning)).toBe(false);
    expect((await memberByEmail("fay@shopper.example"))?.expiryWarnedFor).toBe(warning.at);
    expect(await app.container.emails.expiringSoon(storeId, member.id, { points: 20, at: "2027-06-15T00:00:00.000Z" })).toBe(true);
    expect(mailTo("fay@shopper.example").map((mail) => mail.subject)).toEqual([
      "50 points at Hazel & Co expire on January 15, 2027",
      "20 points at Hazel & Co expire on June 15, 2027",
    ]);
  });
});

describe("the dashboard's preview", () => {
  it("when the merchant previews an email in German, then subject, HTML and text come back with sample facts (the store's own reward at its cost once it has one) and whether it is on", async () => {
    const preview = await app.http.get("/api/admin/emails/rewardIssued/preview?lang=de", admin);
    expect(preview.status).toBe(200);
    expect(preview.data).toMatchObject({ kind: "rewardIssued", lang: "de", enabled: true, subject: "Deine Prämie von Hazel & Co: 10% off your next order" });
    expect(preview.data.html).toContain('<html lang="de">');
    expect(preview.data.text).toContain("Dein Gutscheincode: QL-7K2M-9PXD");
    const storeLanguage = await app.http.get("/api/admin/emails/pointsEarned/preview", admin);
    expect(storeLanguage.data).toMatchObject({ kind: "pointsEarned", lang: "en", enabled: false });
    const reward = { id: "rw_five", name: "€5 off", kind: "amount_off", costPoints: 500, amountMinor: 500, i18n: { de: { name: "5 € Rabatt" } } };
    expect((await app.http.post("/api/admin/program/rewards", reward, admin)).status).toBe(201);
    const ownReward = (await app.http.get("/api/admin/emails/rewardIssued/preview?lang=de", admin)).data;
    expect(ownReward.subject).toBe("Deine Prämie von Hazel & Co: 5 € Rabatt");
    expect(ownReward.text).toContain("Du hast dafür 500 Punkte eingelöst.");
  });

  it("when the kind or language is unknown, or no merchant is signed in, then 400 or 401", async () => {
    expect((await app.http.get("/api/admin/emails/birthday/preview", admin)).status).toBe(400);
    expect((await app.http.get("/api/admin/emails/pointsEarned/preview?lang=fr", admin)).status).toBe(400);
    expect((await app.http.get("/api/admin/emails/pointsEarned/preview")).status).toBe(401);
  });
});
