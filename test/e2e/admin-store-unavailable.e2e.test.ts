import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createLowdbStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import { BROWSER_TEST_MS } from "../support/admin-dashboard-page.js";
import { launchBrowser, watchForProblems } from "../support/browser.js";
import { capturedLog } from "../support/captured-log.js";
import { aStoreId } from "../support/storage-fixtures.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const storeId = aStoreId();
let dataDir: string;
let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "questline-unavailable-"));
  await mkdir(join(dataDir, "stores"));
  await writeFile(join(dataDir, "stores", `${storeId}.json`), `{"version":1,"storeId":${storeId},"memb`);
  const { logger } = capturedLog();
  app = await startTestApp({ storage: await createLowdbStorage({ dataDir, logger }), logger });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await rm(dataDir, { recursive: true, force: true });
});

it(
  "when the merchant opens Questline (legacy #hex sign-in) for a store whose data could not be read, then the page says so instead of a dashboard that cannot load",
  async () => {
    const { accessToken } = await app.installStore({ storeId });
    const context = await browser.newContext();
    // Ecwid's SDK and stylesheet come from its CDN, which tests do not reach.
    await context.route(/cloudfront\.net/, (route) => route.fulfill({ status: 200, body: "" }));
    const page = await context.newPage();
    const watch = watchForProblems(page);
    watch.expectError("GET", "/api/admin/", 503);
    const hex = Buffer.from(JSON.stringify({ store_id: storeId, access_token: accessToken, lang: "en" })).toString("hex");

    await page.goto(`${app.url}/admin#${hex}`);

    const alert = page.getByRole("alert").filter({ hasText: "Your loyalty data could not be read" });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(`Questline could not read the data of store ${storeId}`);
    expect(await page.getByRole("navigation", { name: "Dashboard pages" }).count()).toBe(0);
    expect(watch.problems).toEqual([]);
    await context.close();
  },
  BROWSER_TEST_MS,
);
