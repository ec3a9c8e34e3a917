/**
 * Takes the README's dashboard pictures from the demo control panel: docs/admin-dashboard.png (the Program
 * page, 1280x800), docs/admin-member.png (a member's points history) and docs/admin-phone.png (360 px wide).
 * Run with `npx tsx scripts/screenshot-admin.ts`. With `--review <dir>` it also saves every page, a form
 * refused by the server, an import and a failed webhook event there, at both widths, for checking by eye.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FrameLocator, Page } from "playwright-core";
import { createInboxWorker } from "../server/jobs/create-inbox-worker.js";
import { launchBrowser } from "../test/support/browser.js";
import { startDemoApp, type RunningDemoApp } from "../test/support/demo-app.js";
import { DEMO_STORE_ID } from "../server/ecwid-emulator/index.js";
import { pendingInboxEvent } from "../server/modules/inbox/inbox-event.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const docs = path.join(root, "docs");
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

async function openDashboard(page: Page, baseUrl: string): Promise<FrameLocator> {
  await page.goto(`${baseUrl}/demo/admin`);
  const frame = page.frameLocator("#app-frame");
  await frame.getByRole("heading", { name: "Challenges" }).waitFor();
  await page.waitForLoadState("networkidle");
  return frame;
}

const tab = (frame: FrameLocator, name: string) => frame.getByRole("navigation", { name: "Dashboard pages" }).getByRole("link", { name });

const app = await startDemoApp();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const frame = await openDashboard(page, app.baseUrl);
  await mkdir(docs, { recursive: true });
  await page.screenshot({ path: path.join(docs, "admin-dashboard.png") });
  await tab(frame, "Members").click();
  await frame.locator("tbody tr .ql-linklike").first().click();
  await frame.locator("[data-testid=ledger] tbody tr").first().waitFor();
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(docs, "admin-member.png") });

  const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
  const phoneFrame = await openDashboard(phone, app.baseUrl);
  await phone.screenshot({ path: path.join(docs, "admin-phone.png") });
  process.stdout.write("wrote docs/admin-dashboard.png, docs/admin-member.png, docs/admin-phone.png\n");

  if (reviewDir) {
    await mkdir(reviewDir, { recursive: true });
    const shot = (name: string) => path.join(reviewDir, name);
    await tab(frame, "Program").click();
    await frame.getByRole("button", { name: "Add challenge" }).click();
    await frame.getByLabel("Title", { exact: true }).fill("Third order");
    await frame.getByLabel("Points paid").fill("0");
    await frame.getByLabel("Target orders").fill("3");
    await frame.getByRole("button", { name: "Check what it pays" }).click();
    await frame.locator(".ql-field-error").first().waitFor();
    await frame.locator(".ql-item-form").screenshot({ path: shot("challenge-error.png") });
    await frame.getByLabel("Points paid").fill("50");
    await frame.getByRole("button", { name: "Check what it pays" }).click();
    await frame.getByRole("button", { name: "Save challenge" }).waitFor();
    await frame.locator(".ql-item-form").screenshot({ path: shot("challenge-preview.png") });
    await page.screenshot({ path: shot("program.png"), fullPage: true });

    await tab(frame, "Activity").click();
    await frame.locator(".ql-activity__item").first().waitFor();
    await page.screenshot({ path: shot("activity.png"), fullPage: true });

    await tab(frame, "Operations").click();
    const worker = createInboxWorker(app.container, { idleMs: 50 });
    worker.start();
    try {
      await frame.getByRole("button", { name: "Import orders" }).click();
      await frame.locator(".ql-progress-panel[data-status='done']").waitFor();
    } finally {
      await worker.stop();
    }
    await addFailedEvent(app, "TH4KQ", "Ecwid answered HTTP 503 Service Unavailable after 3 tries");
    await frame.getByRole("button", { name: "Refresh" }).click();
    await frame.locator("tr[data-event-id]").first().waitFor();
    await page.screenshot({ path: shot("operations.png"), fullPage: true });

    await phone.screenshot({ path: shot("phone-program.png"), fullPage: true });
    await tab(phoneFrame, "Members").click();
    await phoneFrame.locator("tbody tr .ql-linklike").first().click();
    await phoneFrame.locator("[data-testid=ledger] tbody tr").first().waitFor();
    await phone.screenshot({ path: shot("phone-member.png"), fullPage: true });
    await tab(phoneFrame, "Operations").click();
    await phoneFrame.locator("tr[data-event-id]").first().waitFor();
    await phone.screenshot({ path: shot("phone-operations.png"), fullPage: true });
    process.stdout.write(`wrote review screenshots to ${reviewDir}\n`);
  }
} finally {
  await browser.close();
  await app.close();
}
