import type { Browser, BrowserContext, FrameLocator, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { DEMO_STORE_ID } from "../../server/ecwid-emulator/index.js";
import { launchBrowser, watchForProblems, type ProblemWatch } from "./browser.js";
import { startDemoApp, type RunningDemoApp } from "./demo-app.js";
import { pendingInboxEvent } from "../../server/modules/inbox/inbox-event.js";
import { createInboxWorker } from "../../server/jobs/create-inbox-worker.js";
import type { InboxWorker } from "../../server/jobs/inbox-worker.js";

export const BROWSER_TEST_MS = 60_000;

/** Where browser tests save the screenshots people look at (docs/ keeps the ones the README shows). */
export const SHOTS = process.env.SHOTS_DIR ?? "/tmp/shots";

/**
 * The demo app and a headless browser for one test file, with the helpers that drive the merchant
 * dashboard. Call start() in beforeAll, stop() in afterAll and closePage() in afterEach. With `worker`, an inbox
 * worker runs the background jobs as in demo mode (measurements, group moves).
 */
export function adminDashboardPage(options: { worker?: boolean } = {}) {
  let app: RunningDemoApp | undefined;
  let browser: Browser | undefined;
  let worker: InboxWorker | undefined;
  const contexts: BrowserContext[] = [];

  const running = () => {
    if (!app || !browser) throw new Error("the admin dashboard page is not started: call start() in beforeAll");
    return { app, browser };
  };

  const membersInStorage = () => {
    const { app } = running();
    return app.container.storage.transaction(DEMO_STORE_ID, (tx) => tx.members.list(DEMO_STORE_ID, { limit: 100, offset: 0 }));
  };

  return {
    /** Starts the demo app, then the browser; returns the app for tests that reach its container. */
    async start(): Promise<RunningDemoApp> {
      app = await startDemoApp();
      browser = await launchBrowser();
      if (options.worker) {
        worker = createInboxWorker(app.container, { idleMs: 10 });
        worker.start();
      }
      return app;
    },

    async stop(): Promise<void> {
      await worker?.stop();
      await browser?.close();
      await app?.close();
    },

    /** Closes the browser contexts openPage() made. */
    async closePage(): Promise<void> {
      for (const open of contexts.splice(0)) await open.close();
    },

    /** A page in a fresh browser context (a second call while the first is open is another tab, another sign-in). */
    async openPage(path: string, viewport = { width: 1280, height: 800 }): Promise<{ page: Page; watch: ProblemWatch }> {
      const { app, browser } = running();
      const context = await browser.newContext({ viewport });
      contexts.push(context);
      const page = await context.newPage();
      const watch = watchForProblems(page);
      await page.goto(`${app.baseUrl}${path}`);
      return { page, watch };
    },

    membersInStorage,

    /** GET on the admin API as the merchant, with a session opened from the store's token (the legacy sign-in). */
    async adminGet(path: string) {
      const { app } = running();
      const post = { storeId: DEMO_STORE_ID, accessToken: await app.container.installs.accessToken(DEMO_STORE_ID) };
      const session = await fetch(`${app.baseUrl}/api/admin/session`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(post) });
      const { token } = (await session.json()) as { token: string };
      const response = await fetch(`${app.baseUrl}/api/admin${path}`, { headers: { Authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      return response.json();
    },

    /** An order event that failed for good: stored, taken once by a worker and failed with no retry left. */
    async failedOrderEvent(eventId: string, orderId: string, error: string) {
      const { inbox } = running().app.container.storage;
      const now = new Date();
      await inbox.add(
        DEMO_STORE_ID,
        pendingInboxEvent({ eventId, storeId: DEMO_STORE_ID, eventType: "order.updated", entityId: "1", data: { orderId }, eventCreated: Math.floor(now.getTime() / 1000) }, now),
      );
      const claimed = await inbox.claimNext(now, 60_000);
      expect(claimed?.eventId).toBe(eventId);
      await inbox.fail(DEMO_STORE_ID, eventId, error, null);
    },
  };
}

/**
 * adminDashboardPage() for a whole test file: started before its tests, each test's pages closed after it, stopped
 * after them all. `app` is the running demo app once started.
 */
export function adminDashboardSuite(options: { worker?: boolean } = {}) {
  const dashboard = adminDashboardPage(options);
  let app: RunningDemoApp | undefined;
  beforeAll(async () => {
    app = await dashboard.start();
  });
  afterAll(() => dashboard.stop());
  afterEach(() => dashboard.closePage());
  return {
    ...dashboard,
    get app(): RunningDemoApp {
      if (!app) throw new Error("the admin dashboard page is not started yet");
      return app;
    },
  };
}

/** yyyy-mm-dd of the local day `daysBack` days ago, as the browser (same machine, same zone) computes it. */
export function localDay(daysBack: number) {
  const date = new Date();
  date.setDate(date.getDate() - daysBack);
  return [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n, i) => String(n).padStart(i ? 2 : 4, "0")).join("-");
}

/** The dashboard inside the demo control panel. */
export const dashboardFrame = (page: Page) => page.frameLocator("#app-frame");
export const pageTab = (frame: FrameLocator, name: string) => frame.getByRole("navigation", { name: "Dashboard pages" }).getByRole("link", { name, exact: true });
export const memberRow = (frame: FrameLocator, email: string) => frame.locator("[data-testid=members] tbody tr", { hasText: email });
export const ledgerRows = (frame: FrameLocator) => frame.locator("[data-testid=ledger] tbody tr");
export const activityItems = (frame: FrameLocator) => frame.getByRole("list", { name: "Activity, newest first" }).getByRole("listitem");
/** A named area of a page (Earning rule, Challenges...), found by its heading. */
export const area = (frame: FrameLocator, title: string) => frame.locator("section.named-area", { has: frame.getByRole("heading", { name: title, exact: true }) });
export const text = async (frame: FrameLocator, selector: string) => ((await frame.locator(selector).first().textContent()) ?? "").replace(/\s+/g, " ").trim();
export const textOf = async (locator: Locator) => ((await locator.first().textContent()) ?? "").replace(/\s+/g, " ").trim();

/** The dashboard's own document inside the demo control panel, for axe and for moving it to a page. */
export async function dashboardDocument(page: Page) {
  const frame = await (await page.waitForSelector("#app-frame")).contentFrame();
  if (!frame) throw new Error("the dashboard iframe has no document");
  return frame;
}

/** A screenshot at `path` of the whole dashboard (or of `only`): the window grown tall enough for the frame to show everything, then put back. */
export async function shootDashboard(page: Page, path: string, only?: Locator) {
  const viewport = page.viewportSize()!;
  const height = await dashboardFrame(page)
    .locator("body")
    .evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.min(height + 200, 6000) });
  const clip = only ? await only.boundingBox() : null;
  await page.screenshot({ path, ...(clip ? { clip } : {}) });
  await page.setViewportSize(viewport);
}
