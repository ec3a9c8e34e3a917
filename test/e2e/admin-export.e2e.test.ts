import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { DEMO_STORE_ID } from "../../server/ecwid-emulator/index.js";
import { adminDashboardSuite, area, BROWSER_TEST_MS, dashboardFrame, pageTab, shootDashboard, SHOTS } from "../support/admin-dashboard-page.js";

const dashboard = adminDashboardSuite();

describe("CSV exports on the Members page", () => {
  it(
    "when the merchant clicks Export members and Export ledger, then the browser saves each file under its name with every member and entry of the store",
    async () => {
      const { page, watch } = await dashboard.openPage("/demo/admin");
      const frame = dashboardFrame(page);
      await pageTab(frame, "Members").click();
      const exports = area(frame, "Export");
      const stored = await dashboard.app.container.storage.read(DEMO_STORE_ID, async (tx) => ({
        members: (await tx.members.list(DEMO_STORE_ID, { limit: 100, offset: 0 })).items,
        entries: (await tx.ledger.pageInAppendOrder(DEMO_STORE_ID, 0, 1000)).items,
      }));
      const today = new Date().toISOString().slice(0, 10);

      const saved = async (button: string) => {
        const [download] = await Promise.all([page.waitForEvent("download"), exports.getByRole("button", { name: button }).click()]);
        const rows: Record<string, string>[] = parse(await readFile((await download.path())!, "utf8"), { columns: true });
        return { name: download.suggestedFilename(), rows };
      };
      const members = await saved("Export members (CSV)");
      await exports
        .getByRole("status")
        .filter({ hasText: `Downloaded questline-members-${DEMO_STORE_ID}-${today}.csv.` })
        .waitFor();
      const ledger = await saved("Export ledger (CSV)");
      await exports
        .getByRole("status")
        .filter({ hasText: `Downloaded questline-ledger-${DEMO_STORE_ID}-${today}.csv.` })
        .waitFor();
      await shootDashboard(page, `${SHOTS}/admin-members-export.png`);

      expect(members.name).toBe(`questline-members-${DEMO_STORE_ID}-${today}.csv`);
      expect(members.rows.map((row) => [row.member_id, row.email, Number(row.balance_points)])).toEqual(stored.members.map((member) => [member.id, member.email, member.balance]));
      expect(ledger.name).toBe(`questline-ledger-${DEMO_STORE_ID}-${today}.csv`);
      expect(ledger.rows.map((row) => [row.entry_id, Number(row.points)])).toEqual(stored.entries.map((entry) => [entry.id, entry.delta]));
      expect(stored.entries.length).toBeGreaterThan(0);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );
});
