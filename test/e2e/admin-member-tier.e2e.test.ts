import { mkdir } from "node:fs/promises";
import type { FrameLocator, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_STORE_ID } from "../../server/ecwid-emulator/index.js";
import { createInboxWorker } from "../../server/jobs/create-inbox-worker.js";
import { adminDashboardPage, area, BROWSER_TEST_MS, dashboardDocument, dashboardFrame, pageTab, shootDashboard, textOf } from "../support/admin-dashboard-page.js";
import { seriousAxeFindings } from "../support/axe.js";
import type { RunningDemoApp } from "../support/demo-app.js";

const NORA = "nora.berg@example.com";
const OLA = "ola.nordmann@example.com";
const TENT = 700103;
const SHOTS = "/tmp/shots-d2";
const MERCHANT = { actor: "owner@trailhead.example" };

const dashboard = adminDashboardPage();
const { openPage, adminGet, membersInStorage } = dashboard;
let app: RunningDemoApp;

beforeAll(async () => {
  app = await dashboard.start();
  await mkdir(SHOTS, { recursive: true });
  // Two invitation-only tiers above the demo's ladder (Base camp, Ridge at $250, Peak at $750).
  await app.container.programItems.create(DEMO_STORE_ID, "tiers", { id: "tr_club", name: "Summit club", threshold: 100_000, inviteOnly: true }, MERCHANT.actor);
  await app.container.programItems.create(DEMO_STORE_ID, "tiers", { id: "tr_guide", name: "Guide", threshold: 90_000, inviteOnly: true }, MERCHANT.actor);
});
afterAll(async () => {
  await dashboard.stop();
});
afterEach(async () => {
  await dashboard.closePage();
});

const shoot = (page: Page, name: string, only?: Locator) => shootDashboard(page, `${SHOTS}/${name}.png`, only);
const overflow = (frame: FrameLocator) => frame.locator("body").evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** A paid order of `dollars` for `email`, told to Questline by the emulator's signed webhook and booked by the worker. */
async function paidOrder(email: string, items: { name: string; price: number; productId?: number }[]) {
  const order = app.emulator.putOrder(DEMO_STORE_ID, { email, paymentStatus: "PAID", items });
  const sent = await app.emulator.sendWebhook({ url: `${app.baseUrl}/webhooks/ecwid`, ...app.emulator.orderWebhook(DEMO_STORE_ID, order.id, "order.created") });
  expect(sent.status).toBe(200);
  await createInboxWorker(app.container).drain();
  return order;
}

const memberByEmail = async (email: string) => (await membersInStorage()).items.find((member) => member.email === email)!;
const openMember = async (page: Page, memberId: string) => (await dashboardDocument(page)).evaluate((id) => (window.location.hash = `#/members/${id}`), memberId);
/** The dashboard opened on the member's page, and its tier panel. */
async function memberTierPanel(memberId: string, viewport?: { width: number; height: number }) {
  const { page, watch } = await openPage("/demo/admin", viewport);
  const frame = dashboardFrame(page);
  await frame.getByRole("navigation", { name: "Dashboard pages" }).waitFor();
  await openMember(page, memberId);
  return { page, watch, frame, panel: frame.locator(".ql-member-tier") };
}
const fact = (panel: Locator, label: string) => textOf(panel.locator(".ql-facts__item", { has: panel.page().locator(`dt:text-is("${label}")`) }).locator("dd"));
const historyRows = (panel: Locator) => panel.locator("[data-testid=tier-changes] tbody tr");
const rowText = async (row: Locator) => (await row.locator("th, td").allTextContents()).map((cell) => cell.trim());

describe("a member's tier on their page", () => {
  it(
    "when a shopper's paid orders lift them to Ridge, then the merchant sees the tier, what Peak needs and each change with what was measured; an invitation-only tier refused is said, one given shows and is recorded, and taken away after a question",
    async () => {
      await paidOrder(NORA, [{ name: "Rain Shell Jacket", price: 150 }]);
      await paidOrder(NORA, [{ name: "Trail Runner Shoes", price: 120 }]);
      const nora = await memberByEmail(NORA);

      const { page, watch, panel } = await memberTierPanel(nora.id);
      await panel.getByRole("heading", { name: "Tier", exact: true }).waitFor();

      expect(await fact(panel, "Tier")).toBe("Ridge");
      expect(await textOf(panel.getByTestId("member-tier-how"))).toMatch(/^Earned since \w{3} \d{1,2}, \d{4}$/);
      expect(await fact(panel, "Spent (lifetime)")).toBe("$270");
      expect(await fact(panel, "To reach Peak")).toBe("$480 more");
      expect(await fact(panel, "To keep Ridge")).toBe("Kept");
      const rows = historyRows(panel);
      expect(await rows.count()).toBe(2);
      expect((await panel.locator("[data-testid=tier-changes] thead th").allTextContents()).map((cell) => cell.trim())).toEqual(["When", "Change", "Why", "Spent then"]);
      expect((await rowText(rows.nth(0))).slice(1)).toEqual(["Base camp → Ridge", "Reached the tier's entry amount", "$270"]);
      expect((await rowText(rows.nth(1))).slice(1)).toEqual(["No tier → Base camp", "Reached the tier's entry amount", "$150"]);
      await shoot(page, "member-tier-earned-1280", panel);

      // Guide stops being a tier while the page is open: giving it is refused, said, and changes nothing.
      await app.container.programItems.remove(DEMO_STORE_ID, "tiers", "tr_guide", MERCHANT);
      const select = panel.getByLabel("Invitation-only tier");
      expect(await select.locator("option").allTextContents()).toEqual(["Summit club", "Guide"]);
      await select.selectOption("tr_guide");
      watch.expectError("PUT", `/api/admin/members/${nora.id}/tier`, 400);
      await panel.getByRole("button", { name: "Give tier" }).click();
      const refusal = panel.getByRole("alert");
      await refusal.waitFor();
      expect(await textOf(refusal)).toBe("Not changedTier tr_guide is not an invitation-only tier of this program");
      expect((await memberByEmail(NORA)).tier?.assigned).toBeNull();

      await select.selectOption("tr_club");
      await panel.getByRole("button", { name: "Give tier" }).click();
      await panel.getByRole("status").filter({ hasText: "Summit club given." }).waitFor();
      await expect.poll(() => fact(panel, "Tier")).toBe("Summit club");
      expect(await textOf(panel.getByTestId("member-tier-how"))).toMatch(/^Given by .+ on \w{3} \d{1,2}, \d{4}$/);
      expect(await textOf(panel.locator(".ql-member-tier__given"))).toMatch(/^Given Summit club by .+ on /);
      expect((await rowText(rows.nth(0))).slice(1, 3)).toEqual(["Ridge → Summit club", expect.stringMatching(/^Given by /)]);
      expect((await rowText(rows.nth(0)))[3]).toBe("—");
      expect((await memberByEmail(NORA)).tier?.assigned?.tierId).toBe("tr_club");
      expect(await seriousAxeFindings(await dashboardDocument(page))).toEqual([]);
      await shoot(page, "member-tier-given-1280");

      // Take away asks first; Escape keeps the tier and gives focus back to the button.
      const takeAway = panel.getByRole("button", { name: "Take away", exact: true });
      await takeAway.click();
      const question = panel.getByRole("group", { name: "Take Summit club away?" });
      const confirm = question.getByRole("button", { name: "Take Summit club away" });
      await expect.poll(() => confirm.evaluate((button) => button === document.activeElement)).toBe(true);
      await shoot(page, "member-tier-take-away-question", panel);
      await page.keyboard.press("Escape");
      await expect.poll(() => takeAway.evaluate((button) => button === document.activeElement)).toBe(true);
      expect((await memberByEmail(NORA)).tier?.assigned?.tierId).toBe("tr_club");

      await takeAway.click();
      await confirm.click();
      await panel.getByRole("status").filter({ hasText: "Summit club taken away." }).waitFor();
      await expect.poll(() => fact(panel, "Tier")).toBe("Ridge");
      expect((await rowText(rows.nth(0))).slice(1, 3)).toEqual(["Summit club → Ridge", expect.stringMatching(/^Taken away by /)]);
      expect(await rows.count()).toBe(4);
      expect((await memberByEmail(NORA)).tier?.assigned).toBeNull();
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the member page is opened on a phone, then the tier panel stacks without sideways scrolling",
    async () => {
      const nora = await memberByEmail(NORA);
      const { page, watch, frame, panel } = await memberTierPanel(nora.id, { width: 400, height: 800 });
      await historyRows(panel).first().waitFor();
      expect(await fact(panel, "Tier")).toBe("Ridge");
      expect(await overflow(frame)).toBeLessThanOrEqual(0);
      await shoot(page, "member-tier-400");
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );
});

describe("a member in grace", () => {
  it(
    "when a member's earned tier is in its grace, then the panel warns what keeping it needs and by when",
    async () => {
      const lena = await memberByEmail("lena.novak@example.com");
      const graceEndsAt = new Date(Date.now() + 10 * 86_400_000).toISOString();
      const at = new Date().toISOString();
      await app.container.storage.transaction(DEMO_STORE_ID, (tx) =>
        tx.members.update(DEMO_STORE_ID, {
          ...lena,
          tier: { earned: { tierId: "tr_peak", since: at, graceEndsAt, reviewAt: graceEndsAt, reviewedAt: at }, paid: null, assigned: null, group: null },
        }),
      );
      const { standing } = await adminGet(`/members/${lena.id}/tier`);
      expect(standing.keep).toMatchObject({ threshold: 75_000, grace: true, by: graceEndsAt });
      const cents: number = standing.keep.needed;
      const needed = `$${cents % 100 === 0 ? cents / 100 : (cents / 100).toFixed(2)}`;

      const { page, watch, frame, panel } = await memberTierPanel(lena.id);
      const warning = panel.locator(".alert-warning");
      await warning.waitFor();
      const by = await frame.locator("body").evaluate((_, iso) => new Intl.DateTimeFormat("en", { dateStyle: "medium" }).format(new Date(iso)), graceEndsAt);
      expect(await textOf(warning)).toBe(`In graceBelow Peak's keep amount of $750: ${needed} more by ${by} keeps it, or the member moves down then.`);
      expect(await fact(panel, `To keep Peak by ${by}`)).toBe(`${needed} more`);
      await shoot(page, "member-tier-grace-1280", panel);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );
});

describe("paid memberships on the Tiers page", () => {
  it(
    "when the merchant adds a pass, then a missing product and zero months are said beside their fields, a save over another tab's asks first, and once saved a paid order holding the product gives its buyer the tier until a date the member page shows",
    async () => {
      const { page, watch } = await openPage("/demo/admin");
      const frame = dashboardFrame(page);
      await pageTab(frame, "Tiers").click();
      const passes = area(frame, "Paid memberships");
      await passes.locator(".feature-element__status", { hasText: "None on sale." }).waitFor();
      expect(await textOf(passes.locator(".named-area__subtitle"))).toContain("a refund or cancellation of that order takes its months back");

      await passes.getByRole("button", { name: "Edit paid memberships" }).click();
      await passes.getByRole("button", { name: "Add a pass" }).click();
      await passes.getByLabel("Months per pass (1 to 60)").fill("0");
      watch.expectError("PUT", "/api/admin/program/memberships", 400);
      await passes.getByRole("button", { name: "Save paid memberships" }).click();
      // The product's message sits under its search field, and Remove pass at the row's end, as in other lists.
      const productError = passes.locator(".ql-picker .ql-field-error", { hasText: "Choose the product that sells this pass." });
      await productError.waitFor();
      const search = (await passes.getByLabel("Find the product").boundingBox())!;
      expect((await productError.boundingBox())!.y).toBeGreaterThanOrEqual(search.y + search.height);
      const row = (await passes.locator(".ql-passes__item").first().boundingBox())!;
      const remove = (await passes.getByRole("button", { name: /^Remove pass 1/ }).boundingBox())!;
      expect(Math.abs(remove.x + remove.width - (row.x + row.width))).toBeLessThanOrEqual(1);
      const monthsField = passes.getByLabel("Months per pass (1 to 60)");
      expect(await monthsField.getAttribute("aria-invalid")).toBe("true");
      expect(await textOf(passes.locator(".ql-field-error").nth(1))).toBe("Must be at least 1.");
      expect(await adminGet("/program/memberships")).toEqual([]);

      await passes.getByLabel("Find the product").fill("tent");
      await passes.getByLabel("Find the product").press("Enter");
      await passes.getByRole("button", { name: /^Ultralight Tent 2P/ }).click();
      await passes.getByLabel("Tier it gives").selectOption("tr_club");
      await monthsField.fill("12");
      await shoot(page, "memberships-form-1280", passes);

      // Another tab saved a pass meanwhile: this save is refused as a conflict, and "Save mine over it" wins.
      const socks = { id: "ms_socks", productId: 700102, tierId: "tr_ridge", months: 1 };
      await app.container.programItems.updatePart(DEMO_STORE_ID, "memberships", [socks], MERCHANT);
      watch.expectError("PUT", "/api/admin/program/memberships", 412);
      await passes.getByRole("button", { name: "Save paid memberships" }).click();
      const conflict = passes.getByRole("status").filter({ hasText: "Changed elsewhere: not saved" });
      await conflict.waitFor();
      expect(await textOf(conflict)).toContain("It is now: Product #700102 gives Ridge for 1 month.");
      await conflict.getByRole("button", { name: "Save mine over it" }).click();
      await passes.getByRole("status").filter({ hasText: "Paid memberships saved." }).waitFor();
      // Saved by id only: the summary asks the catalog for the product's name.
      await expect.poll(() => textOf(passes.locator(".feature-element__status"))).toBe("Ultralight Tent 2P · $349.99 gives Summit club for 12 months");
      const saved = await adminGet("/program/memberships");
      expect(saved).toEqual([{ id: expect.stringMatching(/^ms_[0-9a-f]{8}$/), productId: TENT, tierId: "tr_club", months: 12 }]);
      expect(await seriousAxeFindings(await dashboardDocument(page))).toEqual([]);
      await shoot(page, "memberships-saved-1280", passes);

      // Bought: the buyer holds Summit club, paid until a year on, and the change says so.
      const order = await paidOrder(OLA, [{ name: "Ultralight Tent 2P", price: 349.99, productId: TENT }]);
      const ola = await memberByEmail(OLA);
      expect(ola.tier?.paid).toMatchObject({ tierId: "tr_club", membershipId: saved[0].id });
      await openMember(page, ola.id);
      const panel = frame.locator(".ql-member-tier");
      await historyRows(panel).first().waitFor();
      expect(await fact(panel, "Tier")).toBe("Summit club");
      expect(await textOf(panel.getByTestId("member-tier-how"))).toMatch(/^Paid membership until \w{3} \d{1,2}, \d{4}$/);
      expect((await rowText(historyRows(panel).nth(0))).slice(1, 3)).toEqual([
        "Ridge → Summit club",
        expect.stringMatching(new RegExp(`^Bought a paid membership \\(order #${order.id}\\), until `)),
      ]);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the Tiers page is opened on a phone, then the paid memberships form stacks without sideways scrolling",
    async () => {
      const { page, watch } = await openPage("/demo/admin", { width: 400, height: 800 });
      const frame = dashboardFrame(page);
      await pageTab(frame, "Tiers").click();
      const passes = area(frame, "Paid memberships");
      await passes.locator(".feature-element__status", { hasText: "Ultralight Tent 2P" }).waitFor();
      await passes.getByRole("button", { name: "Edit paid memberships" }).click();
      await passes.locator(".ql-picked__item", { hasText: "Ultralight Tent 2P · $349.99" }).waitFor();
      expect(await overflow(frame)).toBeLessThanOrEqual(0);
      await shoot(page, "memberships-form-400", passes);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );
});

describe("a program without tiers", () => {
  it(
    "when the program has no tiers, then the member's panel says so briefly and links to the Tiers page",
    async () => {
      await app.container.programItems.updatePart(DEMO_STORE_ID, "memberships", [], MERCHANT);
      for (const { id } of (await app.container.programItems.list(DEMO_STORE_ID, "tiers")).items) await app.container.programItems.remove(DEMO_STORE_ID, "tiers", id, MERCHANT);
      const nora = await memberByEmail(NORA);

      const { watch, frame, panel } = await memberTierPanel(nora.id);
      await panel.getByRole("link", { name: "Set up tiers" }).waitFor();
      expect(await textOf(panel)).toBe("TierThis program has no tiers. Set up tiers");
      expect(await panel.locator("table").count()).toBe(0);
      await panel.getByRole("link", { name: "Set up tiers" }).click();
      await expect.poll(() => frame.locator("body").evaluate(() => window.location.hash)).toBe("#/tiers");
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );
});
