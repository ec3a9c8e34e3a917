/**
 * Takes the widget's screenshots on the demo storefront: docs/widget-closed.png (the launcher),
 * docs/widget-open.png (signed in as a shopper with orders, 1280x800), docs/widget-phone.png (360x740) and
 * docs/widget-coupon.png (the same shopper, given points by the shop, has redeemed $5 off on the phone).
 * Run with `npx tsx scripts/screenshot-widget.ts`. With `--review <dir>` it also saves the signed-out panel,
 * the code step, the Dutch panel and the phone launcher there, for checking the look by eye.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser } from "../test/support/browser.js";
import { startDemoApp } from "../test/support/demo-app.js";
import { DEMO_STORE_ID } from "../server/ecwid-emulator/index.js";
import { buildWidget } from "./build-widget.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const docs = path.join(root, "docs");
const reviewFlag = process.argv.indexOf("--review");
const reviewDir = reviewFlag >= 0 ? path.resolve(process.argv[reviewFlag + 1] ?? "screenshots") : null;
const SHOPPER = "maya.chen@example.com";
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };

await buildWidget();
const app = await startDemoApp();
const browser = await launchBrowser();

const launcher = (page: Page) => page.locator("questline-widget button[aria-controls=ql-panel]");
const dialog = (page: Page) => page.locator("questline-widget").getByRole("dialog");

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

async function open(browser: Browser, url: string, viewport = DESKTOP, storageState?: StorageState) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: viewport === PHONE ? 2 : 1, storageState });
  const page = await context.newPage();
  await page.goto(`${app.baseUrl}${url}`);
  await launcher(page).waitFor();
  await page.waitForLoadState("networkidle");
  return page;
}

async function latestCode(email: string): Promise<string> {
  const { messages } = (await (await fetch(`${app.baseUrl}/demo/outbox.json`)).json()) as { messages: { to: string; text: string }[] };
  const code = /\b\d{6}\b/.exec(messages.find((message) => message.to === email)?.text ?? "")?.[0];
  if (!code) throw new Error(`no code for ${email} in the outbox`);
  return code;
}

const shot = async (page: Page, file: string) => {
  await page.screenshot({ path: file, animations: "disabled" });
  process.stdout.write(`wrote ${path.relative(root, file)}\n`);
};

try {
  await mkdir(docs, { recursive: true });
  if (reviewDir) await mkdir(reviewDir, { recursive: true });

  const page = await open(browser, `/demo/store?customer=${encodeURIComponent(SHOPPER)}`);
  await shot(page, path.join(docs, "widget-closed.png"));

  await launcher(page).click();
  await dialog(page).getByRole("button", { name: "Send code" }).waitFor();
  if (reviewDir) await shot(page, path.join(reviewDir, "guest.png"));
  await dialog(page).getByRole("button", { name: "Send code" }).click();
  await dialog(page).getByLabel("6-digit code").waitFor();
  if (reviewDir) await shot(page, path.join(reviewDir, "code.png"));
  await dialog(page)
    .getByLabel("6-digit code")
    .fill(await latestCode(SHOPPER));
  await dialog(page).getByRole("button", { name: "Sign in" }).click();
  await dialog(page).getByText("Your points", { exact: true }).waitFor();
  await page.mouse.move(0, 0);
  await shot(page, path.join(docs, "widget-open.png"));

  const phone = await open(browser, "/demo/store", PHONE, await page.context().storageState());
  if (reviewDir) await shot(phone, path.join(reviewDir, "phone-closed.png"));
  await launcher(phone).click();
  await dialog(phone).getByText("Your points", { exact: true }).waitFor();
  await shot(phone, path.join(docs, "widget-phone.png"));

  const maya = await app.container.storage.read(DEMO_STORE_ID, (tx) => tx.members.findByEmail(DEMO_STORE_ID, SHOPPER));
  await app.container.ledger.adjust({
    storeId: DEMO_STORE_ID,
    memberId: maya!.id,
    points: 400,
    reason: "Thanks for your review",
    visibleToShopper: true,
    actor: "owner",
    requestKey: null,
  });
  const redeeming = await open(browser, "/demo/store", PHONE, await page.context().storageState());
  await launcher(redeeming).click();
  await dialog(redeeming).getByRole("button", { name: "Redeem: $5 off" }).click();
  if (reviewDir) await shot(redeeming, path.join(reviewDir, "phone-confirm.png"));
  await dialog(redeeming).getByRole("button", { name: "Yes, redeem" }).click();
  await dialog(redeeming).getByRole("region", { name: "Your coupon is ready" }).waitFor();
  await shot(redeeming, path.join(docs, "widget-coupon.png"));

  if (reviewDir) {
    await dialog(phone)
      .locator(".bd")
      .evaluate((body) => body.scrollTo(0, body.scrollHeight));
    await shot(phone, path.join(reviewDir, "phone-scrolled.png"));
    const dutch = await open(browser, "/demo/store?lang=nl");
    await launcher(dutch).click();
    await dialog(dutch).getByRole("button", { name: "Code versturen" }).waitFor();
    await shot(dutch, path.join(reviewDir, "dutch-guest.png"));
    const phoneGuest = await open(browser, "/demo/store?lang=de", PHONE);
    await launcher(phoneGuest).click();
    await dialog(phoneGuest).getByRole("button", { name: "Code senden" }).waitFor();
    await shot(phoneGuest, path.join(reviewDir, "phone-german-guest.png"));
  }
} finally {
  await browser.close();
  await app.close();
}
