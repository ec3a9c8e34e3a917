import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ECWID_SCOPES } from "../../server/config.js";
import { adminDashboardPage, area, BROWSER_TEST_MS, dashboardFrame, pageTab, textOf } from "../support/admin-dashboard-page.js";
import { launchBrowser, watchForProblems } from "../support/browser.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

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

describe("the store's catalog in the dashboard", () => {
  it(
    "when the merchant searches the catalog, then the store's products show with their price",
    async () => {
      const { page, watch } = await dashboard.openPage("/demo/admin");
      const frame = dashboardFrame(page);
      await pageTab(frame, "Operations").click();
      const catalog = area(frame, "Your catalog");
      await catalog.getByLabel("Find a product").fill("trail run");
      await catalog.getByRole("button", { name: "Search" }).click();
      const found = catalog.getByRole("list", { name: "Products found" }).getByRole("listitem");
      await found.first().waitFor();
      expect(await textOf(found)).toMatch(/^Trail Runner Shoes · .* · \$\d+\.\d\d$/);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  describe("a store installed before Questline asked for read_catalog", () => {
    let app: TestApp;
    let browser: Browser;

    beforeAll(async () => {
      app = await startTestApp();
      browser = await launchBrowser();
    });

    afterAll(async () => {
      await browser?.close();
      await app?.close();
    });

    it(
      "when the merchant searches the catalog, then the dashboard offers the one link that grants the scope again",
      async () => {
        const { storeId, accessToken } = await app.installStore({ scopes: ECWID_SCOPES.filter((scope) => scope !== "read_catalog") });
        const context = await browser.newContext();
        // Ecwid's SDK and stylesheet come from its CDN, which tests do not reach.
        await context.route(/cloudfront\.net/, (route) => route.fulfill({ status: 200, body: "" }));
        const page = await context.newPage();
        const watch = watchForProblems(page);
        watch.expectError("GET", "/api/admin/catalog/products", 403);
        const hex = Buffer.from(JSON.stringify({ store_id: storeId, access_token: accessToken, lang: "en" })).toString("hex");
        await page.goto(`${app.url}/admin#${hex}`);
        await page.getByRole("link", { name: "Operations", exact: true }).click();
        await page.getByLabel("Find a product").fill("tent");
        await page.getByRole("button", { name: "Search" }).click();
        const notice = page.getByRole("status").filter({ hasText: "Questline may not read your catalog yet" });
        await notice.waitFor();
        expect(await notice.getByRole("link", { name: "Allow catalog access in Ecwid" }).getAttribute("href")).toBe(`${app.url}/oauth/start`);
        expect(watch.problems).toEqual([]);
        await context.close();
      },
      BROWSER_TEST_MS,
    );
  });
});
