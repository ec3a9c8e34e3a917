import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_STORE_ID } from "../../server/ecwid-emulator/index.js";
import { createInboxWorker } from "../../server/jobs/create-inbox-worker.js";
import type { InboxWorker } from "../../server/jobs/inbox-worker.js";
import { buildWidget } from "../../scripts/build-widget.mjs";
import { launchBrowser, watchForProblems } from "../support/browser.js";
import { startDemoApp, type RunningDemoApp } from "../support/demo-app.js";

const BROWSER_TEST_MS = 90_000;
const SHOPPER = "juno.buyer@example.com";

let app: RunningDemoApp;
let browser: Browser;
let worker: InboxWorker;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  await buildWidget();
  app = await startDemoApp();
  // As in demo mode, a worker books each signed webhook the emulator sends.
  worker = createInboxWorker(app.container, { idleMs: 10 });
  worker.start();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await worker?.stop();
  await app?.close();
});

async function openPage(path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${app.baseUrl}${path}`);
  return page;
}

const text = async (locator: Locator) => ((await locator.first().textContent()) ?? "").replace(/\s+/g, " ").trim();
const launcher = (page: Page) => page.locator("questline-widget button[aria-controls=ql-panel]");
const panel = (page: Page) => page.locator("questline-widget").getByRole("dialog");

async function storedBalance(email: string): Promise<number | null> {
  const member = await app.container.storage.read(DEMO_STORE_ID, (tx) => tx.members.findByEmail(DEMO_STORE_ID, email));
  return member?.balance ?? null;
}

/** The balance the widget shows when opened afresh (it reads the shopper's standing on every open). */
async function widgetBalance(page: Page): Promise<number> {
  if ((await launcher(page).getAttribute("aria-expanded")) === "true") await launcher(page).click();
  await launcher(page).click();
  await panel(page).locator(".bal b").waitFor();
  return Number((await text(panel(page).locator(".bal b"))).replace(/\D/g, ""));
}

async function signIn(page: Page, email: string): Promise<void> {
  await launcher(page).click();
  await panel(page).getByRole("button", { name: "Send code" }).click();
  await panel(page).getByLabel("6-digit code").waitFor(); // shown once the server has sent the code
  const response = await fetch(`${app.baseUrl}/demo/outbox.json`);
  const { messages } = (await response.json()) as { messages: { to: string; text: string }[] };
  const code = /\b\d{6}\b/.exec(messages.find((m) => m.to === email)?.text ?? "")?.[0];
  if (!code) throw new Error(`no sign-in code for ${email}`);
  await panel(page).getByLabel("6-digit code").fill(code);
  await panel(page).getByRole("button", { name: "Sign in" }).click();
  await panel(page).getByText("Your points", { exact: true }).waitFor();
}

describe("the demo that moves", () => {
  it(
    "when a shopper buys by bank transfer and the merchant marks it paid, refunds part, then cancels it, then the widget's balance follows each step",
    async () => {
      const store = await openPage(`/demo/store?customer=${encodeURIComponent(SHOPPER)}`);
      const storeWatch = watchForProblems(store);
      await signIn(store, SHOPPER);
      expect(await widgetBalance(store)).toBe(0);
      await launcher(store).click();

      const shoes = store.getByRole("article").filter({ hasText: "Trail Runner Shoes" });
      await shoes.getByRole("button", { name: "Add to cart: Trail Runner Shoes" }).click();
      const cart = store.getByRole("dialog", { name: "Your cart" });
      await cart.waitFor();
      expect(await text(store.locator("#cart-count"))).toBe("1");
      expect(await cart.getByLabel("Email").inputValue()).toBe(SHOPPER); // the logged-in customer's
      await cart.getByLabel("Bank transfer, marked paid by the shop later").check();
      await cart.getByRole("button", { name: "Place order" }).click();
      const thanks = cart.locator("#cart-thanks");
      await thanks.waitFor();
      const orderId = /#(\w+)/.exec(await text(thanks))?.[1] ?? "";
      expect(await text(thanks)).toBe(`Thank you! Order #${orderId} is placed: $129.00.`);
      expect(app.emulator.getOrder(DEMO_STORE_ID, orderId)).toMatchObject({ email: SHOPPER, paymentStatus: "AWAITING_PAYMENT", total: 129 });
      await cart.getByRole("button", { name: "Continue shopping" }).click();
      expect(await text(store.locator("#cart-count"))).toBe("0");

      const admin = await openPage("/demo/admin/orders");
      const adminWatch = watchForProblems(admin);
      const order = () => admin.getByRole("listitem").filter({ has: admin.getByRole("heading", { name: `#${orderId}` }) });
      expect(await text(order())).toContain("Awaiting payment");
      await order().getByRole("button", { name: "Mark as paid" }).click();
      await admin
        .getByRole("status")
        .filter({ hasText: `Order #${orderId} is marked paid.` })
        .waitFor();
      expect(await text(order())).toContain("Paid");

      await expect.poll(() => storedBalance(SHOPPER), { timeout: 10_000 }).toBeGreaterThanOrEqual(129);
      const paid = (await storedBalance(SHOPPER))!;
      await expect.poll(() => widgetBalance(store), { timeout: 10_000 }).toBe(paid);

      adminWatch.expectError("POST", `/demo/admin/orders/${orderId}/refund`, 409);
      await order().getByLabel("Refund amount ($)").fill("130");
      await order().getByRole("button", { name: "Refund" }).click();
      await admin.getByRole("alert").filter({ hasText: "must be more than $0.00 and at most $129.00" }).waitFor();
      await order().getByLabel("Refund amount ($)").fill("29");
      await order().getByRole("button", { name: "Refund" }).click();
      await admin
        .getByRole("status")
        .filter({ hasText: `Order #${orderId} is partly refunded ($29.00 in all).` })
        .waitFor();
      expect(app.emulator.getOrder(DEMO_STORE_ID, orderId)).toMatchObject({ paymentStatus: "PARTIALLY_REFUNDED", refundedAmount: 29 });

      // One point per dollar kept: the $29 refunded take back 29 points.
      await expect.poll(() => widgetBalance(store), { timeout: 10_000 }).toBe(paid - 29);
      expect(await storedBalance(SHOPPER)).toBe(paid - 29);

      // Cancelled, the order keeps nothing: the rest of its 129 points go too (a challenge it completed stays paid).
      await order().getByRole("button", { name: "Cancel order" }).click();
      await admin
        .getByRole("status")
        .filter({ hasText: `Order #${orderId} is cancelled.` })
        .waitFor();
      await expect.poll(() => widgetBalance(store), { timeout: 10_000 }).toBe(paid - 129);
      expect(await storedBalance(SHOPPER)).toBe(paid - 129);
      expect(storeWatch.problems).toEqual([]);
      expect(adminWatch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );
});
