import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createInboxWorker } from "../../server/jobs/create-inbox-worker.js";
import { DEMO_STORE_ID } from "../../server/ecwid-emulator/index.js";
import { activityItems, adminDashboardPage, area, BROWSER_TEST_MS, dashboardFrame, localDay, pageTab, textOf } from "../support/admin-dashboard-page.js";
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
      const frame = dashboardFrame(page);
      const earning = area(frame, "Earning rule");
      await earning.locator("[data-testid=earning-rate]", { hasText: "1 point per $1" }).waitFor();
      expect(await textOf(earning.locator(".feature-element__status"))).toBe("On every order, whatever its amount");

      await frame.getByRole("button", { name: "Edit rule" }).click();
      expect(await frame.getByLabel("For every").inputValue()).toBe("1");
      expect(await frame.getByLabel("Minimum order").inputValue()).toBe("0");
      expect(await frame.getByLabel("Paid").isChecked()).toBe(true);

      watch.expectError("PUT", "/api/admin/program/earning", 400);
      await frame.getByLabel("Points earned").fill("20000");
      await frame.getByRole("button", { name: "Save rule" }).click();
      await earning.locator(".ql-field-error", { hasText: "Must be at most 10,000." }).waitFor();
      expect(await frame.getByLabel("Points earned").getAttribute("aria-invalid")).toBe("true");
      expect(await frame.getByRole("textbox", { name: "Points earned" }).getAttribute("aria-describedby")).toBeTruthy();
      expect((await adminGet("/settings")).earning).toEqual(before.earning);

      await frame.getByLabel("Points earned").fill("2");
      await frame.getByLabel("Minimum order").fill("10.005");
      await frame.getByRole("button", { name: "Save rule" }).click();
      await earning.locator(".ql-field-error", { hasText: "at most 2 digits" }).waitFor();
      expect(await earning.locator(".ql-field-error").count()).toBe(1);

      await frame.getByLabel("Minimum order").fill("10.00");
      await frame.getByLabel("Custom status 1").check();
      await frame.getByRole("button", { name: "Save rule" }).click();
      await earning.getByRole("status").filter({ hasText: "Saved. Shoppers now earn 2 points per $1, on orders of $10 or more." }).waitFor();
      expect(await earning.locator("form").count()).toBe(0);
      expect(await textOf(earning.locator("[data-testid=earning-rate]"))).toBe("2 points per $1");
      expect(await textOf(earning.locator(".feature-element__status"))).toBe("On orders of $10 or more");
      expect(await textOf(earning.locator(".feature-element__content"))).toBe("Payment statuses that earn: Paid, Custom status 1");

      const after = await adminGet("/settings");
      expect(after.earning).toEqual({ points: 2, perAmountMinor: 100, minOrderMinor: 1000, countedStatuses: ["PAID", "CUSTOM_PAYMENT_STATUS_1"] });
      expect({ ...after, earning: before.earning }).toEqual(before);
      await pageTab(frame, "Activity").click();
      await expect.poll(() => textOf(activityItems(frame))).toContain("Earning rule changed");
      const newest = await textOf(activityItems(frame));
      expect(newest).toContain("Points earned: 1 → 2");
      expect(newest).toContain("Minimum order: $0 → $10");
      expect(newest).not.toContain("For every");
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
        const frame = dashboardFrame(page);
        await pageTab(frame, "Operations").click();
        const imports = area(frame, "Import past orders");
        await imports.getByText("No imports yet.").waitFor();
        expect(await frame.getByLabel("Orders placed from").inputValue()).toBe(localDay(90));
        expect(await frame.getByLabel("To", { exact: true }).inputValue()).toBe(localDay(0));

        await frame.getByRole("button", { name: "Import orders" }).click();
        await imports.locator(".ql-progress-panel[data-status='running']").waitFor();
        expect(await frame.getByRole("button", { name: "Import orders" }).isDisabled()).toBe(true);
        await imports.locator(".ql-progress-panel[data-status='done']").waitFor({ timeout: 15_000 });

        const { items } = await adminGet("/backfills");
        expect(items).toHaveLength(1);
        const job = items[0];
        expect(job).toMatchObject({ status: "done", from: localDay(90), to: localDay(0), credited: 0, error: null });
        expect(job.total).toBeGreaterThan(3);
        expect(job.processed).toBe(job.total);
        expect(await textOf(imports.locator(".ql-progress-panel__count"))).toBe(`${job.total} of ${job.total}`);
        expect(await textOf(imports.locator(".ql-progress-panel__note"))).toBe("0 orders credited: every order was already counted.");
        expect(await imports.getByRole("progressbar", { name: "Import progress" }).evaluate((bar: HTMLProgressElement) => [bar.value, bar.max])).toEqual([job.total, job.total]);
        const row = imports.locator("tbody tr").first();
        expect(await row.locator("td").nth(3).textContent()).toBe("Done");
        expect(await row.locator("td").nth(4).textContent()).toBe(`${job.total} of ${job.total}`);
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
      const frame = dashboardFrame(page);
      await pageTab(frame, "Operations").click();
      const health = area(frame, "Webhook health");
      const fact = (name: string) => textOf(health.locator(".ql-facts__item", { hasText: name }).locator("dd"));
      const row = health.locator(`tr[data-event-id="${eventId}"]`);
      await row.waitFor();
      expect(await row.locator("td").allTextContents()).toEqual([expect.any(String), "Order updated", "#TH4KQ", "1", "Ecwid answered HTTP 503", "Retry"]);
      expect(await fact("Failed")).toBe("1");
      expect(await textOf(health.locator("p.ql-status"))).toContain("1 event needs your attention");

      await row.getByRole("button", { name: "Retry Order updated for order TH4KQ" }).click();
      await row.waitFor({ state: "detached" });
      await health.getByRole("status").filter({ hasText: "The “Order updated” event for order #TH4KQ is back in the queue." }).waitFor();
      await expect.poll(() => fact("Failed")).toBe("0");
      expect(await fact("Waiting")).toBe("1");
      expect(await health.locator("table").count()).toBe(0);
      expect((await app.container.storage.inbox.get(DEMO_STORE_ID, eventId))?.status).toBe("pending");

      expect(await createInboxWorker(app.container).drain()).toBe(1);
      expect((await app.container.storage.inbox.get(DEMO_STORE_ID, eventId))?.status).toBe("done");
      await frame.getByRole("button", { name: "Refresh" }).click();
      await health.locator("p.ql-status", { hasText: "Everything Ecwid sent has been processed." }).waitFor();
      expect(await fact("Waiting")).toBe("0");
      expect(await fact("Processed")).toBe(String(counts.done + 1));
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );
});
