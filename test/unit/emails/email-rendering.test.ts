import { describe, expect, it } from "vitest";
import { renderEmail, type EmailFrame } from "../../../server/modules/emails/email-layout.js";
import { composeEmail, sampleFacts, type EmailFacts } from "../../../server/modules/emails/email-templates.js";
import { PROGRAM_EMAIL_TEXTS } from "../../../server/modules/emails/email-texts.js";
import { textsFor } from "../../../server/modules/i18n/language.js";
import { LANGUAGES, type Language } from "../../../server/modules/settings/program-settings.js";

const HOSTILE_STORE = `Bob's <b>"Shop"</b> & <script>alert(1)</script>`;
const UNSUBSCRIBE = "https://app.example/email/unsubscribe/u1.7.mem_a.x";

const frame = (lang: Language, storeName = "Hazel & Co"): EmailFrame => ({
  lang,
  storeName,
  primaryColor: "#aa3300",
  textColor: "#ffffff",
  footer: `Member of ${storeName}`,
  unsubscribeLabel: PROGRAM_EMAIL_TEXTS[lang]["email.footer.unsubscribe"]!,
  unsubscribeUrl: UNSUBSCRIBE,
});

const render = (facts: EmailFacts, lang: Language, storeName = "Hazel & Co", overrides: Record<string, string> = {}) =>
  renderEmail(composeEmail(facts, textsFor(PROGRAM_EMAIL_TEXTS, lang, { [lang]: overrides }), lang, storeName), frame(lang, storeName));

const reward: EmailFacts = { kind: "rewardIssued", rewardName: "5 € off", points: 1200, coupon: { code: "QL-ABCD-2345", expiresAt: "2027-03-01T00:00:00.000Z" } };

describe("the program's emails", () => {
  it("when each language has every text English has, then no email falls back to English words", () => {
    for (const lang of LANGUAGES) expect(Object.keys(PROGRAM_EMAIL_TEXTS[lang]).sort()).toEqual(Object.keys(PROGRAM_EMAIL_TEXTS.en).sort());
  });

  it.each([
    ["en", "Your reward from Hazel & Co: 5 € off", "March 1, 2027", "1,200"],
    ["nl", "Je beloning van Hazel & Co: 5 € off", "1 maart 2027", "1.200"],
    ["de", "Deine Prämie von Hazel & Co: 5 € off", "1. März 2027", "1.200"],
    ["nb", "Fordelen din fra Hazel & Co: 5 € off", "1. mars 2027", "1 200"],
  ] as const)("when a reward is issued in %s, then subject, code, how to use it and its expiry are in that language, in both parts", (lang, subject, date, points) => {
    const email = render(reward, lang);
    const texts = PROGRAM_EMAIL_TEXTS[lang];
    expect(email.subject).toBe(subject);
    expect(email.html).toContain(`<html lang="${lang}">`);
    for (const part of [email.text, email.html]) {
      expect(part).toContain("QL-ABCD-2345");
      expect(part).toContain(date);
      expect(part.replace(/\u202f|\u00a0/g, " ")).toContain(points);
    }
    expect(email.text).toContain(texts["email.reward.how"]);
    expect(email.text).toContain(`${texts["email.footer.unsubscribe"]}: ${UNSUBSCRIBE}`);
    expect(email.html).toContain(`href="${UNSUBSCRIBE}"`);
    expect(email.html).toContain("background-color:#aa3300");
  });

  it.each(LANGUAGES)("when points were earned or are about to expire (%s), then the numbers and date are in the email", (lang) => {
    const earned = render({ kind: "pointsEarned", orderId: "1042", points: 120, balance: 480 }, lang);
    expect(earned.subject).toContain("120");
    expect(earned.text).toContain("1042");
    expect(earned.text).toContain("480");
    const expiring = render({ kind: "expiringSoon", points: 150, at: "2027-01-15T00:00:00.000Z", balance: 480 }, lang);
    expect(expiring.subject).toContain("150");
    expect(expiring.subject).toContain("2027");
    expect(expiring.html).toContain("2027");
  });

  it("when the store name, the reward and a merchant's text carry markup, then the HTML shows them as text and the plain part keeps them as typed", () => {
    const hostile: EmailFacts = { ...reward, rewardName: `<img src=x onerror=alert(1)>` } as EmailFacts;
    const email = render(hostile, "en", HOSTILE_STORE, { "email.reward.how": `Type it <a href="https://evil.example">here</a> & save` });
    expect(email.html).not.toMatch(/<script|<img|<b>|<a href="https:\/\/evil/);
    expect(email.html).toContain("Bob&#39;s &lt;b&gt;&quot;Shop&quot;&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(email.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(email.html).toContain("Type it &lt;a href=&quot;https://evil.example&quot;&gt;here&lt;/a&gt; &amp; save");
    expect(email.text).toContain(HOSTILE_STORE);
    expect(email.text).toContain(`Type it <a href="https://evil.example">here</a> & save`);
  });

  it("when an experience or donation is issued (no coupon), then the email confirms the points without a code box", () => {
    const email = render({ kind: "rewardIssued", rewardName: "Tasting panel", points: 500, coupon: null }, "de");
    expect(email.text).toContain("Du hast 500 Punkte eingelöst.");
    expect(email.html).not.toContain("dashed");
  });

  it("when the dashboard previews each kind, then the sample facts render with the warning days the merchant chose", () => {
    const now = new Date("2027-01-01T00:00:00Z");
    expect(sampleFacts("expiringSoon", now, 10)).toMatchObject({ at: "2027-01-11T00:00:00.000Z" });
    for (const kind of ["pointsEarned", "rewardIssued", "expiringSoon"] as const) expect(render(sampleFacts(kind, now, 14), "nl").html).toContain("<!doctype html>");
  });
});
