import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createInboxWorker } from "../../server/jobs/create-inbox-worker.js";
import type { EcwidEmulator } from "../../server/ecwid-emulator/index.js";
import { DEMO_STORE_ID } from "../../server/ecwid-emulator/index.js";
import { watchForProblems, type ProblemWatch } from "../support/browser.js";
import { codeFor as emailedCode, focusedInWidget, host, launcher, panel, text, useDemoStorefront } from "../support/storefront-widget-page.js";

const BROWSER_TEST_MS = 60_000;
const HOSTILE = "<img src=x onerror=alert(1)>";

const store = useDemoStorefront();

const emulator = (): EcwidEmulator => store.app.emulator;
const codeFor = (email: string) => emailedCode(store.app.baseUrl, email);

async function openStore(query = "", viewport = { width: 1280, height: 800 }): Promise<{ page: Page; watch: ProblemWatch; requests: string[] }> {
  const page = await store.newPage(viewport);
  const watch = watchForProblems(page);
  const requests: string[] = [];
  page.on("request", (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(`${store.app.baseUrl}/demo/store${query}`);
  return { page, watch, requests };
}

async function memberBalance(email: string): Promise<number | undefined> {
  const member = await store.app.container.storage.transaction(DEMO_STORE_ID, (tx) => tx.members.findByEmail(DEMO_STORE_ID, email));
  return member?.balance;
}

async function adminToken(): Promise<string> {
  const response = await fetch(`${store.app.baseUrl}/api/admin/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ payload: emulator().encryptedPayload(DEMO_STORE_ID) }),
  });
  return ((await response.json()) as { token: string }).token;
}

async function adminSettings(token: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${store.app.baseUrl}/api/admin/settings`, {
    method: body === undefined ? "GET" : "PUT",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

describe("the storefront widget on the demo storefront", () => {
  it(
    "when a shopper signs in with the emailed code, then the widget shows their balance, and a paid order sent through the webhook raises it",
    async () => {
      const email = "noor.visser@example.com";
      const { page, watch, requests } = await openStore(`?customer=${encodeURIComponent(email)}`);

      await launcher(page).waitFor();
      expect(await launcher(page).getAttribute("aria-expanded")).toBe("false");
      expect(await text(launcher(page))).toBe("Rewards");
      expect(requests.filter((path) => path.includes("widget-panel.js"))).toEqual([]);
      expect(requests.filter((path) => path.startsWith("/api/storefront/"))).toEqual([`/api/storefront/${DEMO_STORE_ID}/program`]);

      await launcher(page).click();
      await panel(page).getByRole("heading", { name: "Rewards", level: 2 }).waitFor();
      expect(await launcher(page).getAttribute("aria-expanded")).toBe("true");
      expect(await focusedInWidget(page)).toBe("ql-title");
      const emailField = panel(page).getByLabel("Email address");
      await expect.poll(() => emailField.inputValue()).toBe(email); // from Ecwid.Customer.get()

      await panel(page).getByRole("button", { name: "Send code" }).click();
      const codeField = panel(page).getByLabel("6-digit code");
      await codeField.waitFor();
      expect(await text(panel(page).locator("#ql-sent"))).toBe(`We sent a code to ${email}. It works for 10 minutes.`);
      const code = await codeFor(email);

      watch.expectError("POST", "/session/verify", 401);
      await codeField.fill(code === "123456" ? "654321" : "123456");
      await panel(page).getByRole("button", { name: "Sign in" }).click();
      await panel(page).getByRole("alert").filter({ hasText: "That code doesn't match. Tries left: 4." }).waitFor();
      expect(await codeField.getAttribute("aria-invalid")).toBe("true");

      await codeField.fill(code);
      await panel(page).getByRole("button", { name: "Sign in" }).click();
      await panel(page).getByText("Your points", { exact: true }).waitFor();
      expect(await text(panel(page).locator(".bal"))).toBe("0 points");
      expect(await page.evaluate((key) => localStorage.getItem(key), `questline:${DEMO_STORE_ID}:token`)).toMatch(/^ey/);
      expect(await page.evaluate(() => document.cookie)).toBe("");
      expect(await text(panel(page).locator(".ft"))).toContain(email);

      const order = emulator().putOrder(DEMO_STORE_ID, { email, customerId: null, items: [{ name: "Trail Runner Shoes", price: 129 }], paymentStatus: "PAID" });
      const sent = await emulator().sendWebhook({ url: `${store.app.baseUrl}/webhooks/ecwid`, ...emulator().orderWebhook(DEMO_STORE_ID, order.id, "order.created") });
      expect(sent.status).toBe(200);
      expect(await createInboxWorker(store.app.container).drain()).toBe(1);
      const balance = await memberBalance(email);
      expect(balance).toBeGreaterThan(129); // the order's points and the first-order challenge

      await page.keyboard.press("Escape");
      await panel(page).waitFor({ state: "hidden" });
      expect(await launcher(page).getAttribute("aria-expanded")).toBe("false");
      expect(await focusedInWidget(page)).toBe("launcher");
      await launcher(page).click();
      await expect.poll(() => text(panel(page).locator(".bal b"))).toBe(balance!.toLocaleString("en-US"));
      const firstSteps = panel(page).getByRole("listitem").filter({ hasText: "First steps" });
      expect(await text(firstSteps)).toContain("Completed");
      expect(await text(panel(page).getByRole("region", { name: "Recent activity" }))).toContain("Points for an order");

      const member = await store.app.container.storage.read(DEMO_STORE_ID, (tx) => tx.members.findByEmail(DEMO_STORE_ID, email));
      const reason = "Sorry your parcel was late";
      await store.app.container.ledger.adjust({ storeId: DEMO_STORE_ID, memberId: member!.id, points: 25, reason, visibleToShopper: true, actor: "owner", requestKey: null });
      await page.reload();
      await launcher(page).click();
      await expect.poll(() => text(panel(page).locator(".bal b"))).toBe((balance! + 25).toLocaleString("en-US"));
      expect(await text(panel(page).getByRole("region", { name: "Recent activity" }))).toContain(reason);
      await panel(page).getByRole("button", { name: "Sign out" }).click();
      await panel(page).getByRole("button", { name: "Send code" }).waitFor();
      expect(await page.evaluate((key) => localStorage.getItem(key), `questline:${DEMO_STORE_ID}:token`)).toBeNull();
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the storefront language is nl, then the widget speaks Dutch",
    async () => {
      const { page, watch, requests } = await openStore("?lang=nl");
      await launcher(page).waitFor();
      expect(await text(launcher(page))).toBe("Beloningen");
      await launcher(page).click();
      await panel(page).getByRole("heading", { name: "Beloningen", level: 2 }).waitFor();
      expect(await text(panel(page).getByRole("region", { name: "Bekijk je punten" }))).toContain("Vul het e-mailadres in waarmee je bestelt");
      expect(await panel(page).getByRole("button", { name: "Code versturen" }).isVisible()).toBe(true);
      expect(await panel(page).getByRole("button", { name: "Sluiten" }).isVisible()).toBe(true);
      expect(await text(panel(page).getByRole("region", { name: "Zo spaar je" }))).toContain("1 punt voor elke $1.00 die je besteedt");
      expect(await text(panel(page).getByRole("region", { name: "Uitdagingen" }))).toContain("+50 punten");

      await panel(page).getByRole("button", { name: "Code versturen" }).click();
      await panel(page).getByRole("alert").filter({ hasText: "Vul een geldig e-mailadres in." }).waitFor();
      expect(requests.filter((path) => path.endsWith("/session/start"))).toEqual([]);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when merchant text holds markup, then the widget shows it as text and runs nothing",
    async () => {
      const token = await adminToken();
      const original = await adminSettings(token);
      const challenges = original.challenges as { title: string; description: string }[];
      await adminSettings(token, {
        ...original,
        challenges: [{ ...challenges[0], title: HOSTILE, description: `<b>bold</b> ${HOSTILE}` }, ...challenges.slice(1)],
        rewards: (original.rewards as { name: string }[]).map((reward, index) => (index === 0 ? { ...reward, name: HOSTILE } : reward)),
        theme: { ...(original.theme as object), launcherText: HOSTILE },
      });
      try {
        const { page, watch } = await openStore();
        const dialogs: string[] = [];
        page.on("dialog", (dialog) => {
          dialogs.push(dialog.message());
          void dialog.dismiss();
        });
        await launcher(page).waitFor();
        expect(await text(launcher(page))).toBe(HOSTILE);
        await launcher(page).click();
        const challengeList = panel(page).getByRole("region", { name: "Challenges" });
        await challengeList.getByText(HOSTILE, { exact: true }).waitFor();
        expect(await text(challengeList)).toContain(`<b>bold</b> ${HOSTILE}`);
        expect(await panel(page).getByRole("region", { name: "Spend your points" }).getByText(HOSTILE, { exact: true }).isVisible()).toBe(true);
        await page.waitForLoadState("networkidle");
        expect(await host(page).evaluate((element) => element.shadowRoot?.querySelectorAll("img, b, script").length)).toBe(0);
        expect(await page.locator("img:not(.shop-card__art)").count()).toBe(0); // the shop's product pictures only
        expect(dialogs).toEqual([]);
        expect(watch.problems).toEqual([]);
      } finally {
        await adminSettings(token, original);
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    "when a 360px phone is used with the keyboard, then the panel opens as a sheet inside the screen and Escape gives focus back",
    async () => {
      const { page, watch } = await openStore("?lang=de", { width: 360, height: 740 });
      await launcher(page).waitFor();
      await launcher(page).focus();
      await page.keyboard.press("Enter");
      await panel(page).getByRole("heading", { name: "Prämien", level: 2 }).waitFor();
      expect(await focusedInWidget(page)).toBe("ql-title");
      const box = await panel(page).boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(360);
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

      await page.keyboard.press("Tab");
      expect(await host(page).evaluate((element) => element.shadowRoot?.activeElement?.getAttribute("aria-label"))).toBe("Schließen");
      await page.keyboard.press("Tab");
      expect(await focusedInWidget(page)).toBe("bd");
      await page.keyboard.press("Tab");
      expect(await focusedInWidget(page)).toBe("ql-email");
      await page.keyboard.press("Escape");
      await panel(page).waitFor({ state: "hidden" });
      expect(await focusedInWidget(page)).toBe("launcher");
      expect(await launcher(page).getAttribute("aria-expanded")).toBe("false");
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );
});

describe("signing out of the shop", () => {
  it(
    "when a logged-in customer signs out of the store, then the rewards session is forgotten; a guest's survives page loads",
    async () => {
      const { page } = await openStore("?customer=maya.chen@example.com");
      await page.waitForFunction(() => document.querySelector("questline-widget") !== null);
      await page.evaluate((storeId) => localStorage.setItem(`questline:${storeId}:token`, "a-session"), DEMO_STORE_ID);
      await page.evaluate(
        () => new Promise((resolve) => (window as unknown as { Ecwid: { Customer: { signOut(cb: () => void): void } } }).Ecwid.Customer.signOut(() => resolve(null))),
      );
      expect(await page.evaluate((storeId) => localStorage.getItem(`questline:${storeId}:token`), DEMO_STORE_ID)).toBeNull();
      const guest = await store.browser.newContext();
      const guestPage = await guest.newPage();
      await guestPage.goto(`${store.app.baseUrl}/demo/store`);
      await guestPage.evaluate((storeId) => localStorage.setItem(`questline:${storeId}:token`, "guest-session"), DEMO_STORE_ID);
      await guestPage.reload();
      await guestPage.waitForFunction(() => document.querySelector("questline-widget") !== null);
      expect(await guestPage.evaluate((storeId) => localStorage.getItem(`questline:${storeId}:token`), DEMO_STORE_ID)).toBe("guest-session");
      await guest.close();
    },
    BROWSER_TEST_MS,
  );

  it(
    "when another customer logs in to the shop on the same browser, then the previous shopper's session is forgotten",
    async () => {
      const shared = await store.browser.newContext();
      const page = await shared.newPage();
      await page.goto(`${store.app.baseUrl}/demo/store`);
      await page.evaluate((storeId) => {
        localStorage.setItem(`questline:${storeId}:token`, "first-shopper-session");
        localStorage.setItem(`questline:${storeId}:email`, "first@example.com");
      }, DEMO_STORE_ID);
      await page.goto(`${store.app.baseUrl}/demo/store?customer=maya.chen@example.com`);
      await page.waitForFunction(() => document.querySelector("questline-widget") !== null);
      await page.waitForFunction((storeId) => localStorage.getItem(`questline:${storeId}:token`) === null, DEMO_STORE_ID);
      await page.evaluate((storeId) => {
        localStorage.setItem(`questline:${storeId}:token`, "maya-session");
        localStorage.setItem(`questline:${storeId}:email`, "maya.chen@example.com");
      }, DEMO_STORE_ID);
      await page.reload();
      await page.waitForFunction(() => document.querySelector("questline-widget") !== null);
      expect(await page.evaluate((storeId) => localStorage.getItem(`questline:${storeId}:token`), DEMO_STORE_ID)).toBe("maya-session");
      await shared.close();
    },
    BROWSER_TEST_MS,
  );
});
