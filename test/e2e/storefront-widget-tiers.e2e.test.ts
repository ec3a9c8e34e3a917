import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_STORE_ID } from "../../server/ecwid-emulator/index.js";
import { createInboxWorker } from "../../server/jobs/create-inbox-worker.js";
import { seriousAxeFindings } from "../support/axe.js";
import { watchForProblems } from "../support/browser.js";
import type { Locator } from "playwright-core";
import { launcher, panel, signInInWidget, text, useDemoProgram, useDemoStorefront } from "../support/storefront-widget-page.js";

const BROWSER_TEST_MS = 90_000;
const SHOTS = "/tmp/shots-w";
const PHONE = { width: 360, height: 740 };

const store = useDemoStorefront();

/** The demo's ladder over the last 12 months with a keep amount, a multiplier, birthday points and an invitation-only tier. */
useDemoProgram(store, (original) => ({
  ...original,
  tierRules: { metric: "spend", window: "rolling_12_months", graceDays: 30 },
  tiers: [
    { id: "tr_base", name: "Base camp", threshold: 0, perks: "Members' newsletter" },
    { id: "tr_ridge", name: "Ridge", threshold: 25_000, keepThreshold: 20_000, multiplierPercent: 200, perks: "Free shipping on every order" },
    { id: "tr_peak", name: "Peak", threshold: 75_000, birthdayPoints: 100 },
    { id: "tr_guide", name: "Trail guide", threshold: 0, inviteOnly: true, perks: "A guided hike each spring" },
  ],
}));

async function openPanel(viewport?: { width: number; height: number }): Promise<Page> {
  const page = await store.newPage(viewport);
  await page.goto(`${store.app.baseUrl}/demo/store`);
  await launcher(page).click();
  return page;
}

/** What the shopper reads in `locator`, its lines joined by spaces. */
const shown = async (locator: Locator) => (await locator.first().innerText()).replace(/\s+/g, " ").trim();

const ladderItem = (page: Page, region: string, name: string) => panel(page).getByRole("region", { name: region }).getByRole("listitem").filter({ hasText: name });

describe("the VIP ladder in the storefront widget", () => {
  it(
    "when a shopper is signed out, then the ladder shows what each tier takes over the window, its perks from the rules and the invitation-only tier; axe finds nothing serious at desktop and 360px",
    async () => {
      for (const [name, viewport] of [
        ["desktop", undefined],
        ["phone", PHONE],
      ] as const) {
        const page = await openPanel(viewport);
        const watch = watchForProblems(page);
        const ladder = panel(page).getByRole("region", { name: "Tiers" });
        await ladder.waitFor();
        expect(await shown(ladder)).toContain("Based on what you spend in the last 12 months");
        expect(await shown(ladderItem(page, "Tiers", "Ridge"))).toBe("Ridge 2 points per $1.00 Free shipping on every order From $250.00");
        expect(await shown(ladderItem(page, "Tiers", "Peak"))).toBe("Peak 100 points on your birthday From $750.00");
        expect(await shown(ladderItem(page, "Tiers", "Trail guide"))).toBe("Trail guide A guided hike each spring By invitation");
        expect(await panel(page).locator("[aria-current]").count()).toBe(0);
        await ladder.scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/ladder-signed-out-${name}.png`, animations: "disabled" });
        expect(await seriousAxeFindings(page, "questline-widget"), name).toEqual([]);
        expect(watch.problems).toEqual([]);
        await page.context().close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    "when a signed-in shopper's paid orders reach Ridge through signed webhooks, then the ladder marks Ridge as theirs, the bar says what Peak takes, the keep line says until when Ridge is theirs, and the change is listed",
    async () => {
      const email = "iris.tiers@example.com";
      const page = await openPanel();
      const watch = watchForProblems(page);
      await signInInWidget(page, store.app.baseUrl, email);

      const { emulator } = store.app;
      const order = emulator.putOrder(DEMO_STORE_ID, { email, customerId: null, items: [{ name: "Trail Runner Shoes", price: 300 }], paymentStatus: "PAID" });
      const sent = await emulator.sendWebhook({ url: `${store.app.baseUrl}/webhooks/ecwid`, ...emulator.orderWebhook(DEMO_STORE_ID, order.id, "order.created") });
      expect(sent.status).toBe(200);
      expect(await createInboxWorker(store.app.container).drain()).toBe(1);

      await page.keyboard.press("Escape");
      await launcher(page).click();
      const mine = panel(page).getByRole("region", { name: "Your tier" });
      await expect.poll(() => mine.locator("[aria-current=true]").count()).toBe(1);
      expect(await shown(mine.locator("[aria-current=true]"))).toBe("Ridge Your tier 2 points per $1.00 Free shipping on every order From $250.00");
      expect(await text(panel(page).locator(".level"))).toBe("Ridge");
      const bar = mine.getByRole("progressbar", { name: "Peak" });
      expect(await bar.getAttribute("aria-valuetext")).toBe("Spend $450.00 more to reach Peak");
      expect(await bar.getAttribute("aria-valuenow")).toBe("30000");
      // The order leaves the 12-month window a year on: until then nothing can take Ridge away.
      const member = await store.app.container.storage.read(DEMO_STORE_ID, (tx) => tx.members.findByEmail(DEMO_STORE_ID, email));
      const reviewAt = member!.tier!.earned.reviewAt!;
      const until = new Date(reviewAt).toLocaleDateString("en", { day: "numeric", month: "short", year: "numeric" });
      expect(await shown(mine)).toContain(`Ridge is yours until at least ${until}`);
      expect(Date.parse(reviewAt) - Date.now()).toBeGreaterThan(360 * 86_400_000);

      await mine.getByText("Your tier changes").click();
      expect(await shown(mine.locator("details li").first())).toMatch(/^Reached Ridge · /);
      await mine.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/ladder-signed-in-desktop.png`, animations: "disabled" });
      expect(await seriousAxeFindings(page, "questline-widget")).toEqual([]);

      await page.setViewportSize(PHONE);
      await mine.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/ladder-signed-in-phone.png`, animations: "disabled" });
      expect(await seriousAxeFindings(page, "questline-widget")).toEqual([]);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the standing /me gives is in grace, or the tier is a paid pass, then the panel warns what keeping it takes by when, or says until when the pass runs",
    async () => {
      const email = "jonas.grace@example.com";
      const page = await openPanel(PHONE);
      await signInInWidget(page, store.app.baseUrl, email);
      const year = new Date().getFullYear() + 1;
      // The grace and the pass as the server's standing would carry them (their timing is the tier review's, tested there).
      let standing: Record<string, unknown> = {};
      await page.route("**/me?*", async (route) => {
        const response = await route.fetch();
        const body = (await response.json()) as { tier: Record<string, unknown> };
        await route.fulfill({ response, json: { ...body, tier: { ...body.tier, ...standing } } });
      });
      const ridge = { id: "tr_ridge", name: "Ridge", since: `${year - 1}-03-01T00:00:00.000Z` };
      const reopen = async () => {
        await page.keyboard.press("Escape");
        await launcher(page).click();
      };

      standing = {
        current: { ...ridge, how: "earned", paidUntil: null },
        amount: 16_000,
        next: { id: "tr_peak", name: "Peak", threshold: 75_000, needed: 59_000 },
        keep: { threshold: 20_000, needed: 4_000, by: `${year}-03-14T12:00:00.000Z`, grace: true },
      };
      await reopen();
      const warning = panel(page).getByRole("region", { name: "Your tier" }).locator(".warn");
      await expect.poll(() => shown(warning)).toBe(`Spend $40.00 more by Mar 14, ${year} to keep Ridge`);
      await warning.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/ladder-grace-phone.png`, animations: "disabled" });
      expect(await seriousAxeFindings(page, "questline-widget")).toEqual([]);

      standing = { current: { ...ridge, how: "paid", paidUntil: `${year}-06-03T12:00:00.000Z` }, keep: null };
      await reopen();
      const mine = panel(page).getByRole("region", { name: "Your tier" });
      await expect.poll(() => shown(mine)).toContain(`Ridge member until Jun 3, ${year}`);
      expect(await mine.locator(".warn").count()).toBe(0);
    },
    BROWSER_TEST_MS,
  );
});
