import type { FrameLocator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { adminDashboardSuite, area, BROWSER_TEST_MS, dashboardDocument, dashboardFrame, localDay, pageTab, shootDashboard, textOf } from "../support/admin-dashboard-page.js";
import { seriousAxeFindings } from "../support/axe.js";

const { openPage, adminGet } = adminDashboardSuite();

const fact = (frame: FrameLocator, label: string) => frame.locator("[data-testid=overview-facts] .ql-facts__item", { has: frame.locator("dt", { hasText: label }) }).locator("dd");
const overflow = (frame: FrameLocator) => frame.locator("body").evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function openOverview(viewport?: { width: number; height: number }): Promise<{ page: Page; frame: FrameLocator }> {
  const { page } = await openPage("/demo/admin", viewport);
  const frame = dashboardFrame(page);
  await pageTab(frame, "Overview").click();
  await frame.locator("[data-testid=overview-facts]").waitFor();
  await frame.locator(".ql-chart canvas").first().waitFor();
  return { page, frame };
}

describe("the overview in the merchant dashboard", () => {
  it(
    "when the merchant opens Overview, then the last 30 days' figures are the API's, three charts are drawn, and 12 months draws them per week",
    async () => {
      const { page, frame } = await openOverview();
      const expected = await adminGet(`/insights/overview?from=${localDay(29)}&to=${localDay(0)}`);

      expect(await textOf(pageTab(frame, "Overview"))).toBe("Overview");
      expect(await frame.getByRole("navigation", { name: "Dashboard pages" }).getByRole("link").first().textContent()).toBe("Overview");
      expect(await textOf(fact(frame, "Members"))).toBe(String(expected.members.total));
      expect(await textOf(fact(frame, "Active members"))).toBe(String(expected.members.active));
      expect(await textOf(fact(frame, "Points issued"))).toBe(expected.points.issued.toLocaleString("en"));
      expect(await textOf(fact(frame, "Points outstanding"))).toBe(expected.points.outstanding.toLocaleString("en"));
      expect(await frame.locator(".ql-chart canvas").count()).toBeGreaterThanOrEqual(3);
      expect(await area(frame, "Orders").locator("[data-testid=overview-orders] tbody tr").first().locator("th, td").allTextContents()).toEqual([
        "Paid orders",
        String(expected.orders.members.orders),
        String(expected.orders.guests.orders),
      ]);
      expect(await seriousAxeFindings(await dashboardDocument(page))).toEqual([]);
      await shootDashboard(page, "docs/overview.png");

      // The chosen range stays readable under the pointer; the chart under the pointer names its day's values.
      const chosen = frame.getByRole("button", { name: "30 days" });
      await chosen.hover();
      const colours = await chosen.evaluate((button) => [getComputedStyle(button).color, getComputedStyle(button).backgroundColor]);
      expect(colours[0]).not.toBe(colours[1]);
      const joinedChart = frame.locator(".ql-chart", { hasText: "New members" });
      const over = joinedChart.locator(".u-over");
      const plot = (await over.boundingBox())!;
      await over.hover({ position: { x: plot.width - 2, y: plot.height / 2 } });
      await expect.poll(() => textOf(joinedChart.locator("figcaption"))).toMatch(/^New members: \d+.+\d{4}$/);

      await frame.getByRole("button", { name: "12 months" }).click();
      await frame.getByText("per week (from the range's first day)", { exact: false }).first().waitFor();
      expect(await frame.getByRole("button", { name: "12 months" }).getAttribute("aria-pressed")).toBe("true");
      // 365 or 366 days: 52 weeks and a last week of one or two days, which the subtitle names.
      expect(await textOf(frame.locator(".named-area__subtitle", { hasText: "per week" }))).toMatch(/The last week has only [12] days?, so it reads lower\.$/);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the merchant picks a custom range of one day with nothing in it, then every figure reads zero",
    async () => {
      const { frame } = await openOverview();
      await frame.getByRole("button", { name: "Custom" }).click();
      // The last day a range may end is the store's today; the chosen days are written beside the buttons.
      expect(await frame.getByLabel("To", { exact: true }).getAttribute("max")).toBe(localDay(0));
      await frame.getByLabel("From", { exact: true }).fill("2020-01-01");
      await frame.getByLabel("To", { exact: true }).fill("2020-01-01");
      await frame.getByRole("button", { name: "Show" }).click();
      await frame.locator(".named-area__subtitle", { hasText: "per day" }).waitFor();
      await expect.poll(() => textOf(fact(frame, "Points issued"))).toBe("0");
      expect(await textOf(frame.locator(".ql-range__days"))).toBe("Jan 1, 2020 – Jan 1, 2020");
      expect(await textOf(frame.locator("[data-testid=top-challenges] tbody tr"))).toBe("No challenge completed in this range.");
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the admin is 360 px wide, then the overview fits without sideways scrolling and stays axe-clean",
    async () => {
      const { page, frame } = await openOverview({ width: 360, height: 800 });
      expect(await overflow(frame)).toBeLessThanOrEqual(0);
      // Stacked on a phone the tables' column headers are hidden, so each says what it lists above its rows.
      for (const [table, title] of [
        ["top-challenges", "Top challenges, most completions first"],
        ["top-rewards", "Top rewards, most redemptions first"],
        ["overview-ambassadors", "Top ambassadors, most friends first"],
      ]) {
        const caption = frame.locator(`[data-testid=${table}] caption`);
        expect(await caption.isVisible()).toBe(true);
        expect(await textOf(caption)).toBe(title);
      }
      // The first card starts at the area's content, with no margin above the figures.
      expect(await frame.locator("[data-testid=overview-facts]").evaluate((list) => getComputedStyle(list).marginTop)).toBe("0px");
      expect(await seriousAxeFindings(await dashboardDocument(page))).toEqual([]);
      await shootDashboard(page, "docs/overview-phone.png");
    },
    BROWSER_TEST_MS,
  );
});
