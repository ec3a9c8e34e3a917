import { mkdir } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_STORE_ID } from "../../server/ecwid-emulator/index.js";
import { DEMO_PRODUCTS } from "../../server/ecwid-emulator/demo-catalog.js";
import { createInboxWorker } from "../../server/jobs/create-inbox-worker.js";
import { seriousAxeFindings } from "../support/axe.js";
import { watchForProblems } from "../support/browser.js";
import { demoAdmin, demoSettings, focusedInWidget, launcher, panel, signInInWidget, text, useDemoStorefront } from "../support/storefront-widget-page.js";

const BROWSER_TEST_MS = 90_000;
const SHOTS = "/tmp/shots";
const FOLLOW_URL = "https://www.instagram.com/trailhead.outfitters";

const store = useDemoStorefront();
let original: Record<string, unknown>;

/** The demo program with a click-through task paying points and a badge, a stamp card for socks, a monthly survey, and a review to prove by link. */
beforeAll(async () => {
  original = await demoSettings(store.app, DEMO_STORE_ID);
  await demoSettings(store.app, DEMO_STORE_ID, {
    ...original,
    challenges: [
      ...(original.challenges as unknown[]),
      {
        id: "ch_follow",
        title: "Follow the trail",
        description: "New gear first, on Instagram",
        icon: "camera",
        points: 40,
        badgeIds: ["bd_fan"],
        goal: { kind: "visit", url: FOLLOW_URL, network: "instagram" },
      },
      {
        id: "ch_socks",
        title: "Sock drawer",
        description: "Every sixth pair is on us",
        icon: "shirt",
        points: 100,
        repeat: { every: "completion" },
        goal: { kind: "stamps", target: 6, productIds: [DEMO_PRODUCTS.socks.id], categoryIds: [] },
      },
      { id: "ch_nps", title: "Quick question", icon: "message-circle", points: 20, repeat: { every: "month" }, goal: { kind: "survey" } },
      {
        id: "ch_review",
        title: "Review your gear",
        icon: "thumbs-up",
        points: 75,
        goal: { kind: "proof", proof: "link", prompt: "Post a review and paste its link." },
      },
    ],
    badges: [...(original.badges as unknown[]), { id: "bd_fan", name: "Fan", icon: "heart" }],
  });
});
afterAll(() => demoSettings(store.app, DEMO_STORE_ID, original));

async function paidOrder(email: string, items: { productId: number; price: number; quantity: number; name: string; categoryId?: number }[]): Promise<void> {
  const { emulator } = store.app;
  const order = emulator.putOrder(DEMO_STORE_ID, { email, customerId: null, items, paymentStatus: "PAID" });
  await emulator.sendWebhook({ url: `${store.app.baseUrl}/webhooks/ecwid`, ...emulator.orderWebhook(DEMO_STORE_ID, order.id, "order.created") });
  await createInboxWorker(store.app.container).drain();
}

/** The storefront with the panel open and `email` signed in; the follow link answers without the network. */
async function signedIn(email: string) {
  const page = await store.newPage();
  const watch = watchForProblems(page);
  await page.context().route(`${FOLLOW_URL}**`, (route) => route.fulfill({ contentType: "text/html", body: "<title>Instagram</title>" }));
  await page.goto(`${store.app.baseUrl}/demo/store`);
  await launcher(page).click();
  await signInInWidget(page, store.app.baseUrl, email);
  return { page, watch };
}

const challenge = (page: Page, region: string, title: string) => panel(page).getByRole("region", { name: region }).getByRole("listitem").filter({ hasText: title });
const points = async (page: Page) => Number((await text(panel(page).locator(".bal b"))).replace(/\D/g, ""));

describe("the game in the storefront widget", () => {
  it(
    "when a shopper with socks bought follows the shop from the widget, then the stamp card shows their stamps, and points, badge and progress update without a reload; axe finds nothing serious at desktop and 360px",
    async () => {
      await mkdir(SHOTS, { recursive: true });
      const email = "game.shopper@example.com";
      const socks = DEMO_PRODUCTS.socks;
      await paidOrder(email, [{ productId: socks.id, name: socks.name, price: socks.price, quantity: 2 }]);

      const { page, watch } = await signedIn(email);
      await page.evaluate(() => ((window as unknown as { unreloaded: boolean }).unreloaded = true));

      const stampCard = challenge(page, "Challenges", "Sock drawer").getByRole("img", { name: "Sock drawer: 2 of 6 stamps" });
      await stampCard.waitFor();
      expect(await stampCard.locator("i").count()).toBe(6);
      expect(await stampCard.locator("i.on").count()).toBe(2);

      const before = await points(page);
      const fan = panel(page).getByRole("region", { name: "Badges" }).getByRole("listitem").filter({ hasText: "Fan" });
      expect(await text(fan)).toContain("Complete: Follow the trail");
      const follow = challenge(page, "To do now", "Follow the trail").getByRole("link", { name: "Follow us on Instagram" });
      expect(await follow.getAttribute("target")).toBe("_blank");
      expect(await follow.getAttribute("rel")).toBe("noopener");
      expect(await follow.getAttribute("href")).toBe(FOLLOW_URL);
      await page.screenshot({ path: `${SHOTS}/widget-game-task.png`, animations: "disabled" });

      const tab = page.waitForEvent("popup");
      await follow.click();
      expect((await tab).url()).toBe(FOLLOW_URL);
      await (await tab).close();

      const done = panel(page).getByRole("region", { name: "Well done!" });
      await done.waitFor();
      expect(await text(done)).toContain("You earned 40 points.");
      expect(await text(done)).toContain("New badge: Fan");
      expect(await focusedInWidget(page)).toBe("card res");
      await expect.poll(() => points(page)).toBe(before + 40);
      expect(await text(fan)).toContain("Earned");
      expect(await text(challenge(page, "Challenges", "Follow the trail"))).toContain("Completed");
      expect(await panel(page).getByRole("link", { name: "Follow us on Instagram" }).count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded)).toBe(true);
      await page.screenshot({ path: `${SHOTS}/widget-game-done.png`, animations: "disabled" });
      const desktop = await seriousAxeFindings(page, "questline-widget");

      const phone = await store.browser.newContext({ viewport: { width: 360, height: 740 }, storageState: await page.context().storageState() });
      const small = await phone.newPage();
      await small.goto(`${store.app.baseUrl}/demo/store`);
      await launcher(small).click();
      await challenge(small, "Challenges", "Sock drawer").getByRole("img", { name: "Sock drawer: 2 of 6 stamps" }).scrollIntoViewIfNeeded();
      await small.screenshot({ path: `${SHOTS}/widget-game-phone.png`, animations: "disabled" });
      const narrow = await seriousAxeFindings(small, "questline-widget");
      await phone.close();

      expect({ desktop, narrow }).toEqual({ desktop: [], narrow: [] });
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when a shopper sends a review link as proof, then a slip is said beside the field first, and once sent the task reads Waiting for review, cannot be sent again and pays nothing yet",
    async () => {
      const { page, watch } = await signedIn("proof.shopper@example.com");
      const before = await points(page);
      const task = challenge(page, "To do now", "Review your gear");
      const link = task.getByRole("textbox", { name: "Link to your post or review" });

      await link.fill("my review");
      await task.getByRole("button", { name: "Send" }).click();
      expect(await text(task.getByRole("alert"))).toBe("Enter a link that starts with https://");
      expect(await link.getAttribute("aria-invalid")).toBe("true");

      await link.fill("https://reviews.example.com/trailhead/42");
      await task.getByRole("button", { name: "Send" }).click();
      const sent = panel(page).getByRole("region", { name: "Waiting for review" });
      await sent.waitFor();
      expect(await text(sent)).toContain("Review your gear");
      expect(await focusedInWidget(page)).toBe("card res");
      expect(await text(challenge(page, "To do now", "Review your gear"))).toContain("Waiting for review");
      expect(await panel(page).getByRole("textbox", { name: "Link to your post or review" }).count()).toBe(0);
      expect(await points(page)).toBe(before);
      expect(await seriousAxeFindings(page, "questline-widget")).toEqual([]);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the merchant starts from the Coffee club template and turns its follow task on, then a shopper sees the template's stamp card with their stamp and completes the follow task in the widget",
    async () => {
      await demoAdmin(store.app, DEMO_STORE_ID, "POST", "program/templates/coffee_club/apply");
      const settings = await demoSettings(store.app, DEMO_STORE_ID);
      const challenges = settings.challenges as { id: string; status: string; goal: { kind: string; url?: string; categoryIds?: number[] } }[];
      const follow = challenges.find((one) => one.id === "ch_tpl_coffee_follow")!;
      follow.status = "active";
      follow.goal.url = FOLLOW_URL;
      await demoSettings(store.app, DEMO_STORE_ID, settings);
      const categoryId = challenges.find((one) => one.id === "ch_tpl_coffee_stamps")!.goal.categoryIds![0]!;
      const product = Object.values(DEMO_PRODUCTS).find((one) => one.categoryIds.includes(categoryId))!;
      const email = "coffee.shopper@example.com";
      await paidOrder(email, [{ productId: product.id, name: product.name, price: product.price, quantity: 1, categoryId }]);

      const { page, watch } = await signedIn(email);
      await challenge(page, "Challenges", "Coffee stamp card").getByRole("img", { name: "Coffee stamp card: 1 of 9 stamps" }).waitFor();
      const before = await points(page);

      const tab = page.waitForEvent("popup");
      // The template's task, not this file's own follow task (which shows the same link words).
      const templateTask = challenge(page, "To do now", "Follow us on Instagram").filter({ hasNotText: "Follow the trail" });
      await templateTask.getByRole("link", { name: "Follow us on Instagram" }).click();
      await (await tab).close();
      await panel(page).getByRole("region", { name: "Well done!" }).waitFor();
      await expect.poll(() => points(page)).toBe(before + 25);
      expect(await text(challenge(page, "Challenges", "Follow us on Instagram"))).toContain("Completed");
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when a shopper answers the monthly survey in the widget, then sending without a score is said beside the scale, and with one it pays and reads done this month with nothing more to send",
    async () => {
      const { page, watch } = await signedIn("survey.shopper@example.com");
      const before = await points(page);
      const task = challenge(page, "To do now", "Quick question");
      await task.getByRole("button", { name: "Send" }).click();
      expect(await text(task.getByRole("alert"))).toBe("Choose a number from 0 to 10.");

      const scale = task.getByRole("group", { name: /How likely are you to recommend/ });
      await scale.getByRole("button", { name: "9", exact: true }).click();
      expect(await scale.getByRole("button", { name: "9", exact: true }).getAttribute("aria-pressed")).toBe("true");
      await task.getByRole("textbox", { name: "Anything else? (optional)" }).fill("Great socks");
      await task.getByRole("button", { name: "Send" }).click();
      const done = panel(page).getByRole("region", { name: "Well done!" });
      await done.waitFor();
      expect(await text(done)).toContain("You earned 20 points.");
      await expect.poll(() => points(page)).toBe(before + 20);
      const answered = await text(challenge(page, "Challenges", "Quick question"));
      expect(answered).toContain("Completed");
      expect(answered).toContain("Done this month, again from");
      expect(await challenge(page, "Challenges", "Quick question").getByRole("button", { name: "Send" }).count()).toBe(0);
      expect(await seriousAxeFindings(page, "questline-widget")).toEqual([]);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the merchant runs the leaderboard and a shopper who earned points this month turns on the switch, then the board gives their rank and points, and focus stays on the switch",
    async () => {
      await demoAdmin(store.app, DEMO_STORE_ID, "PUT", "program/leaderboard", { enabled: true, size: 10 });
      const email = "board.shopper@example.com";
      const socks = DEMO_PRODUCTS.socks;
      await paidOrder(email, [{ productId: socks.id, name: socks.name, price: socks.price, quantity: 1 }]);
      const { page, watch } = await signedIn(email);
      const board = panel(page).getByRole("region", { name: "Leaderboard" });
      const toggle = board.getByRole("switch", { name: "Show me on the leaderboard" });
      expect(await toggle.getAttribute("aria-checked")).toBe("false");
      expect(await text(board)).not.toContain("You are #");

      await toggle.click();
      await expect.poll(() => toggle.getAttribute("aria-checked")).toBe("true");
      expect(await text(board)).toMatch(/You are #\d+ with \d+ points/);
      expect(await focusedInWidget(page)).toBe("sw");
      expect(await seriousAxeFindings(page, "questline-widget")).toEqual([]);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );
});
