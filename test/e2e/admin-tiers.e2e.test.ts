import type { FrameLocator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_STORE_ID } from "../../server/ecwid-emulator/index.js";
import { adminDashboardPage, area, BROWSER_TEST_MS, dashboardFrame, pageTab, shootDashboard, textOf } from "../support/admin-dashboard-page.js";
import { recordNativeDialogs } from "../support/native-dialogs.js";
import type { RunningDemoApp } from "../support/demo-app.js";

const SHOTS = "/tmp/shots-d1";
// The worker runs the group moves a new link queues.
const dashboard = adminDashboardPage({ worker: true });
const { openPage, adminGet, membersInStorage } = dashboard;
let app: RunningDemoApp;

beforeAll(async () => {
  app = await dashboard.start();
});

afterAll(async () => {
  await dashboard.stop();
});

afterEach(async () => {
  app.emulator.setCustomerGroupsFeature(DEMO_STORE_ID, true);
  await dashboard.closePage();
});

type Watch = Awaited<ReturnType<typeof openPage>>["watch"];

/** The dashboard open on its Tiers page; `expecting` declares the errors the test causes before the page asks anything of its own. */
async function openTiers(width = 1280, expecting: (watch: Watch) => void = () => {}): Promise<{ page: Page; frame: FrameLocator; watch: Watch }> {
  const { page, watch } = await openPage("/demo/admin", { width, height: 800 });
  expecting(watch);
  const frame = dashboardFrame(page);
  await pageTab(frame, "Tiers").click();
  await area(frame, "Ladder").getByRole("button", { name: "Add tier" }).waitFor();
  return { page, frame, watch };
}

/** A demo member with an Ecwid account who earned a tier above the first (one with an entry amount), and that tier. */
async function memberHoldingATier() {
  const { items } = await membersInStorage();
  const tiers: { id: string; name: string; threshold: number; multiplierPercent: number }[] = (await adminGet("/program/tiers")).items;
  const above = new Set(tiers.filter((tier) => tier.threshold > 0).map((tier) => tier.id));
  const member = items.find((one) => one.customerId !== null && above.has(one.tier?.earned.tierId ?? ""));
  if (!member?.tier?.earned.tierId || member.customerId === null) throw new Error("no demo member holds a tier above the first");
  return { customerId: member.customerId, tier: tiers.find((tier) => tier.id === member.tier?.earned.tierId)! };
}

describe("the Tiers page", () => {
  it(
    "when the merchant edits a tier's options and links it to a new Ecwid customer group, then saving waits for who it moves, the program holds every option and the member holding the tier is in that group in Ecwid",
    async () => {
      const { customerId, tier } = await memberHoldingATier();
      app.emulator.putCustomerGroup(DEMO_STORE_ID, { name: "Wholesale" });
      const { page, frame, watch } = await openTiers();
      // The first preview finds another running for the store: the page says it is counting and asks again after Retry-After.
      let refused = 0;
      await page.context().route("**/api/admin/program/tiers/preview", async (route) => {
        if (refused++ > 0) return route.fallback();
        await route.fulfill({
          status: 429,
          headers: { "Retry-After": "1" },
          contentType: "application/json",
          body: JSON.stringify({ code: "rate_limited", message: "busy", retryAfterSeconds: 1 }),
        });
      });
      watch.expectError("POST", "/api/admin/program/tiers/preview", 429);
      watch.expectError("POST", "/api/admin/program/tiers/preview", 400);

      const ladder = area(frame, "Ladder");
      await ladder.getByRole("button", { name: `Edit ${tier.name}` }).click();
      await frame.getByLabel("Points multiplier (%)").fill("150");
      await frame.getByLabel("Birthday points").fill("75");
      await frame.getByLabel(/^Keep amount/).fill("100000");
      await frame.getByLabel("Other perks", { exact: true }).fill("Free returns");
      // A tier with no group offers None and the store's groups, nothing else; creating one is a button beside them.
      const groupSelect = frame.getByLabel("Ecwid customer group", { exact: true });
      const named = (name: string) => app.emulator.getCustomerGroups(DEMO_STORE_ID).filter((one) => one.name === name);
      await groupSelect.and(frame.locator(":enabled")).waitFor();
      expect(await groupSelect.inputValue()).toBe("");
      expect(await groupSelect.locator("option").allTextContents()).toEqual(["None", "Wholesale"]);
      const createGroup = frame.getByRole("button", { name: `Create group “${tier.name}” in Ecwid` });
      await createGroup.click();
      await frame.getByText(`Created the group “${tier.name}” in Ecwid.`).waitFor();
      expect(named(tier.name)).toHaveLength(1);
      const group = named(tier.name)[0]!;
      expect(await groupSelect.inputValue()).toBe(String(group.id));
      // Asked again, the group of that name is chosen and no second one is made.
      await groupSelect.selectOption("");
      await createGroup.click();
      await frame.getByText(`The group “${tier.name}” already exists in Ecwid: chosen, nothing created.`).waitFor();
      expect(await groupSelect.inputValue()).toBe(String(group.id));
      expect(named(tier.name)).toHaveLength(1);

      await frame.getByRole("button", { name: "Check who moves" }).click();
      await frame.getByRole("status").filter({ hasText: "Counting the members this would move…" }).waitFor();
      // The preview judges the proposed tier as a save would: a keep amount above the entry is refused beside its field.
      const keepError = frame.locator(".ql-field-error", { hasText: "Must not be above the entry threshold." });
      await keepError.waitFor();
      expect(refused).toBe(2);
      expect(await frame.getByLabel(/^Keep amount/).getAttribute("aria-describedby")).toContain(await keepError.getAttribute("id"));
      await frame.getByLabel(/^Keep amount/).fill("1");
      await frame.getByRole("button", { name: "Check who moves" }).click();
      const notice = frame.locator(".alert", { hasText: "Before you save" });
      await notice.waitFor();
      expect(await textOf(notice)).toMatch(/Nothing moves: no member's tier would change \(\d+ members checked\)\.|members? moves? (up|down)/);
      expect((await adminGet("/program/tiers")).items.find((one: { id: string }) => one.id === tier.id).multiplierPercent).toBe(tier.multiplierPercent);
      await shootDashboard(page, `${SHOTS}/tier-editor-preview-1280.png`);

      await frame.getByRole("button", { name: "Save tier" }).click();
      const row = ladder.locator(".ql-items__item", { hasText: tier.name });
      await row.filter({ hasText: `group “${tier.name}”` }).waitFor();
      const counts: { tiers: { tierId: string; members: number }[] } = await adminGet("/program/tier-counts");
      const holders = counts.tiers.find((one) => one.tierId === tier.id)!.members;
      expect(holders).toBeGreaterThan(0);
      expect(await textOf(row)).toContain(`1.5× points · 75 points on birthdays · group “${tier.name}” · ${holders} ${holders === 1 ? "member" : "members"}`);
      expect((await adminGet("/program/tiers")).items.find((one: { id: string }) => one.id === tier.id)).toMatchObject({
        multiplierPercent: 150,
        birthdayPoints: 75,
        keepThreshold: 100,
        perks: "Free returns",
        customerGroupId: group.id,
      });
      // Saving a changed link walks the members; the worker moves the tier's holder into its group in Ecwid.
      await expect.poll(() => app.emulator.getCustomer(DEMO_STORE_ID, customerId)?.customerGroupId, { timeout: 20_000 }).toBe(group.id);
      expect(watch.problems).toEqual([]);
      await shootDashboard(page, `${SHOTS}/tiers-1280.png`);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the merchant changes how members qualify, then the page says who would move and when before saving, and the rules are saved only on confirming",
    async () => {
      const { frame, watch } = await openTiers();
      const rules = area(frame, "Qualifying");
      await rules.getByRole("button", { name: "Edit qualifying" }).click();
      await frame.getByLabel("Counted").selectOption("rolling_12_months");
      await frame.getByLabel("Grace days before a demotion").fill("14");
      await frame.getByRole("button", { name: "Check who moves" }).click();
      await frame.locator(".alert", { hasText: "Before you save" }).waitFor();
      expect(await adminGet("/program/tierRules")).toEqual({ metric: "spend", window: "lifetime", graceDays: 0 });
      // An edit after the preview asks again before saving.
      await frame.getByLabel("Grace days before a demotion").fill("10");
      await frame.getByRole("button", { name: "Check who moves" }).click();
      await frame.getByRole("button", { name: "Save qualifying" }).click();
      await rules.getByText("By money spent in the last 12 months. A member below their tier's keep amount has 10 days' grace first.").waitFor();
      expect(await adminGet("/program/tierRules")).toEqual({ metric: "spend", window: "rolling_12_months", graceDays: 10 });
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the merchant lowers a tier's entry amount, then before saving the page says how many members move up and when, and Cancel saves nothing",
    async () => {
      const { page, frame, watch } = await openTiers();
      await area(frame, "Ladder").getByRole("button", { name: "Edit Peak" }).click();
      await frame.getByLabel(/^Entry amount/).fill("1");
      await frame.getByRole("button", { name: "Check who moves" }).click();
      const notice = frame.locator(".alert", { hasText: "Before you save" });
      await notice.waitFor();
      expect(await textOf(notice)).toMatch(/^Before you save\d+ members? moves? up at their next order\.Nobody moves at once/);
      await shootDashboard(page, `${SHOTS}/tier-preview-moves-1280.png`);
      await frame.getByRole("button", { name: "Cancel" }).click();
      expect((await adminGet("/program/tiers")).items.find((tier: { name: string }) => tier.name === "Peak").threshold).toBe(75_000);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the merchant deletes a tier, then the in-page question says who it would move first, and Escape keeps the tier and gives focus back",
    async () => {
      const { page, frame, watch } = await openTiers();
      const dialogs = recordNativeDialogs(page);
      const ladder = area(frame, "Ladder");
      const deletePeak = ladder.getByRole("button", { name: "Delete Peak" });
      await deletePeak.click();
      const question = ladder.getByRole("group", { name: /^Delete the tier “Peak”\?/ });
      expect(await textOf(question.locator("p"))).toMatch(
        /^Delete the tier “Peak”\? (Nothing moves: no member's tier would change \(\d+ members checked\)\.|\d+ members? moves? (up|down))/,
      );
      const confirm = question.getByRole("button", { name: "Delete", exact: true });
      await expect.poll(() => confirm.evaluate((button) => button === document.activeElement)).toBe(true);
      await shootDashboard(page, `${SHOTS}/tier-delete-question-1280.png`);
      await page.keyboard.press("Escape");
      await question.waitFor({ state: "detached" });
      expect(await deletePeak.evaluate((button) => button === document.activeElement)).toBe(true);
      expect((await adminGet("/program/tiers")).items.map((tier: { name: string }) => tier.name)).toContain("Peak");
      expect(dialogs).toEqual([]);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the merchant measures tiers by points instead of money, then the form warns that the tiers' amounts keep their numbers",
    async () => {
      const { page, frame } = await openTiers(400);
      await area(frame, "Qualifying").getByRole("button", { name: "Edit qualifying" }).click();
      await frame.getByLabel("Measured by").selectOption("points");
      await frame.locator(".alert", { hasText: "The tiers' amounts keep their numbers" }).filter({ hasText: "An entry of $250 is stored as 25,000" }).waitFor();
      await shootDashboard(page, `${SHOTS}/qualifying-400.png`);
      await frame.getByLabel("Measured by").selectOption("spend");
      await frame.locator(".alert", { hasText: "The tiers' amounts keep their numbers" }).waitFor({ state: "detached" });
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the store's plan has no customer groups, then the tier form says so with the group control off, and checking every member's group again is refused with the reason",
    async () => {
      app.emulator.setCustomerGroupsFeature(DEMO_STORE_ID, false);
      const { page, frame, watch } = await openTiers(400, (watch) => {
        watch.expectError("GET", "/api/admin/customer-groups", 409);
        watch.expectError("POST", "/api/admin/customer-groups/sync", 409);
      });
      const groups = area(frame, "Ecwid customer groups");
      await groups.locator(".alert", { hasText: "Customer groups are off" }).waitFor();
      await groups.getByRole("button", { name: "Check every member's group again" }).click();
      await groups.getByRole("alert").filter({ hasText: "has no customer groups" }).waitFor();
      await area(frame, "Ladder").getByRole("button", { name: "Add tier" }).click();
      await frame.getByRole("heading", { name: "New tier" }).waitFor();
      await frame.locator("form .alert", { hasText: "Customer groups are off" }).waitFor();
      expect(await frame.getByLabel("Ecwid customer group", { exact: true }).isDisabled()).toBe(true);
      await shootDashboard(page, `${SHOTS}/tiers-no-groups-400.png`);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the plan has customer groups and the merchant checks every member's group again, then the page confirms what it started",
    async () => {
      const { page, frame, watch } = await openTiers(400);
      const groups = area(frame, "Ecwid customer groups");
      await groups.getByRole("button", { name: "Check every member's group again" }).click();
      await groups.getByRole("status").filter({ hasText: "Every member's group is being checked again" }).waitFor();
      // Asked again at once, nothing new starts, and the page says so.
      await groups.getByRole("button", { name: "Check every member's group again" }).click();
      await groups.getByRole("status").filter({ hasText: "started less than a minute ago and is still running, so no other was started" }).waitFor();
      await shootDashboard(page, `${SHOTS}/tiers-400.png`);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );
});
