import { describe, expect, it } from "vitest";
import { DEMO_STORE_ID } from "../../server/ecwid-emulator/index.js";
import { adminDashboardSuite, area, BROWSER_TEST_MS, dashboardDocument, dashboardFrame, pageTab, shootDashboard, SHOTS } from "../support/admin-dashboard-page.js";
import { seriousAxeFindings } from "../support/axe.js";

const dashboard = adminDashboardSuite();

describe("the holdout on the Program and Overview pages", () => {
  it(
    "when the merchant sets a 10% holdout, then the program keeps it and the Overview's panel shows both groups' sample sizes with a caution",
    async () => {
      const { page, watch } = await dashboard.openPage("/demo/admin", { width: 360, height: 740 });
      const frame = dashboardFrame(page);
      // Without a holdout the Overview only says how to set one (once its answer is in): no table of zeros beside the members it counts.
      await pageTab(frame, "Overview").click();
      await area(frame, "Is it working?").getByText("No holdout is set. Set a holdout on the Program page", { exact: false }).waitFor();
      expect(await area(frame, "Is it working?").getByTestId("holdout-comparison").count()).toBe(0);
      await pageTab(frame, "Program").click();
      const holdout = area(frame, "Holdout: is it working?");
      await holdout.getByText("No holdout: every new member joins the program.").waitFor();
      await holdout.getByRole("button", { name: "Edit holdout" }).click();
      await holdout.getByLabel("Share of new members left out (0 to 50%)").fill("10");
      await holdout.getByLabel("From (UTC day)").fill("2026-01-01");
      await holdout.getByLabel("Until (UTC day, included)").fill("2026-03-31");
      await holdout.getByRole("button", { name: "Save holdout" }).click();
      await holdout.getByText("10% of the members who join from 2026-01-01 to 2026-03-31 are left out of the program until the end of 2026-03-31.").first().waitFor();
      const saved = await dashboard.app.container.storage.read(DEMO_STORE_ID, (tx) => tx.settings.get(DEMO_STORE_ID));
      expect(saved?.holdout).toEqual({ percent: 10, from: "2026-01-01", until: "2026-03-31" });
      await shootDashboard(page, `${SHOTS}/admin-holdout-settings.png`, holdout);

      await pageTab(frame, "Overview").click();
      const panel = area(frame, "Is it working?");
      const rows = panel.getByTestId("holdout-comparison").locator("tbody tr");
      await rows.nth(1).waitFor();
      expect(await rows.allTextContents()).toEqual([expect.stringContaining("In the program"), expect.stringContaining("Left out (holdout)")]);
      await panel.getByText("Too few members to tell yet: 0 in the program and 0 left out.", { exact: false }).waitFor();
      await shootDashboard(page, `${SHOTS}/admin-holdout-panel.png`, panel);
      expect(await seriousAxeFindings(await dashboardDocument(page))).toEqual([]);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );
});
