import type { Browser, BrowserContext, FrameLocator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createInboxWorker } from "../../server/jobs/create-inbox-worker.js";
import { DEMO_STORE_ID } from "../support/ecwid-emulator/index.js";
import { launchBrowser, watchForProblems, type ProblemWatch } from "../support/browser.js";
import { startDemoApp, type RunningDemoApp } from "../support/demo-app.js";

const BROWSER_TEST_MS = 60_000;
const STORE_NAME = "Trailhead Outfitters";
const MAYA = "maya.chen@example.com";

let app: RunningDemoApp;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  app = await startDemoApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function openPage(path: string, viewport = { width: 1280, height: 800 }): Promise<{ page: Page; watch: ProblemWatch }> {
  context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const watch = watchForProblems(page);
  await page.goto(`${app.baseUrl}${path}`);
  return { page, watch };
}

function membersInStorage() {
  return app.container.storage.transaction(DEMO_STORE_ID, (tx) => tx.members.list(DEMO_STORE_ID, { limit: 100, offset: 0 }));
}

/** GET on the admin API as the merchant, with a session opened from the store's token (the legacy sign-in). */
async function adminGet(path: string) {
  const post = { storeId: DEMO_STORE_ID, accessToken: await app.container.installs.accessToken(DEMO_STORE_ID) };
  const session = await fetch(`${app.baseUrl}/api/admin/session`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(post) });
  const { token } = (await session.json()) as { token: string };
  const response = await fetch(`${app.baseUrl}/api/admin${path}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return response.json();
}

/** An order event that failed for good: stored, taken once by a worker and failed with no retry left. */
async function failedOrderEvent(eventId: string, orderId: string, error: string) {
  const { inbox } = app.container.storage;
  const now = new Date();
  await inbox.add(DEMO_STORE_ID, {
    eventId,
    storeId: DEMO_STORE_ID,
    eventType: "order.updated",
    entityId: "1",
    data: { orderId },
    eventCreated: Math.floor(now.getTime() / 1000),
    receivedAt: now.toISOString(),
    status: "pending",
    attempts: 0,
    availableAt: now.toISOString(),
    leaseUntil: null,
    lastError: null,
    processedAt: null,
  });
  const claimed = await inbox.claimNext(now, 60_000);
  expect(claimed?.eventId).toBe(eventId);
  await inbox.fail(DEMO_STORE_ID, eventId, error, null);
}

/** yyyy-mm-dd of the local day `daysBack` days ago, as the browser (same machine, same zone) computes it. */
function localDay(daysBack: number) {
  const date = new Date();
  date.setDate(date.getDate() - daysBack);
  return [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n, i) => String(n).padStart(i ? 2 : 4, "0")).join("-");
}

const memberRow = (frame: FrameLocator, email: string) => frame.locator("#members-body tr", { hasText: email });
const text = async (frame: FrameLocator, selector: string) => ((await frame.locator(selector).first().textContent()) ?? "").trim();

describe("the merchant dashboard inside the demo control panel", () => {
  it(
    "when the merchant opens Questline with the encrypted payload, then the store's members show with their balances, and an adjustment updates the balance, the history and the activity",
    async () => {
      const { page, watch } = await openPage("/demo/admin");
      const frame = page.frameLocator("#app-frame");

      await frame.locator("#store-subtitle", { hasText: STORE_NAME }).waitFor();
      const stored = await membersInStorage();
      expect(stored.total).toBeGreaterThan(3);
      await expect.poll(() => frame.locator("#members-body tr").count()).toBe(stored.total);
      for (const member of stored.items) {
        const row = memberRow(frame, member.email ?? "");
        expect((await row.locator("td").first().textContent())?.trim()).toBe(member.balance.toLocaleString("en-US"));
      }
      const maya = stored.items.find((member) => member.email === MAYA);
      if (!maya) throw new Error("the demo shop has no member for Maya");
      expect(maya.balance).toBeGreaterThan(0);
      const spend = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(maya.stats.lifetimeSpendMinor / 100);
      expect((await memberRow(frame, MAYA).locator("td").nth(2).textContent())?.trim()).toBe(spend);

      await memberRow(frame, MAYA).getByRole("button", { name: MAYA }).click();
      await frame.locator("#member-title", { hasText: MAYA }).waitFor();
      expect(await text(frame, "#member-balance")).toBe(maya.balance.toLocaleString("en-US"));
      await expect.poll(() => frame.locator("#ledger-body tr", { hasText: "Order" }).count()).toBe(maya.stats.paidOrders);

      await frame.getByLabel("Points", { exact: true }).fill("25");
      await frame.getByLabel("Reason", { exact: true }).fill("Goodwill for a late delivery");
      await frame.getByRole("button", { name: "Apply adjustment" }).click();
      await frame.locator("#adjust-done", { hasText: "+25 points applied" }).waitFor();
      const after = (maya.balance + 25).toLocaleString("en-US");
      expect(await text(frame, "#member-balance")).toBe(after);
      await expect.poll(() => text(frame, "#ledger-body tr")).toContain("Goodwill for a late delivery");
      const newest = await text(frame, "#ledger-body tr");
      expect(newest).toContain("+25");
      expect(newest).toContain("Adjustment");
      expect(newest).toContain("demo@trailhead.example");
      await expect.poll(() => text(frame, "#activity-list li")).toContain("Points adjusted: +25");
      expect(await text(frame, "#activity-list li")).toContain("Goodwill for a late delivery");

      watch.expectError("POST", "/adjustments", 409);
      await frame.getByLabel("Points", { exact: true }).fill("-1000000");
      await frame.getByLabel("Reason", { exact: true }).fill("Taking back too much");
      await frame.getByRole("button", { name: "Apply adjustment" }).click();
      await frame.locator("#adjust-error", { hasText: "negative balance" }).waitFor();
      expect(await text(frame, "#member-balance")).toBe(after);

      await frame.getByRole("button", { name: "All members" }).click();
      await expect.poll(async () => (await memberRow(frame, MAYA).locator("td").first().textContent())?.trim()).toBe(after);
      expect((await membersInStorage()).items.find((member) => member.id === maya.id)?.balance).toBe(maya.balance + 25);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the merchant changes the earning rule in the form, then a value the server refuses is explained at its field, and the saved rule is what the server keeps, the rest of the program untouched",
    async () => {
      const before = await adminGet("/settings");
      expect(before.earning).toEqual({ points: 1, perAmountMinor: 100, minOrderMinor: 0, countedStatuses: ["PAID"] });
      const { page, watch } = await openPage("/demo/admin");
      const frame = page.frameLocator("#app-frame");
      await frame.locator("#earning-rate", { hasText: "1 point per $1" }).waitFor();
      expect(await text(frame, "#earning-minimum")).toBe("On every order, whatever its amount");

      await frame.getByRole("button", { name: "Edit rule" }).click();
      expect(await frame.getByLabel("For every").inputValue()).toBe("1");
      expect(await frame.getByLabel("Minimum order").inputValue()).toBe("0");
      expect(await frame.getByLabel("Paid").isChecked()).toBe(true);

      watch.expectError("PUT", "/api/admin/settings", 400);
      await frame.getByLabel("Points earned").fill("20000");
      await frame.getByRole("button", { name: "Save rule" }).click();
      await frame.locator("#earning-points-error", { hasText: "Must be at most 10,000." }).waitFor();
      expect(await frame.getByLabel("Points earned").getAttribute("aria-invalid")).toBe("true");
      expect((await adminGet("/settings")).earning).toEqual(before.earning);

      await frame.getByLabel("Points earned").fill("2");
      await frame.getByLabel("Minimum order").fill("10.005");
      await frame.getByRole("button", { name: "Save rule" }).click();
      await frame.locator("#earning-min-error", { hasText: "at most 2 digits" }).waitFor();
      expect(await frame.locator("#earning-points-error").isHidden()).toBe(true);

      await frame.getByLabel("Minimum order").fill("10.00");
      await frame.getByLabel("Custom status 1").check();
      await frame.getByRole("button", { name: "Save rule" }).click();
      await frame.locator("#earning-saved", { hasText: "Saved. Shoppers now earn 2 points per $1, on orders of $10 or more." }).waitFor();
      expect(await frame.locator("#earning-form").isHidden()).toBe(true);
      expect(await text(frame, "#earning-rate")).toBe("2 points per $1");
      expect(await text(frame, "#earning-minimum")).toBe("On orders of $10 or more");
      expect(await text(frame, "#earning-statuses")).toBe("Paid, Custom status 1");

      const after = await adminGet("/settings");
      expect(after.earning).toEqual({ points: 2, perAmountMinor: 100, minOrderMinor: 1000, countedStatuses: ["PAID", "CUSTOM_PAYMENT_STATUS_1"] });
      expect({ ...after, earning: before.earning }).toEqual(before);
      await expect.poll(() => text(frame, "#activity-list li")).toContain("Program settings updated");
      expect(await text(frame, "#activity-list li")).toContain("Earning: 1 point per $1 → 2 points per $1");
      expect(await text(frame, "#activity-list li")).toContain("Minimum order: $0 → $10");
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when amounts are typed in the ways merchants type them, then the page turns them into exact minor units without floating point",
    async () => {
      const { page, watch } = await openPage("/demo/admin");
      await page.frameLocator("#app-frame").locator("#earning-rate", { hasText: "per" }).waitFor();
      const dashboard = page.frames().find((f) => new URL(f.url()).pathname === "/admin");
      if (!dashboard) throw new Error("the dashboard frame is missing");
      const cases: [string, number, string][] = [
        ["12.50", 2, "."],
        ["1.15", 2, "."],
        ["0.29", 2, "."],
        ["1,250.99", 2, "."],
        ["1 000", 2, "."],
        ["12,5", 2, ","],
        ["1.000,01", 2, ","],
        ["1500", 0, "."],
        ["9.999", 3, "."],
        ["12.5.0", 2, "."],
        ["-3", 2, "."],
        ["1.5", 0, "."],
      ];
      // A string, so the test runner's transform of dynamic import() never reaches the page.
      const results = await dashboard.evaluate(`import("/admin/money-input.js").then((m) => ${JSON.stringify(cases)}.map(([text, precision, decimal]) => m.parseMoneyInput(text, precision, decimal)))`);
      expect(results).toEqual([
        { minor: 1250 },
        { minor: 115 },
        { minor: 29 },
        { minor: 125099 },
        { minor: 100000 },
        { minor: 1250 },
        { minor: 100001 },
        { minor: 1500 },
        { minor: 9999 },
        { error: "Type an amount like 12.50." },
        { error: "The amount cannot be negative." },
        { error: "This currency has no cents: type a whole amount." },
      ]);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the merchant imports the last 90 days of orders, then the progress shows until the import is done, and orders already counted are not credited twice",
    async () => {
      const balances = async () => new Map((await membersInStorage()).items.map((member) => [member.id, member.balance]));
      const balancesBefore = await balances();
      const worker = createInboxWorker(app.container, { idleMs: 20 });
      worker.start();
      try {
        const { page, watch } = await openPage("/demo/admin");
        const frame = page.frameLocator("#app-frame");
        await frame.locator("#imports-status", { hasText: "No imports yet." }).waitFor();
        expect(await frame.getByLabel("Orders placed from").inputValue()).toBe(localDay(90));
        expect(await frame.getByLabel("To", { exact: true }).inputValue()).toBe(localDay(0));

        await frame.getByRole("button", { name: "Import orders" }).click();
        // The job starts as running; the page shows that until its first poll a second later.
        await frame.locator("#import-progress[data-status='running']").waitFor();
        expect(await frame.getByRole("button", { name: "Import orders" }).isDisabled()).toBe(true);
        await frame.locator("#import-progress[data-status='done']").waitFor({ timeout: 15_000 });

        const { items } = await adminGet("/backfills");
        expect(items).toHaveLength(1);
        const job = items[0];
        expect(job).toMatchObject({ status: "done", from: localDay(90), to: localDay(0), credited: 0, error: null });
        expect(job.total).toBeGreaterThan(3);
        expect(job.processed).toBe(job.total);
        expect(await text(frame, "#import-progress-count")).toBe(`${job.total} of ${job.total}`);
        expect(await text(frame, "#import-credited")).toBe("0 orders credited: every order was already counted.");
        expect(await frame.locator("#import-progress-bar").evaluate((bar: HTMLProgressElement) => [bar.value, bar.max])).toEqual([job.total, job.total]);
        const row = frame.locator(`#imports-body tr[data-job-id="${job.id}"]`);
        expect(await row.locator("td").nth(3).textContent()).toBe("Done");
        expect(await row.locator("td").nth(4).textContent()).toBe(`${job.total} of ${job.total} orders`);
        expect(await frame.getByRole("button", { name: "Import orders" }).isEnabled()).toBe(true);
        expect(await balances()).toEqual(balancesBefore);
        expect(watch.problems).toEqual([]);
      } finally {
        await worker.stop();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    "when an order event failed for good, then the merchant sees it with its error and retries it from the dashboard, and it leaves the failed list for the queue",
    async () => {
      const eventId = "e2e-failed-TH4KQ";
      await failedOrderEvent(eventId, "TH4KQ", "Ecwid answered HTTP 503");
      const counts = (await adminGet("/inbox")).counts;
      expect(counts).toMatchObject({ failed: 1, pending: 0 });
      const { page, watch } = await openPage("/demo/admin");
      const frame = page.frameLocator("#app-frame");
      const row = frame.locator(`#health-body tr[data-event-id="${eventId}"]`);
      await row.waitFor();
      expect(await row.locator("td").allTextContents()).toEqual([expect.any(String), "Order updated", "#TH4KQ", "1", "Ecwid answered HTTP 503", "Retry"]);
      expect(await text(frame, "#health-failed")).toBe("1");
      expect(await text(frame, "#health-status")).toContain("1 event needs your attention");

      await row.getByRole("button", { name: "Retry" }).click();
      await row.waitFor({ state: "detached" });
      await frame.locator("#health-status", { hasText: "The “Order updated” event for order #TH4KQ is back in the queue." }).waitFor();
      expect(await text(frame, "#health-failed")).toBe("0");
      expect(await text(frame, "#health-pending")).toBe("1");
      expect(await frame.locator("#health-table-wrap").isHidden()).toBe(true);
      expect((await app.container.storage.inbox.get(DEMO_STORE_ID, eventId))?.status).toBe("pending");

      expect(await createInboxWorker(app.container).drain()).toBe(1);
      expect((await app.container.storage.inbox.get(DEMO_STORE_ID, eventId))?.status).toBe("done");
      await frame.getByRole("button", { name: "Refresh" }).click();
      await frame.locator("#health-status", { hasText: "Everything Ecwid sent has been processed." }).waitFor();
      expect(await text(frame, "#health-pending")).toBe("0");
      expect(await text(frame, "#health-done")).toBe(String(counts.done + 1));
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when Ecwid opens the page with the legacy hex fragment, then the dashboard signs in from it and drops it from the address",
    async () => {
      const { page, watch } = await openPage("/demo/admin?form=hex");
      const frame = page.frameLocator("#app-frame");
      await frame.locator("#store-subtitle", { hasText: STORE_NAME }).waitFor();
      await frame.locator("#members-body tr", { hasText: MAYA }).waitFor();
      const adminFrame = page.frames().find((f) => new URL(f.url()).pathname === "/admin");
      expect(adminFrame && new URL(adminFrame.url()).hash).toBe("");
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when a phone-sized screen is used with the keyboard only, then members and the earning rule form open and close without leaving the page width",
    async () => {
      const { page, watch } = await openPage("/demo/admin", { width: 360, height: 740 });
      const frame = page.frameLocator("#app-frame");
      const open = memberRow(frame, MAYA).getByRole("button", { name: MAYA });
      await open.waitFor();
      await open.focus();
      await open.press("Enter");
      await frame.locator("#member-title", { hasText: MAYA }).waitFor();
      expect(await frame.locator("#member-title").evaluate((node) => node === document.activeElement)).toBe(true);
      const overflow = await frame.locator("body").evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);

      await frame.locator("#member-title").press("Escape");
      await frame.locator("#members-list").waitFor({ state: "visible" });
      expect(await open.evaluate((node) => node === document.activeElement)).toBe(true);

      const edit = frame.getByRole("button", { name: "Edit rule" });
      await edit.focus();
      await edit.press("Enter");
      expect(await frame.getByLabel("Points earned").evaluate((node) => node === document.activeElement)).toBe(true);
      const overflowWithForm = await frame.locator("body").evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflowWithForm).toBeLessThanOrEqual(0);
      await frame.getByLabel("Points earned").press("Escape");
      await frame.locator("#earning-form").waitFor({ state: "hidden" });
      expect(await edit.evaluate((node) => node === document.activeElement)).toBe(true);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the page is opened outside Ecwid's admin, then it says to open Questline from there",
    async () => {
      const { page, watch } = await openPage("/admin");
      await page.getByText("Open Questline from your Ecwid admin").waitFor();
      expect(await page.locator("#dashboard").isHidden()).toBe(true);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the demo index and storefront are opened, then they load cleanly",
    async () => {
      const { page, watch } = await openPage("/demo");
      await page.getByRole("link", { name: "Demo control panel", exact: true }).waitFor();
      await page.waitForLoadState("networkidle"); // the favicon, so leaving does not abort it
      await page.goto(`${app.baseUrl}/demo/store`);
      await page.getByRole("heading", { name: `Welcome to ${STORE_NAME}` }).waitFor();
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );
});
