import { describe, expect, it } from "vitest";
import { DEMO_STORE_ID } from "../../server/ecwid-emulator/index.js";
import { watchForProblems } from "../support/browser.js";
import { useDemoStorefront } from "../support/storefront-widget-page.js";

const BROWSER_TEST_MS = 60_000;
const MAYA = "maya.chen@example.com";

const store = useDemoStorefront();

describe("the demo outbox", () => {
  it(
    "when a member opens the unsubscribe link of a program email in the outbox, then the page opens in a tab of its own, its button unsubscribes, and no more program emails go",
    async () => {
      const { container } = store.app;
      const maya = await container.storage.read(DEMO_STORE_ID, (tx) => tx.members.findByEmail(DEMO_STORE_ID, MAYA));
      const at = new Date(Date.now() + 10 * 86_400_000).toISOString();
      expect(await container.emails.expiringSoon(DEMO_STORE_ID, maya!.id, { points: 150, at })).toBe(true);

      const page = await store.newPage();
      const watch = watchForProblems(page);
      await page.goto(`${store.app.baseUrl}/demo/outbox`);
      const email = page.frameLocator("iframe.demo-outbox__html").first();
      const opened = page.context().waitForEvent("page");
      await email.getByRole("link", { name: "Unsubscribe from these emails" }).click();
      const tab = await opened;
      const tabWatch = watchForProblems(tab);
      tabWatch.expectError("GET", "/favicon.ico", 404); // the shopper's page names no icon; the browser asks anyway
      await tab.getByRole("button", { name: "Unsubscribe" }).click();
      await tab.getByText("You are unsubscribed.").waitFor();

      const after = await container.storage.read(DEMO_STORE_ID, (tx) => tx.members.get(DEMO_STORE_ID, maya!.id));
      expect(after?.unsubscribedAt).not.toBeNull();
      expect(await container.emails.expiringSoon(DEMO_STORE_ID, maya!.id, { points: 150, at: new Date(Date.now() + 20 * 86_400_000).toISOString() })).toBe(false);
      expect(page.url()).toBe(`${store.app.baseUrl}/demo/outbox`);
      expect([...watch.problems, ...tabWatch.problems]).toEqual([]);
    },
    BROWSER_TEST_MS,
  );
});
