import { describe, expect, it } from "vitest";
import { DEMO_STORE_ID } from "../../server/ecwid-emulator/index.js";
import { adminDashboardSuite, area, BROWSER_TEST_MS, dashboardDocument, dashboardFrame, pageTab, shootDashboard, textOf, SHOTS } from "../support/admin-dashboard-page.js";
import { seriousAxeFindings } from "../support/axe.js";

const dashboard = adminDashboardSuite();

const csv = (text: string) => ({ name: "balances.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
const balanceOf = (email: string) => dashboard.app.container.storage.read(DEMO_STORE_ID, async (tx) => (await tx.members.findByEmail(DEMO_STORE_ID, email))?.balance ?? null);

describe("Import balances on the Members page", () => {
  it(
    "when the merchant chooses a file with bad rows, then the check lists them and offers no import; a good file is checked, confirmed and applied",
    async () => {
      const { page, watch } = await dashboard.openPage("/demo/admin", { width: 360, height: 740 });
      const frame = dashboardFrame(page);
      await pageTab(frame, "Members").click();
      const importArea = area(frame, "Import balances");
      const file = importArea.getByLabel("CSV file");

      await file.setInputFiles(csv("email,points,notes\nnew.one@example.com,120,hi\nnot-an-email,5,\nnew.two@example.com,1.5,\n"));
      const refused = importArea.getByTestId("import-rejected").locator("tbody tr");
      await refused.nth(1).waitFor();
      expect(await refused.allTextContents()).toEqual([expect.stringContaining("not-an-email"), expect.stringContaining("new.two@example.com")]);
      expect(await textOf(importArea.getByRole("status").first())).toBe("3 rows read: 1 new member, 0 starting balances changed, 0 unchanged, 120 points added.");
      expect(await importArea.getByRole("button", { name: /^Import/ }).count()).toBe(0);
      await shootDashboard(page, `${SHOTS}/admin-import-refused.png`, importArea);
      expect(await seriousAxeFindings(await dashboardDocument(page))).toEqual([]);

      await file.setInputFiles(csv("email,points\nnew.one@example.com,120\nnew.two@example.com,80\n"));
      const confirm = importArea.getByRole("button", { name: "Import 2 rows" });
      await confirm.waitFor();
      expect(await balanceOf("new.one@example.com")).toBeNull();
      await confirm.click();
      await importArea.getByText("Imported 2 rows: 2 new members, 0 starting balances changed, 0 unchanged, 200 points added.").waitFor();
      await shootDashboard(page, `${SHOTS}/admin-import-done.png`, importArea);

      expect([await balanceOf("new.one@example.com"), await balanceOf("new.two@example.com")]).toEqual([120, 80]);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when a file refuses more than 100 rows, then the page lists the first 100 and says how many more",
    async () => {
      const { page, watch } = await dashboard.openPage("/demo/admin", { width: 360, height: 740 });
      const frame = dashboardFrame(page);
      await pageTab(frame, "Members").click();
      const importArea = area(frame, "Import balances");
      const rows = Array.from({ length: 105 }, (_, i) => `bad${i}@example.com,${"9".repeat(200)}`);

      await importArea.getByLabel("CSV file").setInputFiles(csv(`email,points\n${rows.join("\n")}\n`));

      await importArea.getByText("And 5 more refused rows: correct the rows above and check the file again to see them.").waitFor();
      expect(await importArea.getByTestId("import-rejected").locator("tbody tr").count()).toBe(100);
      expect(await textOf(importArea.getByTestId("import-rejected").locator("tbody tr").first())).toContain(`${"9".repeat(40)}…`);
      expect(await seriousAxeFindings(await dashboardDocument(page))).toEqual([]);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );
});
