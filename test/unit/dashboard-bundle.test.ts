import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { DASHBOARD_BUDGET_GZIP_BYTES, dashboardPageLoads } from "../../bench/support/dashboard-loads.js";

describe("the dashboard bundle", () => {
  it("when any page is opened on a cold cache, then it fetches at most the budget, gzipped, and no server-only library", async () => {
    const loads = await dashboardPageLoads();
    expect(loads.map((load) => load.page)).toEqual(expect.arrayContaining(["shell", "program-page", "members-page", "tiers-page"]));
    const over = loads.filter((load) => load.gzipBytes > DASHBOARD_BUDGET_GZIP_BYTES).map((load) => `${load.page}: ${load.gzipBytes} B`);
    expect(over).toEqual([]);
    const files = [...new Set(loads.flatMap((load) => load.files))];
    const withZod = [];
    for (const file of files) if ((await readFile(file, "utf8")).includes("ZodError")) withZod.push(file);
    expect(withZod).toEqual([]);
  }, 60_000);
});
