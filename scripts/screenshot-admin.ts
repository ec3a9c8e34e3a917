/**
 * Takes docs/admin-dashboard.png: the demo control panel with the Questline dashboard, 1280x800.
 * Run with `npx tsx scripts/screenshot-admin.ts`. With `--review <dir>` it also saves the member view,
 * the activity area and a 360px phone view there, for checking the look by eye.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser } from "../test/support/browser.js";
import { startDemoApp } from "../test/support/demo-app.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const output = path.join(root, "docs", "admin-dashboard.png");
const reviewFlag = process.argv.indexOf("--review");
const reviewDir = reviewFlag >= 0 ? path.resolve(process.argv[reviewFlag + 1] ?? "screenshots") : null;

const app = await startDemoApp();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${app.baseUrl}/demo/admin`);
  const frame = page.frameLocator("#app-frame");
  await frame.locator("#members-body tr").first().waitFor();
  await frame.locator("#activity-status").waitFor({ state: "attached" });
  await page.waitForLoadState("networkidle");
  await mkdir(path.dirname(output), { recursive: true });
  await page.screenshot({ path: output });
  process.stdout.write(`wrote ${path.relative(root, output)}\n`);

  if (reviewDir) {
    await mkdir(reviewDir, { recursive: true });
    await frame.locator("#members-body tr .ql-linklike").first().click();
    await frame.locator("#ledger-body tr").first().waitFor();
    await frame.getByLabel("Points", { exact: true }).fill("40");
    await frame.getByLabel("Reason", { exact: true }).fill("Thank-you for a product review");
    await frame.getByRole("button", { name: "Apply adjustment" }).click();
    await frame.locator("#adjust-done").waitFor();
    await page.screenshot({ path: path.join(reviewDir, "member.png") });
    await frame.locator("#activity-list li").first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(reviewDir, "activity.png") });

    const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await phone.goto(`${app.baseUrl}/demo/admin`);
    await phone.frameLocator("#app-frame").locator("#members-body tr").first().waitFor();
    await phone.screenshot({ path: path.join(reviewDir, "phone.png") });
    await phone.frameLocator("#app-frame").locator("#members-body tr .ql-linklike").first().click();
    await phone.frameLocator("#app-frame").locator("#ledger-body tr").first().waitFor();
    await phone.screenshot({ path: path.join(reviewDir, "phone-member.png"), fullPage: false });
    process.stdout.write(`wrote review screenshots to ${reviewDir}\n`);
  }
} finally {
  await browser.close();
  await app.close();
}
