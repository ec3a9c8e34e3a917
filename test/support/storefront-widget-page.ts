import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";
import { DEMO_STORE_ID } from "../../server/ecwid-emulator/index.js";
import { buildWidget } from "../../scripts/build-widget.mjs";
import { launchBrowser } from "./browser.js";
import { startDemoApp, type RunningDemoApp } from "./demo-app.js";

/** Finding the widget's parts on a storefront page in a browser test. */
export const launcher = (page: Page) => page.locator("questline-widget button[aria-controls=ql-panel]");
export const panel = (page: Page) => page.locator("questline-widget").getByRole("dialog");
export const host = (page: Page) => page.locator("questline-widget");

/** The id (or class) of the focused element inside the widget's shadow root. */
export const focusedInWidget = (page: Page) =>
  host(page).evaluate((element) => {
    const focused = element.shadowRoot?.activeElement;
    return focused ? focused.id || focused.className : null;
  });

export const text = async (locator: Locator) => ((await locator.first().textContent()) ?? "").replace(/\s+/g, " ").trim();

/** The six-digit code the demo app last emailed to `email`. */
export async function codeFor(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/demo/outbox.json`);
  const { messages } = (await response.json()) as { messages: { to: string; subject: string; text: string }[] };
  const code = /\b\d{6}\b/.exec(messages.find((m) => m.to === email)?.text ?? "")?.[0];
  if (!code) throw new Error(`the outbox holds no code for ${email}`);
  return code;
}

export interface DemoStorefront {
  readonly app: RunningDemoApp;
  readonly browser: Browser;
  /** A page in a fresh browser context (closed after the test), at the given window size. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
}

/** For a browser test file: the demo app with a freshly built widget, and Chromium, for all its tests. */
export function useDemoStorefront(): DemoStorefront {
  let app: RunningDemoApp;
  let browser: Browser;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    await buildWidget();
    app = await startDemoApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });
  return {
    get app() {
      return app;
    },
    get browser() {
      return browser;
    },
    async newPage(viewport = { width: 1280, height: 800 }) {
      context = await browser.newContext({ viewport });
      return context.newPage();
    },
  };
}

/** Signs `email` in through the open panel with the code the demo app emailed, and waits for their points. */
export async function signInInWidget(page: Page, baseUrl: string, email: string): Promise<void> {
  await panel(page).getByLabel("Email address").fill(email);
  await panel(page).getByRole("button", { name: "Send code" }).click();
  await panel(page).getByLabel("6-digit code").waitFor();
  await panel(page)
    .getByLabel("6-digit code")
    .fill(await codeFor(baseUrl, email));
  await panel(page).getByRole("button", { name: "Sign in", exact: true }).click();
  await panel(page).getByText("Your points", { exact: true }).waitFor();
}

/** The demo store's admin API as its merchant: `method` on `/api/admin/${path}`, answered 200 with JSON. */
export async function demoAdmin(app: RunningDemoApp, storeId: number, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const session = await fetch(`${app.baseUrl}/api/admin/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ payload: app.emulator.encryptedPayload(storeId) }),
  });
  const { token } = (await session.json()) as { token: string };
  const response = await fetch(`${app.baseUrl}/api/admin/${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** The demo store's program settings: read them, or save `body`. */
export const demoSettings = (app: RunningDemoApp, storeId: number, body?: unknown) => demoAdmin(app, storeId, body === undefined ? "GET" : "PUT", "settings", body);

/** For a browser test file: the demo store's program changed by `change` for all its tests, and put back after. */
export function useDemoProgram(store: DemoStorefront, change: (original: Record<string, unknown>) => Record<string, unknown>): void {
  let original: Record<string, unknown>;
  beforeAll(async () => {
    original = await demoSettings(store.app, DEMO_STORE_ID);
    await demoSettings(store.app, DEMO_STORE_ID, change(original));
  });
  afterAll(() => demoSettings(store.app, DEMO_STORE_ID, original));
}
