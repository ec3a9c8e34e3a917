import { describe, expect, it } from "vitest";
import { LANDING_TEXTS } from "../../../server/modules/i18n/landing-texts.js";
import { gonePage, moneyIn, offerWords, plainShopUrl, sayFrom, shopRedirect } from "../../../server/modules/referrals/referral-landing.rules.js";

describe("where a friend is sent", () => {
  it("when the shop's address has a query and a fragment, then the code and channel join its query and both stay", () => {
    const target = shopRedirect("https://shop.example/store?lang=nl#!/Trail/c/12", "MAYA-7Q2K", "whatsapp");
    const url = new URL(target!);
    expect(url.origin + url.pathname).toBe("https://shop.example/store");
    expect(Object.fromEntries(url.searchParams)).toEqual({ lang: "nl", ql_ref: "MAYA-7Q2K", ql_ch: "whatsapp" });
    expect(url.hash).toBe("#!/Trail/c/12");
  });

  it("when the shop's address already names a code, then ours replaces it rather than adding a second", () => {
    const url = new URL(shopRedirect("https://shop.example/?ql_ref=OTHER-2222&ql_ch=x", "MAYA-7Q2K", "qr")!);
    expect(url.searchParams.getAll("ql_ref")).toEqual(["MAYA-7Q2K"]);
    expect(url.searchParams.getAll("ql_ch")).toEqual(["qr"]);
  });

  it("when the stored address is not plain http(s), then nobody is sent anywhere", () => {
    for (const stored of ["javascript:alert(1)", "data:text/html,x", "//evil.example", "https://user:pw@shop.example/", "not a url"]) {
      expect(shopRedirect(stored, "MAYA-7Q2K", "other"), stored).toBeNull();
      expect(plainShopUrl(stored), stored).toBeNull();
    }
  });

  it("when the address holds an apostrophe, then it is encoded so the meta refresh reads the whole address", () => {
    expect(shopRedirect("https://shop.example/o'neil", "MAYA-7Q2K", "x")).toBe("https://shop.example/o%27neil?ql_ref=MAYA-7Q2K&ql_ch=x");
  });
});

describe("the friend's offer in words", () => {
  const en = sayFrom(LANDING_TEXTS.en);
  const usd = moneyIn("en", "USD", 2);

  it("when the offer is a percentage, an amount or free shipping, then it reads so, with a minimum when there is one", () => {
    expect(offerWords({ kind: "percent_off", percent: 10, minOrderMinor: 0 }, en, usd)).toBe("10% off your first order");
    expect(offerWords({ kind: "amount_off", amountMinor: 500, minOrderMinor: 5000 }, en, usd)).toBe("$5.00 off your first order of $50.00 or more");
    expect(offerWords({ kind: "free_shipping", minOrderMinor: 0 }, en, usd)).toBe("Free shipping on your first order");
  });

  it("when the store speaks German in euros, then the words and the amount are German", () => {
    const words = offerWords({ kind: "amount_off", amountMinor: 500, minOrderMinor: 0 }, sayFrom(LANDING_TEXTS.de), moneyIn("de", "EUR", 2));
    expect(words).toBe("5,00\u00a0€ Rabatt auf deine erste Bestellung");
  });

  it("when the currency is one Intl does not know, then the amount still reads with its code", () => {
    expect(moneyIn("en", "NOPE!", 2)(1234)).toBe("12.34 NOPE!");
  });
});

describe("the friendly page", () => {
  it("when the store is known, then it names the shop and links to it without any code; when it is not, it links nowhere", () => {
    const known = gonePage({ lang: "en", say: sayFrom(LANDING_TEXTS.en), store: { name: "Trailhead", url: "https://shop.example/" } });
    expect(known).toMatchObject({ invited: false, target: "https://shop.example/", linkText: "Visit Trailhead", preview: null });
    expect(known.title).toContain("Trailhead");
    const unknown = gonePage({ lang: "en", say: sayFrom(LANDING_TEXTS.en), store: null });
    expect(unknown).toMatchObject({ invited: false, target: null, linkText: null, preview: null });
  });
});
