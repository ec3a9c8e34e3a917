import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_STORE_ID } from "../../server/ecwid-emulator/index.js";
import { adminDashboardPage, area, BROWSER_TEST_MS, dashboardFrame, textOf } from "../support/admin-dashboard-page.js";
import type { RunningDemoApp } from "../support/demo-app.js";

const dashboard = adminDashboardPage();
const { openPage, adminGet } = dashboard;
let app: RunningDemoApp;

beforeAll(async () => {
  app = await dashboard.start();
});

afterAll(async () => {
  await dashboard.stop();
});

afterEach(async () => {
  await dashboard.closePage();
});

describe("the leaderboard in the merchant dashboard", () => {
  it(
    "when the merchant turns the leaderboard on with a size, then a size out of range is explained at its field, the saved board is what the server keeps, and the widget's program says it is on",
    async () => {
      expect((await adminGet("/settings")).leaderboard).toEqual({ enabled: false, size: 10 });
      const { page, watch } = await openPage("/demo/admin");
      const frame = dashboardFrame(page);
      const board = area(frame, "Leaderboard");
      await board.locator(".feature-element__status", { hasText: "The widget shows no leaderboard." }).waitFor();
      expect(await textOf(board.locator(".named-area__subtitle"))).toContain("first name and last initial");

      await board.getByRole("button", { name: "Edit leaderboard" }).click();
      await board.getByLabel("Show this month's top members in the widget").check();
      watch.expectError("PUT", "/api/admin/program/leaderboard", 400);
      await board.getByLabel("Members shown (3 to 50)").fill("60");
      await board.getByRole("button", { name: "Save leaderboard" }).click();
      await board.locator(".ql-field-error", { hasText: "Must be at most 50." }).waitFor();
      expect((await adminGet("/settings")).leaderboard).toEqual({ enabled: false, size: 10 });

      await board.getByLabel("Members shown (3 to 50)").fill("5");
      await board.getByRole("button", { name: "Save leaderboard" }).click();
      await board.getByRole("status").filter({ hasText: "Leaderboard saved." }).waitFor();
      expect(await textOf(board.locator(".feature-element__status"))).toBe("The widget shows this month's top 5 members by points earned.");
      expect((await adminGet("/settings")).leaderboard).toEqual({ enabled: true, size: 5 });
      const program = await fetch(`${app.baseUrl}/api/storefront/${DEMO_STORE_ID}/program`).then((response) => response.json());
      expect(program.leaderboard).toEqual({ enabled: true });
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );
});
