import { mkdir } from "node:fs/promises";
import type { FrameLocator } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_STORE_ID } from "../../server/ecwid-emulator/index.js";
import type { SimulationFigures } from "../../server/modules/simulations/simulation.js";
import { adminDashboardSuite, area, BROWSER_TEST_MS, dashboardDocument, dashboardFrame, shootDashboard, textOf } from "../support/admin-dashboard-page.js";
import { seriousAxeFindings } from "../support/axe.js";

const SHOTS = "/tmp/shots";
const dashboard = adminDashboardSuite({ worker: true });

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
});

const overflow = (frame: FrameLocator) => frame.locator("body").evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
/** The figures column of the cost table, as the merchant reads it. */
const column = (frame: FrameLocator, index: number) => frame.locator(`[data-testid=cost-figures] tbody tr td:nth-of-type(${index})`).allTextContents();
const said = (figures: SimulationFigures, money: (minor: number) => string) => [
  figures.points.toLocaleString("en-US"),
  figures.members.toLocaleString("en-US"),
  figures.pointsPerOrder.toLocaleString("en-US"),
  figures.costMinor === null ? "No value" : money(figures.costMinor),
];

describe("the cost simulator in the program's forms", () => {
  it(
    "when the merchant doubles the earning rule and asks what it would cost, then the orders are fetched with progress and the table shows the proposal beside the program now and the books",
    async () => {
      const { page, watch } = await dashboard.openPage("/demo/admin");
      const frame = dashboardFrame(page);
      const earning = area(frame, "Earning rule");
      await frame.getByRole("button", { name: "Edit rule" }).click();
      await frame.getByLabel("Points earned").fill("2");
      const panel = earning.getByTestId("cost-panel");
      await panel.getByRole("heading", { name: "What would this cost?" }).waitFor();
      await panel.getByRole("button", { name: "Work out the cost" }).click();
      await frame.locator("[data-testid=cost-figures]").waitFor();

      const expected = await dashboard.app.container.simulations.simulate(DEMO_STORE_ID, {
        earning: { points: 2, perAmountMinor: 100, minOrderMinor: 0, countedStatuses: ["PAID"] },
      });
      const money = (minor: number) => `$${(minor / 100).toFixed(2)}`;
      expect(expected.proposed.points).toBeGreaterThan(expected.current.points);
      expect(await column(frame, 1)).toEqual(said(expected.proposed, money));
      expect(await column(frame, 2)).toEqual(said(expected.current, money));
      expect(await column(frame, 3)).toEqual(said(expected.recorded, money));
      expect(await textOf(panel.getByTestId("point-value"))).toContain("$5.00 for 500 points (“$5 off”)");
      expect(await seriousAxeFindings(await dashboardDocument(page))).toEqual([]);
      await shootDashboard(page, `${SHOTS}/cost-simulator-earning.png`, earning.locator("form"));

      // Any edit after the answer asks again; the snapshot is kept, so the answer comes without a fetch.
      await frame.getByLabel("Points earned").fill("3");
      expect(await frame.locator("[data-testid=cost-figures]").count()).toBe(0);
      const tripled = await dashboard.app.container.simulations.simulate(DEMO_STORE_ID, {
        earning: { points: 3, perAmountMinor: 100, minOrderMinor: 0, countedStatuses: ["PAID"] },
      });
      await panel.getByRole("button", { name: "Work out the cost" }).click();
      await expect.poll(() => column(frame, 1), { timeout: 15_000 }).toEqual(said(tripled.proposed, money));
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when a reward of $5 for 400 points is being added on a 360 px phone, then the cost counts a point at that value, nothing is wider than the screen and axe finds nothing serious",
    async () => {
      const { page, watch } = await dashboard.openPage("/demo/admin", { width: 360, height: 740 });
      const frame = dashboardFrame(page);
      const rewards = area(frame, "Rewards");
      await rewards.getByRole("button", { name: "Add reward" }).click();
      await frame.getByLabel("Name", { exact: true }).fill("$5 off");
      await frame.getByLabel("Cost in points").fill("400");
      await frame.getByLabel("Amount (USD)").fill("5");
      const panel = rewards.getByTestId("cost-panel");
      await panel.getByRole("button", { name: "Work out the cost" }).click();
      await panel.getByTestId("point-value").filter({ hasText: "$5.00 for 400 points (“$5 off”)" }).waitFor();
      expect(await overflow(frame)).toBeLessThanOrEqual(0);
      expect(await seriousAxeFindings(await dashboardDocument(page))).toEqual([]);
      await shootDashboard(page, `${SHOTS}/cost-simulator-360.png`, panel);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );
});
