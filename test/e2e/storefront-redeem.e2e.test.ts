import { mkdir } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_STORE_ID } from "../../server/ecwid-emulator/index.js";
import { createInboxWorker } from "../../server/jobs/create-inbox-worker.js";
import { seriousAxeFindings } from "../support/axe.js";
import { watchForProblems } from "../support/browser.js";
import { dashboardFrame, pageTab } from "../support/admin-dashboard-page.js";
import { codeFor, focusedInWidget, host, launcher, panel, text, useDemoStorefront } from "../support/storefront-widget-page.js";

const BROWSER_TEST_MS = 90_000;
const SHOTS = "/tmp/shots";

const store = useDemoStorefront();

/** A fresh shopper signed in through the widget, given `points` by the shop, with the panel open on their standing. */
async function signedIn(email: string, points: number, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await store.newPage(viewport);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: store.app.baseUrl });
  await page.goto(`${store.app.baseUrl}/demo/store`);
  await launcher(page).click();
  await panel(page).getByLabel("Email address").fill(email);
  await panel(page).getByRole("button", { name: "Send code" }).click();
  await panel(page).getByLabel("6-digit code").waitFor();
  await panel(page)
    .getByLabel("6-digit code")
    .fill(await codeFor(store.app.baseUrl, email));
  await panel(page).getByRole("button", { name: "Sign in" }).click();
  await panel(page).getByText("Your points", { exact: true }).waitFor();
  const member = await store.app.container.storage.read(DEMO_STORE_ID, (tx) => tx.members.findByEmail(DEMO_STORE_ID, email));
  await store.app.container.ledger.adjust({ storeId: DEMO_STORE_ID, memberId: member!.id, points, reason: "Welcome", visibleToShopper: true, actor: "owner", requestKey: null });
  await page.keyboard.press("Escape");
  await launcher(page).click();
  await expect.poll(() => text(panel(page).locator(".bal b"))).toBe(points.toLocaleString("en-US"));
  return page;
}

const rewardItem = (page: Page, name: string): Locator => panel(page).getByRole("region", { name: "Spend your points" }).getByRole("listitem").filter({ hasText: name });

async function adminSettings(body?: unknown): Promise<Record<string, unknown>> {
  const session = await fetch(`${store.app.baseUrl}/api/admin/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ payload: store.app.emulator.encryptedPayload(DEMO_STORE_ID) }),
  });
  const { token } = (await session.json()) as { token: string };
  const response = await fetch(`${store.app.baseUrl}/api/admin/settings`, {
    method: body === undefined ? "GET" : "PUT",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

/** The Idempotency-Key of every redeem request the page sends. */
function redeemKeys(page: Page): string[] {
  const keys: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/redeem")) keys.push(request.headers()["idempotency-key"] ?? "");
  });
  return keys;
}

describe("redeeming in the demo storefront's widget", () => {
  it(
    "when a shopper redeems $5 off, then they confirm the cost, see and copy the code, the coupon exists in Ecwid and the balance drops, and once an order uses it the widget says Used and the merchant sees it used on the Rewards page; axe finds nothing serious",
    async () => {
      await mkdir(SHOTS, { recursive: true });
      const email = "redeem.coupon@example.com";
      const page = await signedIn(email, 1200);
      const watch = watchForProblems(page);
      const keys = redeemKeys(page);

      const fiveOff = rewardItem(page, "$5 off");
      expect(await text(fiveOff)).toContain("$5.00 off your order");
      expect(await text(rewardItem(page, "10% off an order"))).toContain("10% off your order");
      await fiveOff.getByRole("button", { name: "Redeem: $5 off" }).click();
      const question = fiveOff.getByRole("group", { name: "Spend 500 points on $5 off?" });
      await question.waitFor();
      expect(await text(question)).toContain("You'll have 700 points left.");
      expect(await host(page).evaluate((element) => element.shadowRoot?.activeElement?.textContent)).toBe("Yes, redeem");
      expect(await seriousAxeFindings(page, "questline-widget")).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/e2e-confirm.png` });

      await page.keyboard.press("Escape"); // closes the question, not the panel
      await question.waitFor({ state: "detached" });
      expect(await panel(page).isVisible()).toBe(true);
      expect(await host(page).evaluate((element) => element.shadowRoot?.activeElement?.getAttribute("aria-label"))).toBe("Redeem: $5 off");
      expect(keys).toEqual([]);

      await fiveOff.getByRole("button", { name: "Redeem: $5 off" }).click();
      await fiveOff.getByRole("button", { name: "Yes, redeem" }).click();
      const outcome = panel(page).getByRole("region", { name: "Your coupon is ready" });
      await outcome.waitFor();
      expect(await focusedInWidget(page)).toBe("card res");
      const code = await outcome.getByLabel("Coupon code").inputValue();
      expect(code.length).toBeGreaterThanOrEqual(8);
      expect(await text(outcome)).toContain("At checkout, enter the code in the discount coupon field.");
      expect(await text(outcome)).toMatch(/Use by [A-Z][a-z]{2} \d{1,2}/);
      expect(keys).toHaveLength(1);
      expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);

      await outcome.getByRole("button", { name: "Copy code" }).click();
      await outcome.getByRole("status").filter({ hasText: "Code copied" }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);

      expect(await text(panel(page).locator(".bal b"))).toBe("700");
      const mine = panel(page).getByRole("region", { name: "Your rewards" }).getByRole("listitem").filter({ hasText: "$5 off" });
      expect(await text(mine)).toContain("Ready to use");
      expect(await mine.getByLabel("Coupon code").inputValue()).toBe(code);
      expect(await text(panel(page).getByRole("region", { name: "Recent activity" }))).toContain("Reward claimed");

      const coupon = store.app.emulator.getCoupons(DEMO_STORE_ID).find((each) => each.code === code);
      expect(coupon).toMatchObject({ discountType: "ABS", discount: 5, usesLimit: "SINGLE", status: "ACTIVE" });
      expect(await seriousAxeFindings(page, "questline-widget")).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/e2e-coupon.png` });

      // The shopper uses the code at checkout: the paid order's webhook marks it used, and the widget says so.
      const order = store.app.emulator.putOrder(DEMO_STORE_ID, {
        email,
        customerId: null,
        items: [{ name: "Merino Wool Socks", price: 18.5 }],
        couponCode: code,
        paymentStatus: "PAID",
      });
      const sent = await store.app.emulator.sendWebhook({
        url: `${store.app.baseUrl}/webhooks/ecwid`,
        ...store.app.emulator.orderWebhook(DEMO_STORE_ID, order.id, "order.created"),
      });
      expect(sent.status).toBe(200);
      expect(await createInboxWorker(store.app.container).drain()).toBe(1);
      await page.keyboard.press("Escape");
      await launcher(page).click();
      await expect.poll(() => text(panel(page).getByRole("region", { name: "Your rewards" }).getByRole("listitem").filter({ hasText: "$5 off" }))).toContain("Used");
      expect(await panel(page).getByRole("region", { name: "Your rewards" }).getByLabel("Coupon code").count()).toBe(0);
      expect(watch.problems).toEqual([]);

      // The merchant sees the redemption on the dashboard's Rewards page: the member, the reward, its code, used.
      const admin = await store.newPage({ width: 1280, height: 800 });
      await admin.goto(`${store.app.baseUrl}/demo/admin`);
      const frame = dashboardFrame(admin);
      await pageTab(frame, "Rewards").click();
      const row = frame.locator("[data-testid=redemptions] tbody tr", { hasText: code });
      await row.waitFor();
      const seen = (await row.textContent()) ?? "";
      for (const part of [email, "$5 off", "500", "Used"]) expect(seen).toContain(part);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the answer to a confirmed Redeem is lost, then Try again sends the same Idempotency-Key and the shopper gets one coupon",
    async () => {
      const email = "redeem.retry@example.com";
      const page = await signedIn(email, 600, { width: 360, height: 740 });
      const keys = redeemKeys(page);
      let dropped = false;
      // The request reaches the app and makes the coupon, but its answer never reaches the browser.
      await page.route("**/rewards/*/redeem", async (route) => {
        if (dropped) return route.continue();
        dropped = true;
        await route.fetch();
        await route.abort("connectionreset");
      });

      const fiveOff = rewardItem(page, "$5 off");
      await fiveOff.getByRole("button", { name: "Redeem: $5 off" }).click();
      await fiveOff.getByRole("button", { name: "Yes, redeem" }).click();
      await fiveOff.getByRole("alert").filter({ hasText: "We can't reach the rewards service right now." }).waitFor();
      await fiveOff.getByRole("button", { name: "Try again" }).click();
      const outcome = panel(page).getByRole("region", { name: "Your coupon is ready" });
      await outcome.waitFor();
      await page.screenshot({ path: `${SHOTS}/e2e-retry-phone.png` });

      expect(keys).toHaveLength(2);
      expect(keys[1]).toBe(keys[0]);
      const code = await outcome.getByLabel("Coupon code").inputValue();
      expect(store.app.emulator.getCoupons(DEMO_STORE_ID).filter((each) => each.code === code)).toHaveLength(1);
      expect(await text(panel(page).locator(".bal b"))).toBe("100");
      expect(await panel(page).getByRole("region", { name: "Your rewards" }).getByRole("listitem").count()).toBe(1);
      expect(await text(rewardItem(page, "$5 off"))).toContain("400 points to go");
    },
    BROWSER_TEST_MS,
  );

  it(
    "when Ecwid refuses to make the coupon, then the shopper is told their points are safe and a new click is a new request",
    async () => {
      const email = "redeem.refused@example.com";
      const page = await signedIn(email, 600);
      const watch = watchForProblems(page);
      watch.expectError("POST", "/redeem", 503);
      const keys = redeemKeys(page);
      // Ecwid says the code is taken and no coupon has it: a definite no, so the hold is released.
      store.app.emulator.failNext(1, { status: 409, on: { method: "POST", path: "/discount_coupons" } });

      const fiveOff = rewardItem(page, "$5 off");
      await fiveOff.getByRole("button", { name: "Redeem: $5 off" }).click();
      await fiveOff.getByRole("button", { name: "Yes, redeem" }).click();
      await fiveOff.getByRole("alert").filter({ hasText: "Your points are safe" }).waitFor();
      expect(await text(panel(page).locator(".bal b"))).toBe("600");

      await fiveOff.getByRole("button", { name: "Yes, redeem" }).click();
      await panel(page).getByRole("region", { name: "Your coupon is ready" }).waitFor();
      expect(keys).toHaveLength(2);
      expect(keys[1]).not.toBe(keys[0]);
      expect(await text(panel(page).locator(".bal b"))).toBe("100");
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the balance dropped after the panel drew Redeem, then the refusal says how many points are missing and the reward shows it in numbers",
    async () => {
      const email = "redeem.short@example.com";
      const page = await signedIn(email, 600);
      const watch = watchForProblems(page);
      watch.expectError("POST", "/redeem", 409);
      const coupons = store.app.emulator.getCoupons(DEMO_STORE_ID).length;
      const member = await store.app.container.storage.read(DEMO_STORE_ID, (tx) => tx.members.findByEmail(DEMO_STORE_ID, email));
      await store.app.container.ledger.adjust({
        storeId: DEMO_STORE_ID,
        memberId: member!.id,
        points: -200,
        reason: "Correction",
        visibleToShopper: true,
        actor: "owner",
        requestKey: null,
      });

      const fiveOff = rewardItem(page, "$5 off");
      await fiveOff.getByRole("button", { name: "Redeem: $5 off" }).click();
      await fiveOff.getByRole("button", { name: "Yes, redeem" }).click();
      const refused = panel(page).getByRole("region", { name: "$5 off was not redeemed" });
      await refused.waitFor();
      expect(await focusedInWidget(page)).toBe("card res");
      expect(await text(refused)).toContain("100 points to go");
      await page.screenshot({ path: `${SHOTS}/e2e-refused.png` });
      expect(await text(panel(page).locator(".bal b"))).toBe("400");
      expect(await text(rewardItem(page, "$5 off"))).toContain("100 points to go");
      expect(await rewardItem(page, "$5 off").getByRole("button").count()).toBe(0);
      expect(store.app.emulator.getCoupons(DEMO_STORE_ID)).toHaveLength(coupons);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when Ecwid's answer is lost and the code cannot be looked up yet, then the widget says the coupon is being made with the points held, and shows the code once the job finds it",
    async () => {
      const email = "redeem.pending@example.com";
      const page = await signedIn(email, 600);
      // The coupon is made but neither answer reaches the app, and the lookup by code fails too: 202, pending.
      store.app.emulator.failNext(2, { kind: "lost-answer", ms: 200, on: { method: "POST", path: "/discount_coupons" } });
      store.app.emulator.failNext(2, { status: 503, on: { method: "GET", path: "/discount_coupons" } });

      const fiveOff = rewardItem(page, "$5 off");
      await fiveOff.getByRole("button", { name: "Redeem: $5 off" }).click();
      await fiveOff.getByRole("button", { name: "Yes, redeem" }).click();
      const making = panel(page).getByRole("region", { name: "We're making your coupon…" });
      await making.waitFor();
      expect(await focusedInWidget(page)).toBe("card res");
      expect(await text(panel(page).locator(".sum"))).toContain("500 points held for a coupon being made");
      expect(await text(panel(page).locator(".bal b"))).toBe("100");
      expect(await text(panel(page).getByRole("region", { name: "Your rewards" }))).toContain("Being made");
      await page.screenshot({ path: `${SHOTS}/e2e-pending.png` });

      // The minute job, once the redemption is due: it finds the coupon by its code and issues it.
      const member = await store.app.container.storage.read(DEMO_STORE_ID, (tx) => tx.members.findByEmail(DEMO_STORE_ID, email));
      await store.app.container.storage.transaction(DEMO_STORE_ID, async (tx) => {
        const [pending] = await tx.redemptions.listForMember(DEMO_STORE_ID, member!.id, 1);
        await tx.redemptions.update(DEMO_STORE_ID, { ...pending!, checkAfter: new Date(Date.now() - 1000).toISOString() });
      });
      expect(await store.app.container.redemptionSettlement.settleStore(DEMO_STORE_ID)).toMatchObject({ issued: 1 });

      const ready = panel(page).getByRole("region", { name: "Your coupon is ready" });
      await ready.waitFor({ timeout: 20_000 });
      const code = await ready.getByLabel("Coupon code").inputValue();
      expect(store.app.emulator.getCoupons(DEMO_STORE_ID).filter((each) => each.code === code)).toHaveLength(1);
      expect(await host(page).evaluate((element) => element.shadowRoot?.querySelector(".sr")?.textContent)).toBe("Your coupon is ready");
      expect(await text(panel(page).locator(".sum"))).not.toContain("held");
      expect(await text(panel(page).locator(".bal b"))).toBe("100");
    },
    BROWSER_TEST_MS,
  );

  it(
    "when a shopper chooses how many points a variable reward takes pledges points to a cause and claims an experience, then the coupon is worth their choice, the cause thanks them, the shop will be in touch, and a tier-only reward says for whom",
    async () => {
      const original = await adminSettings();
      await adminSettings({
        ...original,
        rewards: [
          { id: "rw_choose", name: "Choose your discount", kind: "variable", pointsPerUnit: 100, unitMinor: 100, minPoints: 100, maxPoints: 1000, stepPoints: 100 },
          { id: "rw_tree", name: "Plant a tree", kind: "donation", costPoints: 100, cause: "Trees for All", valueMinor: 100 },
          { id: "rw_panel", name: "Tasting panel", kind: "experience", costPoints: 100, tierIds: ["tr_peak"] },
          { id: "rw_maker", name: "Meet the maker", kind: "experience", costPoints: 100 },
        ],
      });
      try {
        const page = await signedIn("redeem.choices@example.com", 550, { width: 360, height: 740 });
        const watch = watchForProblems(page);
        expect(await text(rewardItem(page, "Tasting panel"))).toContain("For Peak members");
        const choose = rewardItem(page, "Choose your discount");
        expect(await text(choose)).toContain("$1.00 off for every 100 points");
        const choice = choose.getByLabel("Points to spend");
        expect(await choice.locator("option").allTextContents()).toEqual([
          "100 points: $1.00 off",
          "200 points: $2.00 off",
          "300 points: $3.00 off",
          "400 points: $4.00 off",
          "500 points: $5.00 off",
        ]);
        await choice.selectOption("300");
        // On the phone the sheet keeps Tab inside; from the choice it goes on to its Redeem, not round to the top.
        await choice.focus();
        await page.keyboard.press("Tab");
        expect(await host(page).evaluate((element) => element.shadowRoot?.activeElement?.getAttribute("aria-label"))).toBe("Redeem: Choose your discount");
        await choose.getByRole("button", { name: "Redeem: Choose your discount" }).click();
        expect(await text(choose.getByRole("group", { name: "Spend 300 points on Choose your discount?" }))).toContain("You'll have 250 points left.");
        await choose.getByRole("button", { name: "Yes, redeem" }).click();
        const code = await panel(page).getByRole("region", { name: "Your coupon is ready" }).getByLabel("Coupon code").inputValue();
        expect(store.app.emulator.getCoupons(DEMO_STORE_ID).find((each) => each.code === code)).toMatchObject({ discountType: "ABS", discount: 3 });

        const tree = rewardItem(page, "Plant a tree");
        expect(await text(tree)).toContain("$1.00 donated to Trees for All");
        await tree.getByRole("button", { name: "Redeem: Plant a tree" }).click();
        await tree.getByRole("button", { name: "Yes, redeem" }).click();
        const thanks = panel(page).getByRole("region", { name: "Thank you!" });
        await thanks.waitFor();
        expect(await text(thanks)).toContain("Your points support Trees for All.");
        expect(await text(panel(page).locator(".bal b"))).toBe("150");
        const pledged = panel(page).getByRole("region", { name: "Your rewards" }).getByRole("listitem").filter({ hasText: "Plant a tree" });
        expect(await text(pledged)).toContain("Donated");

        const maker = rewardItem(page, "Meet the maker");
        expect(await text(maker)).toContain("An experience: the shop will be in touch");
        await maker.getByRole("button", { name: "Redeem: Meet the maker" }).click();
        await maker.getByRole("button", { name: "Yes, redeem" }).click();
        await expect.poll(() => text(panel(page).getByRole("region", { name: "Thank you!" }))).toContain("The shop will be in touch about Meet the maker.");
        expect(await text(panel(page).getByRole("region", { name: "Your rewards" }).getByRole("listitem").filter({ hasText: "Meet the maker" }))).toContain("Claimed");
        expect(await text(panel(page).locator(".bal b"))).toBe("50");
        expect(await seriousAxeFindings(page, "questline-widget")).toEqual([]);
        await page.screenshot({ path: `${SHOTS}/e2e-donation-phone.png` });
        expect(watch.problems).toEqual([]);
      } finally {
        await adminSettings(original);
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the shop's points expire per lot after 12 months, then the shopper sees under their balance how many expire and on which date, with its year",
    async () => {
      const original = await adminSettings();
      await adminSettings({ ...original, expiry: { mode: "per_lot", months: 12, warnDays: 14 } });
      try {
        const page = await signedIn("redeem.expiry@example.com", 600);
        const nextYear = new Date().getFullYear() + 1;
        await expect.poll(() => text(panel(page).locator(".sum"))).toMatch(new RegExp(`600 points expire on [A-Z][a-z]{2} \\d{1,2}, ${nextYear}`));
      } finally {
        await adminSettings(original);
      }
    },
    BROWSER_TEST_MS,
  );
});
