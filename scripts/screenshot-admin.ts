/**
 * Takes docs/admin-dashboard.png: the demo control panel with the Questline dashboard, 1280x800.
 * Run with `npx tsx scripts/screenshot-admin.ts`. With `--review <dir>` it also saves the member view,
 * the activity area, the earning rule form, an import, a failed webhook event and 360px phone views
 * there, for checking the look by eye.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FrameLocator } from "playwright-core";
import { createInboxWorker } from "../server/jobs/create-inbox-worker.js";
import { launchBrowser } from "../test/support/browser.js";
import { startDemoApp, type RunningDemoApp } from "../test/support/demo-app.js";
import { DEMO_STORE_ID } from "../server/ecwid-emulator/index.js";
import { pendingInboxEvent } from "../server/modules/inbox/inbox-event.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const output = path.join(root, "docs", "admin-dashboard.png");
const reviewFlag = process.argv.indexOf("--review");
const reviewDir = reviewFlag >= 0 ? path.resolve(process.argv[reviewFlag + 1] ?? "screenshots") : null;

/** A webhook event that failed for good, as the inbox worker leaves it after its last attempt. */
async function addFailedEvent(app: RunningDemoApp, orderId: string, error: string): Promise<void> {
  const now = new Date();
  const eventId = `shot-${orderId}`;
  const { inbox } = app.container.storage;
  await inbox.add(
    DEMO_STORE_ID,
    pendingInboxEvent({ eventId, storeId: DEMO_STORE_ID, eventType: "order.updated", entityId: "1", data: { orderId }, eventCreated: Math.floor(now.getTime() / 1000) }, now),
  );
  // Twelve attempts, as the worker makes before it gives up: each claim counts one.
  for (let attempt = 1; attempt <= 12; attempt++) {
    const claimed = await inbox.claimNext(new Date(), 60_000);
    if (claimed?.eventId !== eventId) throw new Error(`expected to claim ${eventId}, got ${claimed?.eventId}`);
    await inbox.fail(DEMO_STORE_ID, eventId, error, attempt < 12 ? new Date(Date.now() - 1000) : null);
  }
}

const area = (frame: FrameLocator, titleId: string) => frame.locator(`section[aria-labelledby="${titleId}"]`);

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
    const shot = (name: string) => path.join(reviewDir, name);

    await frame.getByRole("button", { name: "Edit rule" }).click();
    await frame.getByLabel("Points earned").fill("20000");
    await frame.getByRole("button", { name: "Save rule" }).click();
    await frame.locator("#earning-points-error").waitFor();
    await area(frame, "earning-title").screenshot({ path: shot("earning-error.png") });
    await frame.getByLabel("Points earned").fill("2");
    await frame.getByLabel("Minimum order").fill("10");
    await frame.getByRole("button", { name: "Save rule" }).click();
    await frame.locator("#earning-saved").waitFor();
    await area(frame, "earning-title").screenshot({ path: shot("earning-saved.png") });

    await frame.locator("#members-body tr .ql-linklike").first().click();
    await frame.locator("#ledger-body tr").first().waitFor();
    await frame.getByLabel("Points", { exact: true }).fill("40");
    await frame.getByLabel("Reason", { exact: true }).fill("Thank-you for a product review");
    await frame.getByRole("button", { name: "Apply adjustment" }).click();
    await frame.locator("#adjust-done").waitFor();
    await page.screenshot({ path: shot("member.png") });
    await frame.locator("#activity-list li").first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot("activity.png") });
    await area(frame, "activity-title").screenshot({ path: shot("activity-area.png") });

    const worker = createInboxWorker(app.container, { idleMs: 50 });
    worker.start();
    try {
      await frame.getByRole("button", { name: "Import orders" }).click();
      await frame.locator("#import-progress[data-status='done']").waitFor();
      await area(frame, "import-title").screenshot({ path: shot("import.png") });
    } finally {
      await worker.stop();
    }

    await addFailedEvent(app, "TH4KQ", "Ecwid answered HTTP 503 Service Unavailable after 3 tries");
    await addFailedEvent(app, "TH9ZR", "Order TH9ZR: the customer's email is not valid");
    await frame.locator("#health-refresh").click();
    await frame.locator("#health-body tr").nth(1).waitFor();
    await area(frame, "health-title").screenshot({ path: shot("webhooks.png") });

    const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await phone.goto(`${app.baseUrl}/demo/admin`);
    const phoneFrame = phone.frameLocator("#app-frame");
    await phoneFrame.locator("#members-body tr").first().waitFor();
    await phone.screenshot({ path: shot("phone.png") });
    await phoneFrame.getByRole("button", { name: "Edit rule" }).click();
    await phone.screenshot({ path: shot("phone-earning.png") });
    await phoneFrame.locator("#imports-title").scrollIntoViewIfNeeded();
    await phone.screenshot({ path: shot("phone-import.png") });
    await phoneFrame.locator("#health-body tr").first().scrollIntoViewIfNeeded();
    await phone.screenshot({ path: shot("phone-webhooks.png") });
    await phoneFrame.locator("#members-body tr .ql-linklike").first().click();
    await phoneFrame.locator("#ledger-body tr").first().waitFor();
    await phoneFrame.locator("#member-title").scrollIntoViewIfNeeded();
    await phone.screenshot({ path: shot("phone-member.png"), fullPage: false });
    process.stdout.write(`wrote review screenshots to ${reviewDir}\n`);
  }
} finally {
  await browser.close();
  await app.close();
}
