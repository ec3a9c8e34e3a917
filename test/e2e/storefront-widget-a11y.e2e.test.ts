import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_STORE_ID } from "../../server/ecwid-emulator/index.js";
import { seriousAxeFindings, type AxeFinding } from "../support/axe.js";
import { codeFor, focusedInWidget, host, launcher, panel, useDemoStorefront } from "../support/storefront-widget-page.js";

const BROWSER_TEST_MS = 90_000;
const WIDTHS = [
  { name: "desktop", viewport: { width: 1280, height: 800 } },
  { name: "a 360px phone", viewport: { width: 360, height: 740 } },
];

const store = useDemoStorefront();

async function openStore(viewport: { width: number; height: number }, query = ""): Promise<Page> {
  const page = await store.newPage(viewport);
  await page.goto(`${store.app.baseUrl}/demo/store${query}`);
  await launcher(page).waitFor();
  return page;
}

const widgetFindings = (page: Page) => seriousAxeFindings(page, "questline-widget");

async function reopen(page: Page): Promise<void> {
  await page.keyboard.press("Escape");
  await panel(page).waitFor({ state: "hidden" });
  await launcher(page).click();
}

/** Signs in by emailed code and gives the member a shown adjustment, so every signed-in section has content. */
async function signIn(page: Page, email: string): Promise<void> {
  await panel(page).getByLabel("Email address").fill(email);
  await panel(page).getByRole("button", { name: "Send code" }).click();
  await panel(page).getByLabel("6-digit code").waitFor();
  await panel(page)
    .getByLabel("6-digit code")
    .fill(await codeFor(store.app.baseUrl, email));
  await panel(page).getByRole("button", { name: "Sign in" }).click();
  await panel(page).getByText("Your points", { exact: true }).waitFor();
  const member = await store.app.container.storage.read(DEMO_STORE_ID, (tx) => tx.members.findByEmail(DEMO_STORE_ID, email));
  await store.app.container.ledger.adjust({
    storeId: DEMO_STORE_ID,
    memberId: member!.id,
    points: 25,
    reason: "Welcome",
    visibleToShopper: true,
    actor: "owner",
    requestKey: null,
  });
}

describe.each(WIDTHS)("the storefront widget on $name", ({ name, viewport }) => {
  it(
    "when it is closed, open signed out, waiting for a code, signed in and showing an error, then axe finds nothing serious or critical",
    async () => {
      const page = await openStore(viewport);
      const findings: Record<string, AxeFinding[]> = { closed: await widgetFindings(page) };

      await launcher(page).click();
      await panel(page).getByRole("button", { name: "Send code" }).waitFor();
      findings.signedOut = await widgetFindings(page);

      await panel(page).getByRole("button", { name: "Send code" }).click();
      await panel(page).getByRole("alert").filter({ hasText: "email" }).waitFor();
      findings.badEmail = await widgetFindings(page);

      const email = `axe-${viewport.width}@example.com`;
      await panel(page).getByLabel("Email address").fill(email);
      await panel(page).getByRole("button", { name: "Send code" }).click();
      await panel(page).getByLabel("6-digit code").waitFor();
      findings.codeSent = await widgetFindings(page);

      await panel(page).getByRole("button", { name: "Use another email" }).click();
      await signIn(page, email);
      await reopen(page);
      await panel(page).getByRole("region", { name: "Recent activity" }).waitFor();
      expect(await panel(page).getByRole("progressbar").count()).toBeGreaterThanOrEqual(5);
      findings.signedIn = await widgetFindings(page);

      await page.route("**/me?*", (route) => route.fulfill({ status: 503, contentType: "application/json", body: '{"code":"unavailable","message":"down"}' }));
      await reopen(page);
      await panel(page).getByRole("button", { name: "Try again" }).waitFor();
      findings.error = await widgetFindings(page);

      expect(findings, name).toEqual({ closed: [], signedOut: [], badEmail: [], codeSent: [], signedIn: [], error: [] });
    },
    BROWSER_TEST_MS,
  );
});

describe("the panel as a dialog", () => {
  it(
    "when it opens on a 360px phone, then it is a modal sheet: Tab and Shift+Tab go round inside it and never reach the page behind",
    async () => {
      const page = await openStore({ width: 360, height: 740 });
      await launcher(page).click();
      await panel(page).getByRole("button", { name: "Send code" }).waitFor();
      expect(await panel(page).getAttribute("aria-modal")).toBe("true");
      expect(await panel(page).getAttribute("lang")).toBe("en");

      const visited: (string | null)[] = [];
      for (const key of [...Array<string>(12).fill("Tab"), ...Array<string>(12).fill("Shift+Tab")]) {
        await page.keyboard.press(key);
        expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("QUESTLINE-WIDGET");
        expect(await host(page).evaluate((element) => element.shadowRoot!.getElementById("ql-panel")!.contains(element.shadowRoot!.activeElement))).toBe(true);
        visited.push(await focusedInWidget(page));
      }
      expect(visited.slice(0, 3)).toEqual(["x", "bd", "ql-email"]);
      expect(new Set(visited).size).toBeGreaterThanOrEqual(4);

      await page.keyboard.press("Escape");
      await panel(page).waitFor({ state: "hidden" });
      expect(await focusedInWidget(page)).toBe("launcher");
    },
    BROWSER_TEST_MS,
  );

  it(
    "when it opens on a desktop beside the page, then it is a non-modal dialog in the shopper's language",
    async () => {
      const page = await openStore({ width: 1280, height: 800 }, "?lang=nl");
      await launcher(page).click();
      await panel(page).getByRole("heading", { name: "Beloningen", level: 2 }).waitFor();
      expect(await panel(page).getAttribute("aria-modal")).toBe("false");
      expect(await panel(page).getAttribute("lang")).toBe("nl");
      expect(await launcher(page).getAttribute("lang")).toBe("nl");
    },
    BROWSER_TEST_MS,
  );
});
