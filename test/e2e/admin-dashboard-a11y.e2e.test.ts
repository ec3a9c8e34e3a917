import type { Frame, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { adminDashboardPage, BROWSER_TEST_MS, dashboardFrame, memberRow, pageTab } from "../support/admin-dashboard-page.js";
import { seriousAxeFindings, type AxeFinding } from "../support/axe.js";

const MAYA = "maya.chen@example.com";
const dashboard = adminDashboardPage();

beforeAll(async () => {
  await dashboard.start();
});
afterAll(async () => {
  await dashboard.stop();
});
afterEach(async () => {
  await dashboard.closePage();
});

/** The dashboard's own document inside the demo control panel's iframe. */
async function appFrame(page: Page): Promise<Frame> {
  const frame = await (await page.waitForSelector("#app-frame")).contentFrame();
  if (!frame) throw new Error("the dashboard iframe has no document");
  return frame;
}

describe("the merchant dashboard, for everyone", () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 360, height: 740 },
  ]) {
    it(
      `when every page is open at ${viewport.width} px, then axe finds nothing serious or critical`,
      async () => {
        const { page } = await dashboard.openPage("/demo/admin", viewport);
        const frame = dashboardFrame(page);
        const findings: Record<string, AxeFinding[]> = {};
        for (const tab of ["Program", "Tiers", "Members", "Rewards", "Activity", "Operations", "API"]) {
          await pageTab(frame, tab).click();
          await frame.getByRole("heading", { level: 2 }).first().waitFor();
          if (tab === "Members") await memberRow(frame, MAYA).waitFor();
          findings[tab] = await seriousAxeFindings(await appFrame(page));
        }
        await pageTab(frame, "Members").click();
        await memberRow(frame, MAYA).getByRole("link", { name: MAYA }).click();
        await frame.getByRole("heading", { name: MAYA }).waitFor();
        findings["member page"] = await seriousAxeFindings(await appFrame(page));
        await pageTab(frame, "Program").click();
        await frame.getByRole("button", { name: "Add challenge" }).click();
        await frame.getByLabel("Goal", { exact: true }).selectOption("visit");
        await frame.getByRole("heading", { name: "New challenge" }).waitFor();
        findings["challenge builder"] = await seriousAxeFindings(await appFrame(page));
        await pageTab(frame, "Tiers").click();
        await frame.getByRole("button", { name: "Add tier" }).click();
        await frame.getByRole("heading", { name: "New tier" }).waitFor();
        await frame.getByLabel("Ecwid customer group", { exact: true }).and(frame.locator(":enabled")).waitFor();
        findings["tier editor"] = await seriousAxeFindings(await appFrame(page));

        expect(findings).toEqual({
          Program: [],
          Tiers: [],
          Members: [],
          Rewards: [],
          Activity: [],
          Operations: [],
          API: [],
          "member page": [],
          "challenge builder": [],
          "tier editor": [],
        });
      },
      BROWSER_TEST_MS,
    );
  }
});
