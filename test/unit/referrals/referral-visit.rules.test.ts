import { describe, expect, it } from "vitest";
import { fromCouponSite, hasAdClickId, isCrawler, normaliseCode, visitChannel } from "../../../server/modules/referrals/referral-visit.rules.js";

const BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

describe("a visit to a referral link", () => {
  it("when the code is typed in any case or with spaces around it, then it reads as the code; anything else is no code", () => {
    expect(normaliseCode(" maya-7q2k ")).toBe("MAYA-7Q2K");
    for (const raw of ["MAYA-7Q2", "MAYA-0Q2K", "MAYA7Q2K", "../MAYA-7Q2K", "MAYA-7Q2K?next=//evil.example", "", 42, ["MAYA-7Q2K"], "A".repeat(100)]) {
      expect(normaliseCode(raw), String(raw)).toBeNull();
    }
  });

  it("when the channel is one of the share buttons', then it is kept, and anything else is 'other'", () => {
    expect(visitChannel("whatsapp")).toBe("whatsapp");
    expect(visitChannel("qr")).toBe("qr");
    for (const raw of [undefined, "", "WhatsApp", "toString", "__proto__", ["x"], "https://evil.example"]) expect(visitChannel(raw)).toBe("other");
  });

  it("when the link carries a paid-ads click id, then the visit came through an ad", () => {
    expect(hasAdClickId({ gclid: "abc" })).toBe(true);
    expect(hasAdClickId({ ch: "facebook", fbclid: "" })).toBe(true);
    expect(hasAdClickId({ ch: "facebook", utm_source: "newsletter" })).toBe(false);
    expect(hasAdClickId(JSON.parse('{"__proto__": {"gclid": "x"}}'))).toBe(false);
  });

  it("when the referer is a coupon-sharing site or one of its subdomains, then it is flagged; lookalikes and junk are not", () => {
    expect(fromCouponSite("https://www.retailmenot.com/view/shop.example")).toBe(true);
    expect(fromCouponSite("https://slickdeals.net/f/123")).toBe(true);
    expect(fromCouponSite("https://notretailmenot.com/")).toBe(false);
    expect(fromCouponSite("https://retailmenot.com.evil.example/")).toBe(false);
    expect(fromCouponSite(undefined)).toBe(false);
    expect(fromCouponSite("not a url")).toBe(false);
  });

  it("when a link-preview crawler, a search engine or no user agent at all reads the page, then it is no visit; a phone's browser is", () => {
    for (const agent of [
      "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
      "Twitterbot/1.0",
      "WhatsApp/2.23.20.0 A",
      "TelegramBot (like TwitterBot)",
      "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
      "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
      "Pinterest/0.2 (+https://www.pinterest.com/bot.html)",
      "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
      "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
      "",
      undefined,
    ]) {
      expect(isCrawler(agent), String(agent)).toBe(true);
    }
    expect(isCrawler(BROWSER)).toBe(false);
  });
});
