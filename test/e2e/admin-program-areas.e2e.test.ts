import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createInboxWorker } from "../../server/jobs/create-inbox-worker.js";
import { DEMO_STORE_ID } from "../../server/ecwid-emulator/index.js";
import { adminDashboardPage, BROWSER_TEST_MS, localDay, text } from "../support/admin-dashboard-page.js";
import type { RunningDemoApp } from "../support/demo-app.js";

const dashboard = adminDashboardPage();
const { openPage, membersInStorage, adminGet, failedOrderEvent } = dashboard;
let app: RunningDemoApp;

beforeAll(async () => {
  app = await dashboard.start();
});

afterAll(async () => {
  await dashboard.stop();
});

afterEach(async () => {
  await dashboard.closePage();
});

describe("the merchant dashboard inside the demo control panel", () => {
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
      await expect.poll(() => text(frame, "#activity-list li")).toContain("Earning rule changed");
      expect(await text(frame, "#activity-list li")).toContain("Points earned: 1 → 2");
      expect(await text(frame, "#activity-list li")).toContain("Minimum order: $0 → $10");
      expect(await text(frame, "#activity-list li")).not.toContain("For every");
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
      const results = await dashboard.evaluate(
        `import("/admin/money-input.js").then((m) => ${JSON.stringify(cases)}.map(([text, precision, decimal]) => m.parseMoneyInput(text, precision, decimal)))`,
      );
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
});
