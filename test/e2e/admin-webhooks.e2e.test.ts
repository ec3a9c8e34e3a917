import { describe, expect, it } from "vitest";
import { adminDashboardSuite, area, BROWSER_TEST_MS, dashboardDocument, dashboardFrame, pageTab, shootDashboard, SHOTS } from "../support/admin-dashboard-page.js";
import { seriousAxeFindings } from "../support/axe.js";

const dashboard = adminDashboardSuite();

describe("webhooks in the dashboard", () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 360, height: 740 },
  ]) {
    it(
      `when the merchant adds an endpoint at ${viewport.width} px and sends a test event, then the secret is shown once and the delivery is listed`,
      async () => {
        const { page, watch } = await dashboard.openPage("/demo/admin", viewport);
        const frame = dashboardFrame(page);
        await pageTab(frame, "API").click();
        const hooks = area(frame, "Webhooks");
        const url = `https://hooks.example.com/questline-${viewport.width}`;
        await hooks.getByLabel("Endpoint URL").fill(url);
        await hooks.getByLabel("Description").fill("Klaviyo flow");
        await hooks.getByLabel("Reward redeemed (reward.redeemed)").check();
        await hooks.getByRole("button", { name: "Add endpoint" }).click();
        const secret = await hooks.getByLabel("The signing secret");
        await secret.waitFor();
        const endpoint = hooks.locator("[data-testid=webhook-endpoint]", { hasText: url });
        await endpoint.getByRole("button", { name: "Send test event" }).click();
        await endpoint.locator("[data-testid=webhook-deliveries] tbody tr", { hasText: "webhook.test" }).waitFor();
        const axe = await seriousAxeFindings(await dashboardDocument(page));
        await shootDashboard(page, `${SHOTS}/admin-webhooks-${viewport.width}.png`);

        expect(await secret.inputValue()).toMatch(/^whsec_/);
        expect(await endpoint.textContent()).toContain("member.points_changed, reward.redeemed");
        await hooks.getByRole("button", { name: "I have saved it" }).click();
        expect(await hooks.getByLabel("The signing secret").count()).toBe(0);
        await endpoint.getByRole("button", { name: "Delete" }).click();
        await endpoint.waitFor({ state: "detached" });
        expect(axe).toEqual([]);
        expect(watch.problems).toEqual([]);
      },
      BROWSER_TEST_MS,
    );
  }
});
