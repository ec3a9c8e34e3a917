import type { FrameLocator, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_STORE_ID } from "../../server/ecwid-emulator/index.js";
import { newId } from "../../server/lib/ids.js";
import type { Redemption } from "../../server/modules/rewards/redemption.js";
import { adminDashboardPage, area, BROWSER_TEST_MS, dashboardFrame, pageTab, textOf } from "../support/admin-dashboard-page.js";
import { seriousAxeFindings } from "../support/axe.js";
import type { RunningDemoApp } from "../support/demo-app.js";
import { recordNativeDialogs } from "../support/native-dialogs.js";

const MAYA = "maya.chen@example.com";
const SHOTS = "/tmp/shots";

const dashboard = adminDashboardPage();
const { openPage, adminGet, membersInStorage } = dashboard;
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

/** The dashboard's own document, for axe. */
async function appFrame(page: Page) {
  const frame = await (await page.waitForSelector("#app-frame")).contentFrame();
  if (!frame) throw new Error("the dashboard iframe has no document");
  return frame;
}

/** A screenshot under /tmp/shots of the whole dashboard: the window grown tall enough for the frame to show everything, then put back. */
async function shoot(page: Page, name: string, only?: Locator) {
  const viewport = page.viewportSize()!;
  const height = await dashboardFrame(page)
    .locator("body")
    .evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.min(height + 200, 6000) });
  const clip = only ? await only.boundingBox() : null;
  await page.screenshot({ path: `${SHOTS}/${name}.png`, ...(clip ? { clip } : {}) });
  await page.setViewportSize(viewport);
}

const overflow = (frame: FrameLocator) => frame.locator("body").evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** A redemption of Maya's as the redeem flow stores it, put straight into storage. */
async function seedRedemption(overrides: Partial<Redemption>): Promise<Redemption> {
  const maya = (await membersInStorage()).items.find((member) => member.email === MAYA)!;
  const now = new Date().toISOString();
  const redemption: Redemption = {
    id: newId("red"),
    storeId: DEMO_STORE_ID,
    memberId: maya.id,
    rewardId: "rw_seeded",
    rewardName: "Seeded",
    rewardKind: "amount_off",
    points: 500,
    valueMinor: 500,
    status: "issued",
    coupon: null,
    reason: null,
    requestKey: null,
    requestFingerprint: "seeded",
    checkAfter: null,
    checks: 0,
    usedByOrderId: null,
    fulfilledBy: null,
    grantedBy: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
  await app.container.storage.transaction(DEMO_STORE_ID, (tx) => tx.redemptions.insert(DEMO_STORE_ID, redemption));
  return redemption;
}

describe("the merchant's side of rewards", () => {
  it(
    "when the merchant builds a free-product reward with the picker and a variable reward, then a refused field says why beside it and both are saved as typed, in minor units",
    async () => {
      const { page, watch } = await openPage("/demo/admin");
      const frame = dashboardFrame(page);
      const rewards = area(frame, "Rewards");
      await rewards.getByRole("button", { name: "Add reward" }).click();
      // The button sits above the form it opened, never under the form's own Save and Cancel.
      expect(await rewards.locator(".ql-form-actions:has(button[aria-expanded=true]) + form").count()).toBe(1);
      await frame.getByLabel("Name", { exact: true }).fill("Free socks");
      await frame.getByLabel("Reward gives").selectOption("free_product");
      await frame.getByLabel("Cost in points").fill("800");
      watch.expectError("POST", "/api/admin/program/rewards", 400);
      await frame.getByRole("button", { name: "Save reward" }).click();
      await rewards.locator(".ql-picker .ql-field-error", { hasText: "Choose the product given free." }).waitFor();

      await frame.getByLabel("Find the product").fill("merino");
      await frame.getByLabel("Find the product").press("Enter");
      await frame.getByRole("button", { name: /^Merino Wool Socks/ }).click();
      await rewards
        .getByRole("list", { name: /Free product/ })
        .getByText(/Merino Wool Socks/)
        .waitFor();
      await frame.getByLabel("Coupon valid for (days)").fill("14");
      await frame.getByLabel("Limit per member").fill("2");
      await shoot(page, "reward-free-product", frame.locator("form.ql-item-form"));
      await frame.getByRole("button", { name: "Save reward" }).click();
      await rewards.locator(".ql-items__item", { hasText: "Free socks" }).waitFor();
      // Saved by id only: opened again, the form asks the catalog for the product's name.
      await rewards.getByRole("button", { name: "Edit Free socks" }).click();
      await rewards
        .getByRole("list", { name: /Free product/ })
        .getByText("Merino Wool Socks · $18.50")
        .waitFor();
      await frame.getByRole("button", { name: "Cancel" }).click();

      await rewards.getByRole("button", { name: "Add reward" }).click();
      await frame.getByLabel("Name", { exact: true }).fill("Points to cash");
      await frame.getByLabel("Reward gives").selectOption("variable");
      await frame.getByLabel("Points per unit").fill("100");
      await frame.getByLabel("Unit amount (USD)").fill("1");
      await frame.getByLabel("Fewest points").fill("500");
      await frame.getByLabel("Most points").fill("300");
      await frame.getByLabel("In steps of (points)").fill("100");
      await frame.getByRole("button", { name: "Add budget" }).click();
      await frame.getByLabel("Budget 1 counts").selectOption("money");
      await frame.getByLabel("Budget 1 limit").fill("250");
      await frame.getByLabel("Budget 1 period").selectOption("month");
      await frame.getByRole("button", { name: "Save reward" }).click();
      const maxError = rewards.locator(".ql-field-error", { hasText: "Must be at least the fewest points." });
      await maxError.waitFor();
      expect(await frame.getByLabel("Most points").getAttribute("aria-describedby")).toContain(await maxError.getAttribute("id"));
      await shoot(page, "reward-variable-error", frame.locator("form.ql-item-form"));
      await frame.getByLabel("Most points").fill("2000");
      await frame.getByRole("button", { name: "Save reward" }).click();
      await rewards.locator(".ql-items__item", { hasText: "Points to cash" }).waitFor();

      const saved = (await adminGet("/program/rewards")).items as Record<string, unknown>[];
      expect(saved.find((reward) => reward.name === "Free socks")).toMatchObject({ kind: "free_product", costPoints: 800, productId: 700102, couponDays: 14, perMemberLimit: 2 });
      expect(saved.find((reward) => reward.name === "Points to cash")).toMatchObject({
        kind: "variable",
        pointsPerUnit: 100,
        unitMinor: 100,
        minPoints: 500,
        maxPoints: 2000,
        stepPoints: 100,
        budgets: [{ measure: "money", limit: 25_000, period: "month" }],
      });
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when members have redeemed, then the Rewards page lists them newest first, an experience is marked fulfilled and a donation paid out, and each cause is totalled in money",
    async () => {
      const firstTree = await seedRedemption({ rewardId: "rw_trees", rewardName: "Plant a tree", rewardKind: "donation", valueMinor: 250, points: 300 });
      const coupon = await seedRedemption({ rewardName: "$5 off", coupon: { code: "QL-ABCD2345EF", expiresAt: "2027-01-15T00:00:00.000Z", ecwidId: 91 } });
      const tasting = await seedRedemption({ rewardName: "Tasting panel", rewardKind: "experience", valueMinor: null, points: 1200 });
      const trees = await seedRedemption({ rewardId: "rw_trees", rewardName: "Plant a tree", rewardKind: "donation", valueMinor: 250, points: 300 });
      const { page, watch } = await openPage("/demo/admin");
      const frame = dashboardFrame(page);
      await pageTab(frame, "Rewards").click();
      const rows = frame.locator("[data-testid=redemptions] tbody tr");
      await rows.first().waitFor();
      const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-redemption-id")));
      expect(ids.slice(0, 3)).toEqual([trees.id, tasting.id, coupon.id]);
      const couponRow = frame.locator(`tr[data-redemption-id="${coupon.id}"]`);
      expect(await couponRow.textContent()).toContain("QL-ABCD2345EF");
      expect(await couponRow.textContent()).toContain(MAYA);
      expect(await couponRow.getByRole("button").count()).toBe(0);
      const donations = frame.locator("[data-testid=donations] tbody tr", { hasText: "Plant a tree" });
      expect((await donations.textContent())?.replace(/\s+/g, " ")).toMatch(/\$5\.00.*\$0\.00.*\$5\.00/);
      await shoot(page, "rewards-page");
      expect(await seriousAxeFindings(await appFrame(page))).toEqual([]);

      await frame.getByRole("button", { name: `Mark fulfilled: Tasting panel for ${MAYA}` }).click();
      await frame
        .getByRole("status")
        .filter({ hasText: `Tasting panel for ${MAYA}: fulfilled.` })
        .waitFor();
      await frame.locator(`tr[data-redemption-id="${tasting.id}"]`, { hasText: "Fulfilled" }).waitFor();
      await frame
        .locator(`tr[data-redemption-id="${trees.id}"]`)
        .getByRole("button", { name: `Mark paid out: Plant a tree for ${MAYA}` })
        .click();
      await frame.locator(`tr[data-redemption-id="${trees.id}"]`, { hasText: "Paid out" }).waitFor();
      await expect.poll(async () => (await donations.textContent())?.replace(/\s+/g, " ")).toMatch(/\$5\.00.*\$2\.50.*\$2\.50/);
      const dialogs = recordNativeDialogs(page);
      const markAll = frame.getByRole("button", { name: "Mark all paid out: Plant a tree" });
      const question = frame.getByRole("group", { name: "Record that you paid $2.50 to “Plant a tree” for 1 pledge?" });
      // "Keep it" records nothing and gives focus back to the button.
      await markAll.click();
      await question.getByRole("button", { name: "Keep it" }).click();
      await question.waitFor({ state: "detached" });
      expect(await markAll.evaluate((button) => button === document.activeElement)).toBe(true);
      expect((await donations.textContent())?.replace(/\s+/g, " ")).toMatch(/\$5\.00.*\$2\.50.*\$2\.50/);
      await markAll.click();
      const record = question.getByRole("button", { name: "Record payout" });
      await expect.poll(() => record.evaluate((button) => button === document.activeElement)).toBe(true);
      await shoot(page, "donation-payout-question", frame.locator(".ql-confirm"));
      expect(await seriousAxeFindings(await appFrame(page))).toEqual([]);
      await record.click();
      await frame.getByRole("status").filter({ hasText: "Recorded $2.50 paid to “Plant a tree”." }).waitFor();
      await expect.poll(async () => (await donations.textContent())?.replace(/\s+/g, " ")).toMatch(/\$5\.00.*\$5\.00.*\$0\.00/);
      await frame.locator(`tr[data-redemption-id="${firstTree.id}"]`, { hasText: "Paid out" }).waitFor();

      await frame.getByLabel("Status").selectOption("fulfilled");
      await expect.poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-redemption-id")))).toEqual([trees.id, tasting.id, firstTree.id]);
      const stored = await app.container.storage.read(DEMO_STORE_ID, (tx) => tx.redemptions.get(DEMO_STORE_ID, tasting.id));
      expect(stored).toMatchObject({ status: "fulfilled", fulfilledBy: expect.any(String) });
      expect(dialogs).toEqual([]);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when a 360 px phone opens the reward form and the Rewards page, then nothing is wider than the screen and axe finds nothing serious",
    async () => {
      await seedRedemption({ rewardName: "Early access", rewardKind: "experience", valueMinor: null });
      const { page, watch } = await openPage("/demo/admin", { width: 360, height: 740 });
      const frame = dashboardFrame(page);
      const rewards = area(frame, "Rewards");
      await rewards.getByRole("button", { name: "Add reward" }).click();
      await frame.getByLabel("Reward gives").selectOption("variable");
      await frame.getByRole("button", { name: "Add budget" }).click();
      await frame.getByLabel("Find products to add").fill("trail");
      await frame.getByLabel("Find products to add").press("Enter");
      await frame.getByRole("button", { name: /^Trail Runner Shoes/ }).click();
      expect(await overflow(frame)).toBeLessThanOrEqual(0);
      expect(await seriousAxeFindings(await appFrame(page))).toEqual([]);
      await shoot(page, "reward-form-360", frame.locator("form.ql-item-form"));

      await pageTab(frame, "Rewards").click();
      await frame.locator("[data-testid=redemptions] tbody tr").first().waitFor();
      expect(await overflow(frame)).toBeLessThanOrEqual(0);
      await shoot(page, "rewards-page-360");
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );
});

describe("the program's redemption, expiry and email parts", () => {
  it(
    "when the merchant turns on points expiry, gives points back for unused coupons and previews an email in Dutch, then a refused month count says why beside it, the parts are saved, and the email shows in a sandboxed frame",
    async () => {
      const { page, watch } = await openPage("/demo/admin");
      const frame = dashboardFrame(page);
      const expiry = area(frame, "Points expiry");
      await expiry.getByRole("button", { name: "Edit expiry" }).click();
      await frame.getByLabel("Points expire").selectOption("inactivity");
      await frame.getByLabel("Months", { exact: true }).fill("0");
      await frame.getByLabel("Warn members (days before)").fill("10");
      watch.expectError("PUT", "/api/admin/program/expiry", 400);
      await frame.getByRole("button", { name: "Save expiry" }).click();
      await expiry.locator(".ql-field-error", { hasText: "Must be at least 1." }).waitFor();
      await frame.getByLabel("Months", { exact: true }).fill("12");
      await frame.getByRole("button", { name: "Save expiry" }).click();
      await expiry.getByRole("status").filter({ hasText: "Points expiry saved." }).waitFor();
      expect(await textOf(expiry.locator(".feature-element__status"))).toBe(
        "All of a member's points expire 12 months after they last earned any; the member is emailed 10 days before.",
      );
      expect(await adminGet("/program/expiry")).toEqual({ mode: "inactivity", months: 12, warnDays: 10 });

      const coupons = area(frame, "Unused coupons");
      await coupons.getByRole("button", { name: "Edit unused coupons" }).click();
      await coupons.getByRole("checkbox", { name: "Give the points back when a coupon expires unused" }).check();
      await coupons.getByRole("button", { name: "Save choice" }).click();
      await coupons.getByRole("status").filter({ hasText: "Unused coupons choice saved." }).waitFor();
      expect(await textOf(coupons.locator(".feature-element__status"))).toBe("A coupon that expires unused gives the member its points back.");
      expect(await adminGet("/program/redemption")).toEqual({ returnPointsOnCouponExpiry: true });

      const emails = area(frame, "Emails to members");
      await emails.getByRole("button", { name: "Choose emails" }).click();
      await emails.getByRole("checkbox", { name: "Points earned on an order" }).check();
      await emails.getByRole("button", { name: "Save emails" }).click();
      await emails.getByRole("status").filter({ hasText: "Email choices saved." }).waitFor();
      expect(await adminGet("/program/emails")).toEqual({
        pointsEarned: true,
        rewardIssued: true,
        expiringSoon: true,
        referralQualified: true,
        referralPaid: true,
        tierReached: true,
        tierGraceStarted: true,
      });

      await emails.getByLabel("Email", { exact: true }).selectOption("rewardIssued");
      await emails.getByLabel("Language").selectOption("nl");
      await emails.getByRole("button", { name: "Show preview" }).click();
      const mail = emails.locator("iframe.ql-email-preview__frame");
      await mail.waitFor();
      const expected = await adminGet("/emails/rewardIssued/preview?lang=nl");
      expect(await mail.getAttribute("sandbox")).toBe("");
      expect(await mail.getAttribute("title")).toBe(`Preview: ${expected.subject}`);
      expect(await textOf(emails.locator(".ql-email-preview__subject strong"))).toBe(expected.subject);
      expect(await mail.contentFrame().locator("body").textContent()).toContain("Trailhead Outfitters");
      await shoot(page, "email-preview", emails);
      expect(await seriousAxeFindings(await appFrame(page))).toEqual([]);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );
});
