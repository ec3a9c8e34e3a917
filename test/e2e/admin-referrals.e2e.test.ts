import { mkdir } from "node:fs/promises";
import type { FrameLocator, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_STORE_ID } from "../../server/ecwid-emulator/index.js";
import type { Referral } from "../../server/modules/referrals/referral.js";
import { adminDashboardPage, area, BROWSER_TEST_MS, dashboardDocument, dashboardFrame, pageTab, shootDashboard, textOf } from "../support/admin-dashboard-page.js";
import { seriousAxeFindings } from "../support/axe.js";
import type { RunningDemoApp } from "../support/demo-app.js";
import { aMemberReferral, aReferral } from "../support/referral-fixtures.js";

const MAYA = "maya.chen@example.com";
const SAM = "sam.okafor@example.com";
const LEE = "lee.tran@example.com";
const SHOTS = "/tmp/shots";

const dashboard = adminDashboardPage();
const { openPage, adminGet, membersInStorage } = dashboard;
let app: RunningDemoApp;

beforeAll(async () => {
  app = await dashboard.start();
  await mkdir(SHOTS, { recursive: true });
});
afterAll(async () => {
  await dashboard.stop();
});
afterEach(async () => {
  await dashboard.closePage();
});

const shoot = (page: Page, name: string, only?: Locator) => shootDashboard(page, `${SHOTS}/${name}.png`, only);
const overflow = (frame: FrameLocator) => frame.locator("body").evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const referralsIn = (frame: FrameLocator) => frame.locator("[data-testid=referrals] tbody tr[data-referral-id]");

const days = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

/** Maya as an ambassador with her code and visits, two friends' orders waiting for review on high signals, one paid and one refused. */
async function seedReferrals(): Promise<{ mayaId: string; sam: Referral; lee: Referral }> {
  const maya = (await membersInStorage()).items.find((member) => member.email === MAYA)!;
  const mine = (overrides: Partial<Referral>) => aReferral(DEMO_STORE_ID, { ambassadorId: maya.id, code: "MAYA-7Q2K", ...overrides });
  const sam = mine({
    orderId: "9001",
    friendEmail: SAM,
    channel: "whatsapp",
    eligibleMinor: 6_400,
    status: "review",
    signals: [{ kind: "disposable_email", severity: "high", detail: "mailinator.com" }],
    createdAt: days(2),
    updatedAt: days(2),
  });
  const lee = mine({
    orderId: "9002",
    friendEmail: LEE,
    channel: "copy",
    eligibleMinor: 12_000,
    status: "review",
    signals: [
      { kind: "shared_address", severity: "high", detail: "same shipping address as the ambassador" },
      { kind: "paid_ads", severity: "low", detail: "gclid" },
    ],
    createdAt: days(1),
    updatedAt: days(1),
  });
  const paid = mine({ orderId: "8990", friendEmail: "ana.silva@example.com", channel: "whatsapp", status: "paid", points: 500, paidAt: days(3), createdAt: days(20) });
  const refused = mine({ orderId: "8991", friendEmail: "old.friend@example.com", status: "rejected", reason: "existing_customer", createdAt: days(10) });
  await app.container.storage.transaction(DEMO_STORE_ID, async (tx) => {
    for (const referral of [paid, refused, sam, lee]) await tx.referrals.insert(DEMO_STORE_ID, referral);
    await tx.members.update(DEMO_STORE_ID, {
      ...maya,
      referral: aMemberReferral({ code: "MAYA-7Q2K", clicks: { whatsapp: 9, copy: 3 }, friendsOrdered: 4, pending: 2, paid: 1 }),
    });
  });
  return { mayaId: maya.id, sam, lee };
}

let seeded: ReturnType<typeof seedReferrals> | undefined;
/** The referrals are stored once per file; each test that needs them asks for them. */
const referralsSeeded = () => (seeded ??= seedReferrals());

const statusOf = (id: string) => app.container.storage.read(DEMO_STORE_ID, async (tx) => (await tx.referrals.get(DEMO_STORE_ID, id))?.status);

describe("the referral program in the merchant dashboard", () => {
  it(
    "when the merchant turns referrals on with an amount off, hold days and two levels, then a hold past 90 days and a level needing no more friends than the one before are said beside their fields, and once fixed the program is saved with its levels in order",
    async () => {
      const { page, watch } = await openPage("/demo/admin");
      const frame = dashboardFrame(page);
      await pageTab(frame, "Referrals").click();
      const settings = area(frame, "Referral program");
      await settings.locator(".feature-element__status", { hasText: "Off." }).waitFor();

      await settings.getByRole("button", { name: "Edit referral program" }).click();
      await settings.getByLabel("Run the referral program").check();
      await settings.getByLabel("Friends get").selectOption("amount_off");
      await settings.getByLabel("Amount off (USD)").fill("5");
      await settings.getByLabel("Offer's minimum order (USD)").fill("20");
      await settings.getByLabel("Points per friend").fill("400");
      await settings.getByLabel("Hold days (0 to 90)").fill("120");
      await settings.getByLabel("Monthly cap per ambassador").fill("10");
      await settings.getByRole("button", { name: "Add a level" }).click();
      await settings.getByLabel("Level 1 name").fill("Champion");
      await settings.getByLabel("Friends needed").nth(0).fill("3");
      await settings.getByLabel("Extra points per friend").nth(0).fill("200");
      await settings.getByRole("button", { name: "Add a level" }).click();
      await settings.getByLabel("Level 2 name").fill("Advocate");
      await settings.getByLabel("Friends needed").nth(1).fill("3");
      await settings.getByLabel("Extra points per friend").nth(1).fill("50");

      watch.expectError("PUT", "/api/admin/program/referrals", 400);
      await settings.getByRole("button", { name: "Save referral program" }).click();
      const holdError = settings.locator(".ql-field-error", { hasText: "Must be at most 90." });
      await holdError.waitFor();
      const hold = settings.getByLabel("Hold days (0 to 90)");
      expect(await hold.getAttribute("aria-invalid")).toBe("true");
      expect(await hold.getAttribute("aria-describedby")).toContain(await holdError.getAttribute("id"));
      // The server's levels.1.minReferrals is said beside the second level's field.
      const secondNeeded = settings.getByLabel("Friends needed").nth(1);
      expect(await secondNeeded.getAttribute("aria-invalid")).toBe("true");
      expect(await textOf(settings.locator(".ql-levels__item").nth(1).locator(".ql-field-error"))).toBe("Must be more than the level before.");
      await shoot(page, "referrals-settings-errors", settings);
      expect(await seriousAxeFindings(await dashboardDocument(page))).toEqual([]);
      expect((await adminGet("/program/referrals")).enabled).toBe(false);

      // The levels are put in order of the friends they take: Champion, typed first, moves below Advocate.
      await hold.fill("7");
      await settings.getByLabel("Friends needed").nth(0).fill("10");
      await settings.getByRole("button", { name: "Save referral program" }).click();
      await settings.getByRole("status").filter({ hasText: "Referral program saved." }).waitFor();
      expect(await textOf(settings.locator(".feature-element__status"))).toBe(
        "On. Friends get $5 off on orders from $20; ambassadors earn 400 points per friend, 7 days after the friend's order.",
      );
      const saved = await adminGet("/program/referrals");
      expect(saved).toMatchObject({
        enabled: true,
        friendOffer: { kind: "amount_off", amountMinor: 500, minOrderMinor: 2_000 },
        ambassadorReward: { kind: "points", points: 400 },
        holdDays: 7,
        minOrderMinor: 0,
        monthlyCap: 10,
        reverseAfterHold: false,
      });
      expect(saved.levels.map((level: { name: string; minReferrals: number; extraPoints: number }) => [level.name, level.minReferrals, level.extraPoints])).toEqual([
        ["Advocate", 3, 50],
        ["Champion", 10, 200],
      ]);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when two friends' orders wait for review, then the overview counts them, the merchant approves one and rejects the other with a required reason, each leaving the queue with its new status and reason, and axe finds nothing serious",
    async () => {
      const { sam, lee } = await referralsSeeded();
      const { page, watch } = await openPage("/demo/admin");
      const frame = dashboardFrame(page);
      // The Program page says referrals wait, and leads to them.
      const onProgram = area(frame, "Referral program");
      await expect.poll(() => textOf(onProgram.locator(".feature-element__status"))).toContain("2 referrals need your review.");
      await onProgram.getByRole("link", { name: "Open referrals" }).click();

      const fact = (name: string) => frame.locator("[data-testid=referral-facts] .ql-facts__item", { hasText: name }).locator("dd");
      await expect.poll(() => textOf(fact("Needs review"))).toBe("2");
      expect(await textOf(fact("Revenue from friends"))).toMatch(/^\$/);
      expect(await textOf(frame.locator("[data-testid=top-ambassadors] tbody tr").first())).toContain("MAYA-7Q2K");
      const whatsapp = frame.locator("[data-testid=referral-channels] tbody tr", { hasText: "WhatsApp" });
      expect(await textOf(whatsapp)).toContain("9");
      const rows = referralsIn(frame);
      await expect.poll(() => rows.count()).toBe(4);
      const refused = rows.filter({ hasText: "old.friend@example.com" });
      expect(await textOf(refused)).toContain("Existing customer: ordered before");
      expect(await textOf(rows.filter({ hasText: LEE }))).toContain("Shares the ambassador's shipping address");
      await shoot(page, "referrals-page");
      expect(await seriousAxeFindings(await dashboardDocument(page))).toEqual([]);

      await frame.getByLabel("Status").selectOption("review");
      await expect.poll(() => rows.count()).toBe(2);
      await rows
        .filter({ hasText: SAM })
        .getByRole("button", { name: `Approve order ${sam.orderId} from ${SAM}` })
        .click();
      await frame
        .getByRole("status")
        .filter({ hasText: `Approved: order ${sam.orderId} from ${SAM}, referred by` })
        .waitFor();
      await expect.poll(() => rows.count()).toBe(1);
      expect(await statusOf(sam.id)).not.toBe("review");

      await rows
        .filter({ hasText: LEE })
        .getByRole("button", { name: `Reject order ${lee.orderId} from ${LEE}` })
        .click();
      const reason = frame.getByLabel("Why you reject it");
      await expect.poll(() => reason.evaluate((input) => input === document.activeElement)).toBe(true);
      await frame.getByRole("button", { name: "Reject referral" }).click();
      const required = frame.locator(".ql-field-error", { hasText: "Write why this referral is not paid." });
      await required.waitFor();
      expect(await reason.getAttribute("aria-describedby")).toContain(await required.getAttribute("id"));
      await shoot(page, "referrals-reject-required");
      expect(await seriousAxeFindings(await dashboardDocument(page))).toEqual([]);
      await reason.fill("Lee is Maya's flatmate.");
      await frame.getByRole("button", { name: "Reject referral" }).click();
      await frame
        .getByRole("status")
        .filter({ hasText: `Rejected: order ${lee.orderId} from ${LEE}` })
        .waitFor();
      await expect.poll(() => rows.count()).toBe(0);
      await frame.getByText("No referrals are needs review.").waitFor();
      expect(await statusOf(lee.id)).toBe("rejected");

      await frame.getByLabel("Status").selectOption("rejected");
      const rejected = rows.filter({ hasText: LEE });
      await expect.poll(() => textOf(rejected)).toContain("Rejected by you");
      expect(await textOf(rejected)).toContain("“Lee is Maya's flatmate.”");
      expect(await rejected.getByRole("button").count()).toBe(0);
      await shoot(page, "referrals-rejected");
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the merchant blocks an ambassador from their member page with a reason, then the page says so and the member is blocked in storage; unblocking clears it",
    async () => {
      const { mayaId } = await referralsSeeded();
      const { page, watch } = await openPage("/demo/admin");
      const frame = dashboardFrame(page);
      await pageTab(frame, "Program").waitFor();
      await (await dashboardDocument(page)).evaluate((id) => (window.location.hash = `#/members/${id}`), mayaId);
      await frame.getByTestId("referral-code").filter({ hasText: "MAYA-7Q2K" }).waitFor();

      await frame.getByRole("button", { name: "Block as an ambassador" }).click();
      await frame.getByLabel("Why you block them").fill("Posted the code on a coupon site.");
      await frame.getByRole("button", { name: "Block ambassador" }).click();
      await frame.getByText("Blocked as an ambassador").waitFor();
      expect(await textOf(frame.locator(".ql-member-referral .alert"))).toContain("“Posted the code on a coupon site.”");
      const stored = async () => (await membersInStorage()).items.find((member) => member.id === mayaId)!.referral?.blocked?.reason ?? null;
      expect(await stored()).toBe("Posted the code on a coupon site.");
      await shoot(page, "referrals-member-blocked", frame.locator(".ql-member-referral"));
      expect(await seriousAxeFindings(await dashboardDocument(page))).toEqual([]);

      await frame.getByRole("button", { name: "Unblock ambassador" }).click();
      await frame.getByRole("button", { name: "Block as an ambassador" }).waitFor();
      expect(await stored()).toBeNull();
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the Referrals page is read on a 360px phone, then nothing is wider than the screen and axe finds nothing serious, with the settings form open too",
    async () => {
      await referralsSeeded();
      const { page, watch } = await openPage("/demo/admin", { width: 360, height: 740 });
      const frame = dashboardFrame(page);
      await pageTab(frame, "Referrals").click();
      await referralsIn(frame).first().waitFor();
      expect(await overflow(frame)).toBeLessThanOrEqual(0);
      await shoot(page, "referrals-phone");
      expect(await seriousAxeFindings(await dashboardDocument(page))).toEqual([]);
      await area(frame, "Referral program").getByRole("button", { name: "Edit referral program" }).click();
      await area(frame, "Referral program").getByRole("button", { name: "Add a level" }).click();
      expect(await overflow(frame)).toBeLessThanOrEqual(0);
      await shoot(page, "referrals-phone-settings");
      expect(await seriousAxeFindings(await dashboardDocument(page))).toEqual([]);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );
});
