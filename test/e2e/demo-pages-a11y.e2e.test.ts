import { describe, expect, it } from "vitest";
import { seriousAxeFindings } from "../support/axe.js";
import { launcher, panel, useDemoStorefront } from "../support/storefront-widget-page.js";

const BROWSER_TEST_MS = 90_000;
const WIDTHS = [
  { name: "desktop", viewport: { width: 1280, height: 800 } },
  { name: "a 360px phone", viewport: { width: 360, height: 740 } },
];

const store = useDemoStorefront();

describe.each(WIDTHS)("the demo pages on $name", ({ viewport }) => {
  it(
    "when the demo storefront, its cart, the control panel around the app and its orders page are checked, then axe finds nothing serious or critical",
    async () => {
      const page = await store.newPage(viewport);
      const findings: Record<string, unknown[]> = {};
      for (const path of ["/demo", "/demo/store", "/demo/admin", "/demo/admin/orders", "/demo/outbox"]) {
        const response = await page.goto(`${store.app.baseUrl}${path}`);
        expect(response?.status(), path).toBe(200);
        findings[path] = await seriousAxeFindings(page);
      }
      await page.goto(`${store.app.baseUrl}/demo/store`);
      await launcher(page).click();
      await panel(page).getByRole("button", { name: "Send code" }).waitFor();
      findings["/demo/store with the widget open"] = await seriousAxeFindings(page);
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "Add to cart: Trail Runner Shoes" }).click();
      await page.getByRole("dialog", { name: "Your cart" }).waitFor();
      findings["/demo/store with the cart open"] = await seriousAxeFindings(page);
      expect(findings).toEqual(Object.fromEntries(Object.keys(findings).map((path) => [path, []])));
    },
    BROWSER_TEST_MS,
  );
});
