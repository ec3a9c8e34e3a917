import { describe, expect, it } from "vitest";
import { DEMO_STORE_ID } from "../../server/ecwid-emulator/index.js";
import { adminDashboardSuite, area, BROWSER_TEST_MS, dashboardDocument, dashboardFrame, pageTab, shootDashboard, SHOTS } from "../support/admin-dashboard-page.js";
import { seriousAxeFindings } from "../support/axe.js";

const dashboard = adminDashboardSuite();

describe("API keys in the dashboard", () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 360, height: 740 },
  ]) {
    it(
      `when the merchant makes a read key at ${viewport.width} px, then it is shown once, works for reads from outside the iframe, and once revoked is refused`,
      async () => {
        const { page, watch } = await dashboard.openPage("/demo/admin", viewport);
        const frame = dashboardFrame(page);
        await pageTab(frame, "API").click();
        const keys = area(frame, "API keys");
        await keys.getByText("No API keys yet.").waitFor();

        await keys.getByLabel("Name").fill("Spreadsheet");
        await keys.getByLabel("Scope").selectOption("read");
        await keys.getByRole("button", { name: "Make key" }).click();
        const shown = keys.getByLabel("The new API key");
        await shown.waitFor();
        const token = await shown.inputValue();
        // As in an Ecwid iframe that does not grant the clipboard: Copy selects the key and says how to copy it.
        await shown.evaluate(() => {
          Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText: () => Promise.reject(new DOMException("denied", "NotAllowedError")) } });
        });
        await keys.getByRole("button", { name: "Copy" }).click();
        await keys.getByText("the key is selected, press Ctrl+C").waitFor();
        const selected = await shown.evaluate(
          (input: HTMLInputElement) => document.activeElement === input && input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0),
        );
        expect(selected).toBe(token);
        await keys.locator("[data-testid=api-keys] tbody tr", { hasText: "Spreadsheet" }).waitFor();
        const axe = await seriousAxeFindings(await dashboardDocument(page));
        await shootDashboard(page, `${SHOTS}/admin-api-keys-${viewport.width}.png`);

        expect(token).toMatch(new RegExp(`^ql_${DEMO_STORE_ID}_`));
        const row = keys.locator("[data-testid=api-keys] tbody tr", { hasText: "Spreadsheet" });
        expect(await row.textContent()).toContain(`…${token.slice(-4)}`);
        expect(await row.textContent()).not.toContain(token);
        const read = await fetch(`${dashboard.app.baseUrl}/api/admin/store`, { headers: { Authorization: `Bearer ${token}` } });
        expect(read.status).toBe(200);
        expect(((await read.json()) as { storeId: number }).storeId).toBe(DEMO_STORE_ID);
        const write = await fetch(`${dashboard.app.baseUrl}/api/admin/program/earning`, {
          method: "PUT",
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
          body: "{}",
        });
        expect(write.status).toBe(403);

        await keys.getByRole("button", { name: "I have saved it" }).click();
        await page.reload();
        await pageTab(frame, "API").click();
        await row.waitFor();
        expect(await keys.getByLabel("The new API key").count()).toBe(0);

        await row.getByRole("button", { name: "Revoke" }).click();
        await row.getByRole("button", { name: "Revoke “Spreadsheet”" }).click();
        await keys.getByRole("status").filter({ hasText: "Key “Spreadsheet” revoked" }).waitFor();
        await keys.getByText("No API keys yet.").waitFor();
        expect((await fetch(`${dashboard.app.baseUrl}/api/admin/store`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
        expect(axe).toEqual([]);
        expect(watch.problems).toEqual([]);
      },
      BROWSER_TEST_MS,
    );
  }

  it(
    "when the merchant opens the API reference from the API page, then it lists every group and operation with its scope, readable at 360 px and axe-clean",
    async () => {
      const { page, watch } = await dashboard.openPage("/demo/admin", { width: 360, height: 740 });
      const frame = dashboardFrame(page);
      await pageTab(frame, "API").click();
      const [reference] = await Promise.all([page.context().waitForEvent("page"), area(frame, "API reference").getByRole("link", { name: "Open the API reference" }).click()]);
      await reference.waitForLoadState();
      await reference.setViewportSize({ width: 360, height: 740 });

      await reference.getByRole("heading", { level: 1, name: "Questline admin API" }).waitFor();
      const groups = await reference.getByRole("heading", { level: 2 }).allTextContents();
      const adjust = reference.locator("article", { has: reference.getByRole("heading", { name: "POST /members/{memberId}/adjustments" }) });
      const makeKey = reference.locator("article", { has: reference.getByRole("heading", { name: "POST /api-keys" }) });
      const bodyText = await reference.locator("main").innerText();
      const findings = await seriousAxeFindings(reference);
      const overflow = await reference.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await reference.screenshot({ path: `${SHOTS}/api-reference-360.png`, fullPage: false });

      expect(groups).toEqual(expect.arrayContaining(["Members", "Program", "API keys", "Reference"]));
      expect(await adjust.textContent()).toContain("Session or API key (write)");
      expect(await adjust.getByRole("listitem").filter({ hasText: "memberId" }).textContent()).toContain("(path, required)");
      // The document's Markdown code spans are set as code, never shown as raw backticks.
      expect(bodyText).not.toContain("`");
      expect(await makeKey.locator("p code").allTextContents()).toContain("token");
      expect(findings).toEqual([]);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );
});
