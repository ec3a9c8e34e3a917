import { parse, type HTMLElement } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferralSettings } from "../../server/modules/referrals/referral-settings.js";
import { aMemberReferral } from "../support/referral-fixtures.js";
import { aMember } from "../support/storage-fixtures.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
const FACEBOOK = "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)";
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let app: TestApp;
let codes = 0;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

const CODE_CHARACTERS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/** A code nobody else in this app holds (codes are unique across stores). */
const freshCode = () => {
  const n = codes++;
  return `TEST-${[n, n / 31, n / 961, 7].map((part) => CODE_CHARACTERS[Math.floor(part) % 31]).join("")}`;
};

/** An installed shop running referrals, with one ambassador holding a fresh code. */
async function shopWithAmbassador(options: { referrals?: Partial<ReferralSettings>; blocked?: boolean } = {}) {
  const { storeId } = await app.installStore({ storeName: "Trailhead Outfitters" });
  const settings = await app.container.settings.get(storeId);
  await app.container.settings.update(storeId, { ...settings, referrals: { ...settings.referrals, enabled: true, ...options.referrals } }, "test");
  const code = freshCode();
  const blocked = options.blocked ? { at: new Date().toISOString(), by: "owner@shop.example", reason: "coupon site" } : null;
  const member = aMember(storeId, { referral: aMemberReferral({ code, blocked }) });
  await app.container.storage.transaction(storeId, (tx) => tx.members.insert(storeId, member));
  expect(await app.container.storage.referralCodes.claim(code, storeId, member.id)).toBe(true);
  const referral = async () => {
    await app.container.referralClicks.flush();
    return (await app.container.storage.read(storeId, (tx) => tx.members.get(storeId, member.id)))!.referral!;
  };
  return { storeId, code, member, referral, shop: `https://store${storeId}.company.site/products` };
}

const visit = (path: string, headers: Record<string, string> = {}) => app.http.get(path, { headers: { "User-Agent": BROWSER, Accept: "text/html", ...headers } });

const meta = (page: HTMLElement, key: string) => (page.querySelector(`meta[property="${key}"]`) ?? page.querySelector(`meta[name="${key}"]`))?.getAttribute("content") ?? null;

/** Every address the page would send a person to: the meta refresh, the visible link (the script follows it). */
function destinations(html: string): string[] {
  const page = parse(html);
  const refresh = page.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content");
  const fromRefresh = refresh ? [/url='([^']*)'/.exec(refresh)![1]!] : [];
  return [...fromRefresh, ...page.querySelectorAll("a[href]").map((link) => link.getAttribute("href")!)];
}

describe("GET /r/:code, a live code", () => {
  it("when a friend opens the link, then the page carries valid share-card tags and sends them to the shop with the code and channel", async () => {
    const { storeId, code, shop } = await shopWithAmbassador({ referrals: { friendOffer: { kind: "percent_off", percent: 15, minOrderMinor: 0 } } });

    const response = await visit(`/r/${code.toLowerCase()}?ch=whatsapp`);

    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/html/);
    expect(response.headers["x-robots-tag"]).toContain("noindex");
    expect(response.headers["cache-control"]).toBe("no-store");
    const page = parse(response.data);
    expect(meta(page, "robots")).toContain("noindex");
    expect(meta(page, "og:title")).toContain("Trailhead Outfitters");
    expect(meta(page, "og:description")).toBe(`15% off your first order at Trailhead Outfitters with the code ${code}.`);
    expect(meta(page, "og:url")).toBe(`${app.url}/r/${code}?ch=whatsapp`);
    expect(meta(page, "twitter:card")).toBe("summary_large_image");
    const image = meta(page, "og:image")!;
    expect(image).toMatch(new RegExp(`^${app.url}/api/storefront/${storeId}/share-card\\.png\\?v=[\\w-]+$`));
    expect(meta(page, "twitter:image")).toBe(image);
    expect(meta(page, "og:image:width")).toBe("1200");
    const target = `${shop}?ql_ref=${code}&ql_ch=whatsapp`;
    expect(destinations(response.data)).toEqual([target, target]);
    expect(page.querySelector("script")?.text).toContain("location.replace");
    // The script runs under the page's own nonce and nothing else does.
    const nonce = page.querySelector("script")!.getAttribute("nonce")!;
    expect(response.headers["content-security-policy"]).toContain(`script-src 'nonce-${nonce}'`);

    const card = await app.http.get(image, { responseType: "arraybuffer" });
    expect(card.status).toBe(200);
    expect(card.headers["content-type"]).toBe("image/png");
    expect(card.headers["cache-control"]).toContain("max-age=604800");
    const png = Buffer.from(card.data);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({ width: 1200, height: 630 });
  });

  it("when the link carries hostile parameters or encoded tricks, then the only place anyone is sent is the shop", async () => {
    const { code, shop } = await shopWithAmbassador();
    const paths = [
      `/r/${code}?next=https://evil.example`,
      `/r/${code}?redirect=//evil.example&url=https://evil.example`,
      `/r/${code}?ch=//evil.example`,
      `/r/${code}?ch=https%3A%2F%2Fevil.example%2F`,
      `/r/${code}?ch=whatsapp&ch=%22%3E%3Cscript%3Ealert(1)%3C/script%3E`,
      `/r/${code}?ch[]=x&ch[href]=https://evil.example`,
      `/r/${encodeURIComponent(`${code}/../../evil.example`)}`,
      `/r/%2F%2Fevil.example`,
      `/r/${code}%0d%0aLocation:%20https://evil.example`,
      `/r/%E0%A4%A`,
      `/r/${code}/`,
      `/r/${code}/extra/words`,
    ];
    for (const path of paths) {
      const response = await visit(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.location, path).toBeUndefined();
      for (const destination of destinations(response.data)) expect(new URL(destination).origin + new URL(destination).pathname, path).toBe(shop);
      expect(response.data, path).not.toContain("evil.example");
    }
    // An encoded NUL is refused by the app before any route, as everywhere.
    expect((await visit(`/r/${code}%00`)).status).toBe(400);
  });
});

describe("GET /r/:code, visits counted", () => {
  it("when a link-preview crawler reads the page, then it gets the tags but no click is counted; a person's visit is", async () => {
    const { code, referral } = await shopWithAmbassador();

    const crawled = await visit(`/r/${code}?ch=facebook`, { "User-Agent": FACEBOOK });
    expect(meta(parse(crawled.data), "og:image")).not.toBeNull();
    expect((await referral()).clicks).toEqual({});

    await visit(`/r/${code}?ch=facebook`, { "X-Forwarded-For": "203.0.113.10" });
    expect((await referral()).clicks).toEqual({ facebook: 1 });
  });

  it("when the same visitor comes back the same day, then they count once; another visitor counts again", async () => {
    const { code, referral } = await shopWithAmbassador();

    await visit(`/r/${code}?ch=x`, { "X-Forwarded-For": "203.0.113.20" });
    await visit(`/r/${code}?ch=x`, { "X-Forwarded-For": "203.0.113.20" });
    await visit(`/r/${code}?ch=telegram`, { "X-Forwarded-For": "203.0.113.20" });
    await visit(`/r/${code}?ch=x`, { "X-Forwarded-For": "203.0.113.21" });

    expect((await referral()).clicks).toEqual({ x: 2 });
  });

  it("when a visit comes through a paid ad or from a coupon-sharing site, then it is counted and flagged as such", async () => {
    const { code, referral } = await shopWithAmbassador();

    await visit(`/r/${code}?gclid=abc123`, { "X-Forwarded-For": "203.0.113.30" });
    await visit(`/r/${code}`, { "X-Forwarded-For": "203.0.113.31", Referer: "https://www.retailmenot.com/view/trailhead" });

    expect(await referral()).toMatchObject({ clicks: { other: 2 }, adClicks: 1, couponSiteClicks: 1 });
  });
});

describe("GET /r/:code, codes that lead nowhere", () => {
  it("when the code is unknown or malformed, then a friendly 200 page says so without tags, redirect or error", async () => {
    for (const path of ["/r/NOPE-2345", "/r/not-a-code", `/r/${"A".repeat(300)}`]) {
      const response = await visit(path);
      expect(response.status, path).toBe(200);
      const page = parse(response.data);
      expect(page.querySelector("h1")?.text, path).toBe("This invitation is not available");
      expect(page.querySelector('meta[http-equiv="refresh"]'), path).toBeNull();
      expect(meta(page, "og:image"), path).toBeNull();
      expect(destinations(response.data), path).toEqual([]);
    }
  });

  it("when the ambassador is blocked or the program is off, then the page names the shop and links to it without the code, counting nothing", async () => {
    const blocked = await shopWithAmbassador({ blocked: true });
    const off = await shopWithAmbassador({ referrals: { enabled: false } });

    for (const { code, shop, referral } of [blocked, off]) {
      const response = await visit(`/r/${code}?ch=email`, { "X-Forwarded-For": "203.0.113.40" });
      expect(response.status).toBe(200);
      expect(parse(response.data).querySelector("h1")?.text).toContain("Trailhead Outfitters");
      expect(destinations(response.data)).toEqual([shop]);
      expect((await referral()).clicks).toEqual({});
      expect((await app.http.get(`/r/${code}/qr.svg`)).status).toBe(404);
    }
    expect((await app.http.get(`/api/storefront/${off.storeId}/share-card.png`)).status).toBe(404);
  });

  it("when the store uninstalled Questline, then the page still names the shop, friendly", async () => {
    const { storeId, code } = await shopWithAmbassador();
    await app.container.installs.uninstall(storeId);

    const response = await visit(`/r/${code}`);

    expect(response.status).toBe(200);
    expect(parse(response.data).querySelector("h1")?.text).toContain("Trailhead Outfitters");
    expect(parse(response.data).querySelector('meta[http-equiv="refresh"]')).toBeNull();
  });
});

describe("the link's QR code and the shop's address", () => {
  it("when a live code's QR code is asked for, then it is an SVG of the link with channel qr, kept a day", async () => {
    const { code } = await shopWithAmbassador();

    const response = await app.http.get(`/r/${code}/qr.svg`);

    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^image\/svg\+xml/);
    expect(response.headers["cache-control"]).toContain("max-age=86400");
    expect(response.data).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect((await app.http.get("/r/NOPE-2345/qr.svg")).status).toBe(404);
  });

  it("when the install was recorded before the shop's address was kept, then the landing reads the profile once and keeps it", async () => {
    const { storeId, code, shop } = await shopWithAmbassador();
    const install = (await app.container.storage.installs.get(storeId))!;
    await app.container.storage.installs.save(storeId, { ...install, storeUrl: null });

    const response = await visit(`/r/${code}?ch=copy`);

    expect(destinations(response.data)[0]).toBe(`${shop}?ql_ref=${code}&ql_ch=copy`);
    expect((await app.container.storage.installs.get(storeId))?.storeUrl).toBe(shop);
  });

  it("when the share card is asked for a store that does not exist, then 404, and a bad store id 400", async () => {
    expect((await app.http.get("/api/storefront/987654/share-card.png")).status).toBe(404);
    expect((await app.http.get("/api/storefront/abc/share-card.png")).status).toBe(400);
  });
});

describe("GET /r/:code under load from one network", () => {
  it("when one network sends more visits than the limit, then it is refused with 429 and a friendly page while others still land", async () => {
    const { code } = await shopWithAmbassador();
    const from = (address: string) => visit(`/r/${code}`, { "X-Forwarded-For": address });
    let last = await from("198.51.100.9");
    for (let i = 0; i < 120 && last.status === 200; i++) last = await from("198.51.100.9");

    expect(last.status).toBe(429);
    expect(Number(last.headers["retry-after"])).toBeGreaterThan(0);
    expect(parse(last.data).querySelector("h1")?.text).toBe("This invitation is not available");
    expect((await from("198.51.100.10")).status).toBe(200);
  });
});
