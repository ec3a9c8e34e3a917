import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { activityItems, adminDashboardPage, BROWSER_TEST_MS, dashboardFrame, ledgerRows, memberRow, pageTab, text, textOf } from "../support/admin-dashboard-page.js";
import type { RunningDemoApp } from "../support/demo-app.js";

const STORE_NAME = "Trailhead Outfitters";
const MAYA = "maya.chen@example.com";

const dashboard = adminDashboardPage();
const { openPage, membersInStorage } = dashboard;
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
    "when the merchant opens Questline with the encrypted payload, then the store's members show with their balances, and an adjustment updates the balance, the history and the activity",
    async () => {
      const { page, watch } = await openPage("/demo/admin");
      const frame = dashboardFrame(page);

      await frame.locator("#store-subtitle", { hasText: STORE_NAME }).waitFor();
      await pageTab(frame, "Members").click();
      const stored = await membersInStorage();
      expect(stored.total).toBeGreaterThan(3);
      await expect.poll(() => frame.locator("[data-testid=members] tbody tr").count()).toBe(stored.total);
      for (const member of stored.items) {
        const row = memberRow(frame, member.email ?? "");
        expect((await row.locator("td").first().textContent())?.trim()).toBe(member.balance.toLocaleString("en-US"));
      }
      const maya = stored.items.find((member) => member.email === MAYA);
      if (!maya) throw new Error("the demo shop has no member for Maya");
      expect(maya.balance).toBeGreaterThan(0);
      const spend = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(maya.stats.lifetimeSpendMinor / 100);
      expect((await memberRow(frame, MAYA).locator("td").nth(2).textContent())?.trim()).toBe(spend);

      await memberRow(frame, MAYA).getByRole("link", { name: MAYA }).click();
      await frame.getByRole("heading", { name: MAYA }).waitFor();
      expect(await text(frame, "[data-testid=member-balance]")).toBe(maya.balance.toLocaleString("en-US"));
      const orderRows = ledgerRows(frame).filter({ has: frame.locator(".ql-tag--earn_order") });
      await expect.poll(() => orderRows.count()).toBe(maya.stats.paidOrders);
      expect(await textOf(orderRows)).toContain("eligible (after discounts, without shipping and tax)");

      await frame.getByLabel("Points", { exact: true }).fill("25");
      await frame.getByLabel("Reason", { exact: true }).fill("Goodwill for a late delivery");
      await frame.getByLabel("Show the reason to the shopper").check();
      await frame.getByRole("button", { name: "Apply adjustment" }).click();
      await frame.locator("#adjust-done", { hasText: "+25 points applied" }).waitFor();
      const after = (maya.balance + 25).toLocaleString("en-US");
      await expect.poll(() => text(frame, "[data-testid=member-balance]")).toBe(after);
      await expect.poll(() => textOf(ledgerRows(frame))).toContain("Goodwill for a late delivery (shown to the shopper)");
      const newest = await textOf(ledgerRows(frame));
      expect(newest).toContain("+25");
      expect(newest).toContain("Adjustment");
      expect(newest).toContain("demo@trailhead.example");

      watch.expectError("POST", "/adjustments", 409);
      await frame.getByLabel("Points", { exact: true }).fill("-1000000");
      await frame.getByLabel("Reason", { exact: true }).fill("Taking back too much");
      await frame.getByRole("button", { name: "Apply adjustment" }).click();
      await frame.locator("#adjust-error", { hasText: "negative balance" }).waitFor();
      expect(await text(frame, "[data-testid=member-balance]")).toBe(after);

      await pageTab(frame, "Activity").click();
      await expect.poll(() => textOf(activityItems(frame))).toContain(`Points adjusted by +25 for ${MAYA}`);
      expect(await textOf(activityItems(frame))).toContain("Goodwill for a late delivery");
      await activityItems(frame)
        .first()
        .getByRole("link", { name: `View member ${MAYA}` })
        .click();
      await frame.getByRole("heading", { name: MAYA }).waitFor();

      await frame.getByRole("link", { name: "All members" }).click();
      await expect.poll(async () => (await memberRow(frame, MAYA).locator("td").first().textContent())?.trim()).toBe(after);
      expect((await membersInStorage()).items.find((member) => member.id === maya.id)?.balance).toBe(maya.balance + 25);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when Ecwid opens the page with the legacy hex fragment, then the dashboard signs in from it and drops it from the address",
    async () => {
      const { page, watch } = await openPage("/demo/admin?form=hex");
      const frame = dashboardFrame(page);
      await frame.locator("#store-subtitle", { hasText: STORE_NAME }).waitFor();
      await frame.getByRole("heading", { name: "Earning rule" }).waitFor();
      const adminFrame = page.frames().find((f) => new URL(f.url()).pathname === "/admin");
      expect(adminFrame && new URL(adminFrame.url()).hash).toBe("");
      await pageTab(frame, "Members").click();
      await memberRow(frame, MAYA).waitFor();
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when a phone-sized screen is used with the keyboard only, then members and the earning rule form open and close without leaving the page width",
    async () => {
      const { page, watch } = await openPage("/demo/admin", { width: 360, height: 740 });
      const frame = dashboardFrame(page);
      const members = pageTab(frame, "Members");
      await members.focus();
      await members.press("Enter");
      const open = memberRow(frame, MAYA).getByRole("link", { name: MAYA });
      await open.focus();
      await open.press("Enter");
      const title = frame.getByRole("heading", { name: MAYA });
      await title.waitFor();
      await expect.poll(() => title.evaluate((node) => node === document.activeElement)).toBe(true);
      const overflow = await frame.locator("body").evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);

      await title.press("Escape");
      await expect.poll(() => open.evaluate((node) => node === document.activeElement)).toBe(true);

      const program = pageTab(frame, "Program");
      await program.focus();
      await program.press("Enter");
      const edit = frame.getByRole("button", { name: "Edit rule" });
      await edit.focus();
      await edit.press("Enter");
      await expect.poll(() => frame.getByLabel("Points earned").evaluate((node) => node === document.activeElement)).toBe(true);
      const overflowWithForm = await frame.locator("body").evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflowWithForm).toBeLessThanOrEqual(0);
      await frame.getByLabel("Points earned").press("Escape");
      await frame.getByRole("form", { name: "Change the earning rule" }).waitFor({ state: "detached" });
      expect(await edit.evaluate((node) => node === document.activeElement)).toBe(true);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the page is opened outside Ecwid's admin, then it says to open Questline from there",
    async () => {
      const { page, watch } = await openPage("/admin");
      await page.getByRole("status").filter({ hasText: "Open Questline from your Ecwid admin" }).waitFor();
      expect(await page.getByRole("navigation", { name: "Dashboard pages" }).count()).toBe(0);
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
