import { mkdir } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_STORE_ID } from "../../server/ecwid-emulator/index.js";
import type { Member } from "../../server/modules/members/member.js";
import { seriousAxeFindings } from "../support/axe.js";
import { watchForProblems } from "../support/browser.js";
import { launcher, panel, signInInWidget, text, useDemoProgram, useDemoStorefront } from "../support/storefront-widget-page.js";

const BROWSER_TEST_MS = 120_000;
const SHOTS = "/tmp/shots";
const AMBASSADOR = "ada.ambassador@example.com";
const FRIEND = "finn.friend@example.com";

const store = useDemoStorefront();

/** The demo program with referrals on: 10% off a friend's first order from $20, 500 points per friend after 14 days, two levels. */
useDemoProgram(store, (original) => ({
  ...original,
  referrals: {
    enabled: true,
    friendOffer: { kind: "percent_off", percent: 10, minOrderMinor: 2000 },
    ambassadorReward: { kind: "points", points: 500 },
    holdDays: 14,
    levels: [
      { id: "lv_advocate", name: "Advocate", minReferrals: 1, extraPoints: 0 },
      { id: "lv_champion", name: "Champion", minReferrals: 2, extraPoints: 100 },
    ],
  },
}));

const referralRegion = (page: Page) => panel(page).getByRole("region", { name: "Invite friends" });

/** What the page's scripts set as Ecwid's order extra fields. */
const extraFields = (page: Page) =>
  page.evaluate(() => (window as unknown as { ec?: { order?: { extraFields?: Record<string, { value: string }> } } }).ec?.order?.extraFields ?? null);

describe("referrals in the storefront widget", () => {
  it(
    "when an ambassador copies their link and a friend opens it in another browser, then the friend sees the welcome offer with the code, and their demo order carries questline_ref; axe finds nothing serious at desktop and 360px",
    async () => {
      await mkdir(SHOTS, { recursive: true });
      const page = await store.newPage();
      await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
      const watch = watchForProblems(page);
      const qrRequests: string[] = [];
      page.on("request", (request) => void (request.url().endsWith("/qr.svg") && qrRequests.push(request.url())));
      await page.goto(`${store.app.baseUrl}/demo/store`);
      await launcher(page).click();
      await signInInWidget(page, store.app.baseUrl, AMBASSADOR);

      const region = referralRegion(page);
      await region.waitFor();
      expect(await text(region)).toContain("Friends get 10% off their first order.");
      expect(await text(region)).toContain("On orders of $20.00 or more");
      expect(await text(region)).toContain("You earn 500 points for each friend who orders.");
      expect(await text(region)).toContain("Your reward arrives 14 days after their order, if it isn't refunded.");
      expect(await text(region)).toContain("1 more friend to reach Advocate");
      for (const [count, label] of [
        ["0", "Clicks"],
        ["0", "Friends ordered"],
        ["0", "Pending"],
        ["0", "Rewarded"],
      ]) {
        const tile = region.getByRole("listitem").filter({ hasText: label });
        expect((await tile.innerText()).replace(/\s+/g, " ")).toBe(`${count} ${label}`);
      }

      const field = region.getByRole("textbox", { name: "Your referral link" });
      const shown = await field.inputValue();
      const code = /\/r\/([A-Z]{1,8}-[2-9A-HJKMNP-Z]{4})\?ch=copy$/.exec(shown)?.[1];
      expect(code, shown).toBeTruthy();
      await region.getByRole("button", { name: "Copy link" }).click();
      await region.getByRole("status").filter({ hasText: "Link copied" }).waitFor();
      const link = await page.evaluate(() => navigator.clipboard.readText());
      expect(link).toBe(shown);
      expect(await text(region)).toMatch(new RegExp(`(Friends can also enter your code ${code} at checkout|Your code ${code} is being prepared for checkout)`));

      const landing = link.replace(/\?ch=copy$/, "");
      const shares = {
        Facebook: `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(`${landing}?ch=facebook`)}`,
        X: `https://x.com/intent/tweet?url=${encodeURIComponent(`${landing}?ch=x`)}&text=`,
        WhatsApp: `https://api.whatsapp.com/send?text=`,
        Telegram: `https://t.me/share/url?url=${encodeURIComponent(`${landing}?ch=telegram`)}&text=`,
        Pinterest: `https://pinterest.com/pin/create/button/?url=${encodeURIComponent(`${landing}?ch=pinterest`)}&media=`,
        LinkedIn: `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(`${landing}?ch=linkedin`)}`,
        Email: "mailto:?subject=",
      };
      for (const [name, start] of Object.entries(shares)) {
        const share = region.getByRole("link", { name, exact: true });
        const href = (await share.getAttribute("href"))!;
        expect(href.startsWith(start), `${name}: ${href}`).toBe(true);
        expect(decodeURIComponent(href)).toContain(`${landing}?ch=${name === "Email" ? "email" : name.toLowerCase()}`);
        expect(await share.getAttribute("target")).toBe("_blank");
        // noreferrer also means noopener (HTML: a link with noreferrer opens without an opener)
        expect(await share.getAttribute("rel")).toBe("noreferrer");
      }

      const qr = region.getByRole("img", { name: "QR code of your referral link" });
      expect(await qr.isVisible()).toBe(false);
      expect(qrRequests).toEqual([]);
      await region.getByText("Show QR code").click();
      await qr.waitFor();
      expect(await qr.getAttribute("src")).toBe(`${landing}/qr.svg`);
      await expect.poll(() => qr.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
      await region.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/widget-referral.png`, animations: "disabled" });
      const desktop = await seriousAxeFindings(page, "questline-widget");

      const phone = await store.browser.newContext({ viewport: { width: 360, height: 740 }, storageState: await page.context().storageState() });
      const small = await phone.newPage();
      await small.goto(`${store.app.baseUrl}/demo/store`);
      await launcher(small).click();
      await referralRegion(small).scrollIntoViewIfNeeded();
      await small.screenshot({ path: `${SHOTS}/widget-referral-phone.png`, animations: "disabled" });
      const narrow = await seriousAxeFindings(small, "questline-widget");
      await phone.close();
      expect({ desktop, narrow }).toEqual({ desktop: [], narrow: [] });

      // The friend, in a browser of their own, follows the copied link: the landing sends them to the shop with the code.
      const friendContext = await store.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const friend = await friendContext.newPage();
      await friend.goto(link);
      await friend.waitForURL((url) => url.pathname === "/demo/store" && url.searchParams.get("ql_ref") === code);
      // Watched from the shop on: the landing's own document may be cut short by its redirect (aborted, by design).
      const friendWatch = watchForProblems(friend);
      expect(new URL(friend.url()).searchParams.get("ql_ch")).toBe("copy");
      await launcher(friend).waitFor();
      expect(await extraFields(friend)).toEqual({ questline_ref: { value: code }, questline_ch: { value: "copy" } });

      // A later page without the code still carries it: the loader remembers it.
      await friend.goto(`${store.app.baseUrl}/demo/store?lang=en`);
      await launcher(friend).click();
      const welcome = panel(friend).getByRole("region", { name: "A gift from a friend" });
      await welcome.waitFor();
      expect(await text(welcome)).toContain("10% off your first order");
      expect(await text(welcome)).toContain("On orders of $20.00 or more");
      expect(await welcome.getByRole("textbox", { name: "Your code" }).inputValue()).toBe(code);
      expect(await extraFields(friend)).toEqual({ questline_ref: { value: code }, questline_ch: { value: "copy" } });
      await friend.screenshot({ path: `${SHOTS}/widget-referral-welcome.png`, animations: "disabled" });
      expect(await seriousAxeFindings(friend, "questline-widget")).toEqual([]);

      await friend.keyboard.press("Escape");
      await friend.getByRole("button", { name: "Add to cart: Merino Wool Socks" }).click();
      await friend.locator("#checkout-email").fill(FRIEND);
      await friend.getByRole("button", { name: "Place order" }).click();
      await friend.getByText(/Thank you! Order #/).waitFor();
      const order = store.app.emulator.getOrders(DEMO_STORE_ID).find((one) => one.email === FRIEND);
      expect(order?.extraFields).toMatchObject({ questline_ref: code, questline_ch: "copy" });
      await friendContext.close();

      expect(watch.problems).toEqual([]);
      expect(friendWatch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the merchant blocks an ambassador, then their widget shows a calm note and their numbers but no link, share buttons or QR code; unblocked with the coupon made, the code reads ready for checkout",
    async () => {
      const email = "bo.blocked@example.com";
      const page = await store.newPage();
      const watch = watchForProblems(page);
      await page.goto(`${store.app.baseUrl}/demo/store`);
      await launcher(page).click();
      await signInInWidget(page, store.app.baseUrl, email);
      await referralRegion(page).waitFor();

      const setReferral = (change: (referral: NonNullable<Member["referral"]>) => void) =>
        store.app.container.storage.transaction(DEMO_STORE_ID, async (tx) => {
          const member = (await tx.members.findByEmail(DEMO_STORE_ID, email))!;
          change(member.referral!);
          await tx.members.update(DEMO_STORE_ID, member);
        });
      const reopen = async () => {
        await page.keyboard.press("Escape");
        await launcher(page).click();
        await panel(page).getByText("Your points", { exact: true }).waitFor();
      };

      await setReferral((referral) => (referral.blocked = { at: new Date().toISOString(), by: "merchant@example.com", reason: "Shared on a coupon site" }));
      await reopen();
      const region = referralRegion(page);
      await expect.poll(() => text(region)).toContain("Sharing is paused for your account. The shop can tell you more.");
      expect(await text(region)).not.toContain("Shared on a coupon site");
      expect(await region.getByRole("link").count()).toBe(0);
      expect(await region.getByRole("textbox").count()).toBe(0);
      expect(await region.getByText("Show QR code").count()).toBe(0);
      expect(await text(region)).toContain("Friends ordered");
      expect(await seriousAxeFindings(page, "questline-widget")).toEqual([]);

      await setReferral((referral) => {
        referral.blocked = null;
        referral.coupon = { ecwidId: 1, offerKey: "made-in-test", active: true, syncedAt: new Date().toISOString() };
        referral.clicks = { whatsapp: 3, copy: 2 };
      });
      await reopen();
      await expect.poll(() => text(region)).toMatch(/Friends can also enter your code [A-Z]+-[2-9A-Z]{4} at checkout\./);
      expect(await text(region)).toContain("Visits by channel: WhatsApp 3 · Copied link 2");
      expect((await region.getByRole("listitem").filter({ hasText: "Clicks" }).innerText()).replace(/\s+/g, " ")).toBe("5 Clicks");
      expect(await region.getByRole("link", { name: "WhatsApp" }).count()).toBe(1);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );
});
