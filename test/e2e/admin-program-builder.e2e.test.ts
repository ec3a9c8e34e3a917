import type { FrameLocator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildWidget } from "../../scripts/build-widget.mjs";
import { DEMO_STORE_ID } from "../../server/ecwid-emulator/index.js";
import { createInboxWorker } from "../../server/jobs/create-inbox-worker.js";
import type { InboxWorker } from "../../server/jobs/inbox-worker.js";
import { adminDashboardPage, area, BROWSER_TEST_MS, dashboardFrame, ledgerRows, memberRow, pageTab, textOf } from "../support/admin-dashboard-page.js";
import type { RunningDemoApp } from "../support/demo-app.js";
import { recordNativeDialogs } from "../support/native-dialogs.js";
import { launcher, panel } from "../support/storefront-widget-page.js";

const MAYA = "maya.chen@example.com";

const dashboard = adminDashboardPage();
const { openPage, adminGet, membersInStorage } = dashboard;
let app: RunningDemoApp;
let worker: InboxWorker;

beforeAll(async () => {
  await buildWidget();
  app = await dashboard.start();
  // As in demo mode, a worker runs the background jobs (here: the measurement a new challenge starts).
  worker = createInboxWorker(app.container, { idleMs: 10 });
  worker.start();
});

afterAll(async () => {
  await worker?.stop();
  await dashboard.stop();
});

afterEach(async () => {
  await dashboard.closePage();
});

async function openProgram(): Promise<{ page: Page; frame: FrameLocator; watch: Awaited<ReturnType<typeof openPage>>["watch"] }> {
  const { page, watch } = await openPage("/demo/admin");
  const frame = dashboardFrame(page);
  await area(frame, "Challenges").getByRole("button", { name: "Add challenge" }).waitFor();
  return { page, frame, watch };
}

/** The widget's sections on the demo storefront in one language, as a shopper opens it. */
async function widgetSections(lang: "en" | "nl", names: string[]): Promise<string[]> {
  const { page } = await openPage(`/demo/store?lang=${lang}`);
  await launcher(page).click();
  const sections: string[] = [];
  for (const name of names) sections.push(await textOf(panel(page).getByRole("region", { name })));
  return sections;
}

describe("building the program in the dashboard", () => {
  it(
    "when the merchant adds a challenge with a Dutch title, a reward and a tier, then the storefront widget shows them in English and in Dutch, and a refused field says why beside it",
    async () => {
      const { frame, watch } = await openProgram();
      const challenges = area(frame, "Challenges");
      await challenges.getByRole("button", { name: "Add challenge" }).click();
      await frame.getByLabel("Title", { exact: true }).fill("Spring hiker");
      await frame.getByText("Texts in other languages").click();
      await frame.getByLabel("Title in Dutch").fill("Lentewandelaar");
      await frame.getByLabel("Points paid").fill("75");
      await frame.getByLabel("Target orders").fill("25");
      await frame.getByRole("button", { name: "Check what it pays" }).click();
      await frame.getByRole("status").filter({ hasText: "Saving would pay 0 members 0 points now" }).waitFor();
      await frame.getByRole("button", { name: "Save challenge" }).click();
      await challenges.locator(".ql-items__item", { hasText: "Spring hiker" }).waitFor();

      const rewards = area(frame, "Rewards");
      await rewards.getByRole("button", { name: "Add reward" }).click();
      await frame.getByLabel("Name in Dutch").fill("Koffiemok");
      await frame.getByLabel("Cost in points").fill("-5");
      await frame.getByLabel("Amount (USD)").fill("5");
      watch.expectError("POST", "/api/admin/program/rewards", 400);
      await frame.getByRole("button", { name: "Save reward" }).click();
      const costError = rewards.locator(".ql-field-error", { hasText: "Must be at least 1." });
      await costError.waitFor();
      expect(await frame.getByLabel("Cost in points").getAttribute("aria-describedby")).toContain(await costError.getAttribute("id"));
      expect(await frame.getByLabel("Cost in points").inputValue()).toBe("-5");
      // A length is said as one: an empty name is "not empty", never "at least 1" like the cost beside it.
      await rewards.locator(".ql-field-error", { hasText: "Must not be empty." }).waitFor();
      await frame.getByLabel("Name", { exact: true }).fill("Coffee mug");
      expect((await adminGet("/program/rewards")).items.map((reward: { name: string }) => reward.name)).not.toContain("Coffee mug");
      await frame.getByLabel("Cost in points").fill("500");
      await frame.getByRole("button", { name: "Save reward" }).click();
      await rewards.locator(".ql-items__item", { hasText: "Coffee mug" }).waitFor();

      await pageTab(frame, "Tiers").click();
      const tiers = area(frame, "Ladder");
      await tiers.getByRole("button", { name: "Add tier" }).click();
      await frame.getByLabel("Name", { exact: true }).fill("Summit");
      await frame.getByText("Texts in other languages").click();
      await frame.getByLabel("Name in Dutch").fill("Top");
      await frame.getByLabel("Entry amount (USD spent)").fill("1,000");
      await frame.getByRole("button", { name: "Check who moves" }).click();
      await frame.getByRole("button", { name: "Save tier" }).click();
      await tiers.locator(".ql-items__item", { hasText: "Summit" }).waitFor();
      expect((await adminGet("/program/tiers")).items).toContainEqual(expect.objectContaining({ name: "Summit", threshold: 100_000, i18n: { nl: { name: "Top" } } }));
      expect(watch.problems).toEqual([]);

      const [english, englishRewards, englishTiers] = await widgetSections("en", ["Challenges", "Spend your points", "Tiers"]);
      expect(english).toContain("Spring hiker");
      expect(englishRewards).toContain("Coffee mug");
      expect(englishTiers).toContain("Summit");
      const [dutch, dutchRewards, dutchTiers] = await widgetSections("nl", ["Uitdagingen", "Wissel je punten in", "Niveaus"]);
      expect(dutch).toContain("Lentewandelaar");
      expect(dutch).not.toContain("Spring hiker");
      expect(dutchRewards).toContain("Koffiemok");
      expect(dutchTiers).toContain("Top");
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the merchant picks a text colour unreadable on the widget's colour, then the contrast is shown beside it and nothing is saved; a readable one is saved",
    async () => {
      const { frame, watch } = await openProgram();
      const look = area(frame, "Widget look");
      await look.getByRole("button", { name: "Edit look" }).click();
      await frame.getByLabel("Main colour").fill("#f5b93a");
      await frame.getByLabel("Text colour").fill("#ffffff");
      watch.expectError("PUT", "/api/admin/program/theme", 400);
      await frame.getByRole("button", { name: "Save look" }).click();
      await look.locator(".ql-field-error", { hasText: /^Contrast 1\.\d\d:1 is below 4\.5:1\.$/ }).waitFor();
      expect(await frame.getByLabel("Text colour").getAttribute("aria-invalid")).toBe("true");
      expect((await adminGet("/program/theme")).primaryColor).not.toBe("#f5b93a");

      await frame.getByLabel("Text colour").fill("#1d2430");
      await frame.getByRole("button", { name: "Save look" }).click();
      await look.getByRole("status").filter({ hasText: "Widget look saved." }).waitFor();
      expect(await adminGet("/program/theme")).toMatchObject({ primaryColor: "#f5b93a", textColor: "#1d2430" });
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the merchant deletes a badge, then the page asks in place, Keep it changes nothing, and Delete takes it from the list and the program",
    async () => {
      const { page, frame, watch } = await openProgram();
      const dialogs = recordNativeDialogs(page);
      const badges = area(frame, "Badges");
      const deleteExplorer = badges.getByRole("button", { name: "Delete Explorer" });
      const question = badges.getByRole("group", { name: "Delete the badge “Explorer”?" });
      const confirm = question.getByRole("button", { name: "Delete", exact: true });
      const badgeNames = async () => (await adminGet("/program/badges")).items.map((badge: { name: string }) => badge.name);
      await deleteExplorer.click();
      await expect.poll(() => confirm.evaluate((button) => button === document.activeElement)).toBe(true);
      await question.getByRole("button", { name: "Keep it" }).click();
      await question.waitFor({ state: "detached" });
      expect(await deleteExplorer.evaluate((button) => button === document.activeElement)).toBe(true);
      expect(await badgeNames()).toContain("Explorer");

      await deleteExplorer.click();
      await confirm.click();
      await badges.getByRole("status").filter({ hasText: "Deleted the badge “Explorer”." }).waitFor();
      expect(await badges.locator(".ql-items__item", { hasText: "Explorer" }).count()).toBe(0);
      expect(await badgeNames()).not.toContain("Explorer");
      expect(dialogs).toEqual([]);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when one challenge is edited in two tabs, then the second save is refused as changed elsewhere with the current version shown, the edit is kept, and it can then be saved over",
    async () => {
      const first = await openProgram();
      const second = await openProgram();
      // Both tabs open the challenge's page before either saves.
      for (const { frame } of [first, second]) {
        await area(frame, "Challenges").getByRole("button", { name: "Edit First steps" }).click();
        await frame.getByRole("heading", { name: "Edit “First steps”" }).waitFor();
      }
      const edit = async (frame: FrameLocator, points: string) => {
        await frame.getByLabel("Points paid").fill(points);
        await frame.getByRole("button", { name: "Save challenge" }).click();
      };
      const firstSteps = async () => (await adminGet("/program/challenges")).items.find((c: { title: string }) => c.title === "First steps");

      await edit(first.frame, "60");
      await area(first.frame, "Challenges").locator(".ql-items__item", { hasText: "60 points for 1 paid order" }).waitFor();
      second.watch.expectError("PUT", "/api/admin/program/challenges/", 412);
      await edit(second.frame, "70");
      const conflict = second.frame.getByRole("status").filter({ hasText: "Changed elsewhere: not saved" });
      await conflict.waitFor();
      expect(await textOf(conflict)).toContain("It is now: “First steps”, 60 points for 1 paid order");
      expect(await second.frame.getByLabel("Points paid").inputValue()).toBe("70");
      expect((await firstSteps()).points).toBe(60);

      await conflict.getByRole("button", { name: "Save mine over it" }).click();
      await area(second.frame, "Challenges").locator(".ql-items__item", { hasText: "70 points for 1 paid order" }).waitFor();
      expect((await firstSteps()).points).toBe(70);
      expect(first.watch.problems).toEqual([]);
      expect(second.watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the merchant adds a challenge that members' past orders already complete, then the preview says whom it pays, and the members are paid within seconds of saving",
    async () => {
      const before = await membersInStorage();
      const completing = before.items.filter((member) => member.stats.paidOrders >= 2);
      const maya = before.items.find((member) => member.email === MAYA);
      expect(completing.length).toBeGreaterThan(0);
      expect(completing.map((member) => member.id)).toContain(maya?.id);

      const { frame, watch } = await openProgram();
      const challenges = area(frame, "Challenges");
      await challenges.getByRole("button", { name: "Add challenge" }).click();
      await frame.getByLabel("Title", { exact: true }).fill("Second trail");
      await frame.getByLabel("Points paid").fill("40");
      await frame.getByLabel("Target orders").fill("2");
      await frame.getByRole("button", { name: "Check what it pays" }).click();
      const members = completing.length === 1 ? "1 member" : `${completing.length} members`;
      await frame
        .getByRole("status")
        .filter({ hasText: `Saving would pay ${members} ${completing.length * 40} points now` })
        .waitFor();
      await frame.getByRole("button", { name: "Save challenge" }).click();
      await frame
        .getByLabel("Program changes reaching past orders")
        .getByText(`paid ${members} ${completing.length * 40} points`)
        .waitFor({ timeout: 15_000 });

      const after = await membersInStorage();
      for (const member of completing) expect(after.items.find((m) => m.id === member.id)?.balance).toBe(member.balance + 40);
      await pageTab(frame, "Members").click();
      await memberRow(frame, MAYA).getByRole("link", { name: MAYA }).click();
      await expect.poll(() => textOf(ledgerRows(frame))).toContain("Challenge 'Second trail' completed: 2 paid orders");
      expect(await app.container.storage.read(DEMO_STORE_ID, (tx) => tx.members.findByEmail(DEMO_STORE_ID, MAYA))).toMatchObject({ balance: (maya?.balance ?? 0) + 40 });
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );
  it(
    "when the merchant starts from the Coffee club template, then its stamp card and click-through task are in the program, and editing them on their pages updates the widget card preview as typed and saves",
    async () => {
      const { page, frame, watch } = await openProgram();
      const dialogs = recordNativeDialogs(page);
      const templates = area(frame, "Start from a template");
      const useCoffeeClub = templates.getByRole("button", { name: "Use Coffee club" });
      const question = templates.getByRole("group", { name: /^Add the “Coffee club” template to your program: .+\? What you already have stays as it is\.$/ });
      await useCoffeeClub.click();
      await question.getByRole("button", { name: "Keep it" }).click();
      await question.waitFor({ state: "detached" });
      expect((await adminGet("/program/challenges")).items.map((c: { id: string }) => c.id)).not.toContain("ch_tpl_coffee_follow");
      await useCoffeeClub.click();
      await question.getByRole("button", { name: "Add it" }).click();
      await frame.getByRole("status").filter({ hasText: "Added 5 challenges, 2 badges, 2 tiers, 2 rewards." }).waitFor();
      const challenges = area(frame, "Challenges");
      await challenges.locator(".ql-items__item", { hasText: "Coffee stamp card" }).waitFor();
      expect(await textOf(challenges.locator(".ql-items__item", { hasText: "Follow us on Instagram" }))).toContain("Draft · 25 points for following on Instagram");

      await challenges.getByRole("button", { name: "Edit Coffee stamp card" }).click();
      const preview = frame.getByRole("complementary", { name: "Preview in the widget" });
      await preview.getByRole("list", { name: "5 of 9 stamps" }).waitFor();
      await frame.getByLabel("Stamps on the card").fill("8");
      await frame.getByLabel("Title", { exact: true }).fill("Bean card");
      await preview.getByRole("list", { name: "5 of 8 stamps" }).waitFor();
      expect(await textOf(preview)).toContain("Bean card");
      expect(await textOf(preview)).toContain("A coffee on us");
      await frame.getByRole("button", { name: "Check what it pays" }).click();
      await frame.getByRole("button", { name: "Save challenge" }).click();
      await challenges.locator(".ql-items__item", { hasText: "Bean card" }).waitFor();

      await challenges.getByRole("button", { name: "Edit Follow us on Instagram" }).click();
      await frame.getByText("Counted on trust").waitFor();
      await frame.getByLabel("Link (https://…)").fill("http://instagram.com/trailhead");
      await frame.getByLabel(/^Status/).selectOption("active");
      watch.expectError("PUT", "/api/admin/program/challenges/", 400);
      await frame.getByRole("button", { name: "Save challenge" }).click();
      await frame.locator(".ql-field-error").first().waitFor();
      expect(await frame.getByLabel("Link (https://…)").getAttribute("aria-invalid")).toBe("true");
      await frame.getByLabel("Link (https://…)").fill("https://instagram.com/trailhead");
      expect(await textOf(preview)).toContain("Follow us on Instagram");
      await frame.getByRole("button", { name: "Save challenge" }).click();
      await challenges.locator(".ql-items__item", { hasText: "Active · 25 points for following on Instagram" }).waitFor();

      const saved = (await adminGet("/program/challenges")).items as { id: string; title: string; status: string; goal: Record<string, unknown> }[];
      expect(saved.find((c) => c.id === "ch_tpl_coffee_stamps")).toMatchObject({ title: "Bean card", goal: { kind: "stamps", target: 8 } });
      expect(saved.find((c) => c.id === "ch_tpl_coffee_follow")).toMatchObject({
        status: "active",
        goal: { kind: "visit", url: "https://instagram.com/trailhead", network: "instagram" },
      });
      expect(dialogs).toEqual([]);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the merchant builds a referral challenge, then the form asks for the number of friends, says what counts, previews the widget's bar and saves it",
    async () => {
      const { frame, watch } = await openProgram();
      const challenges = area(frame, "Challenges");
      await challenges.getByRole("button", { name: "Add challenge" }).click();
      await frame.getByLabel("Title", { exact: true }).fill("Bring three friends");
      await frame.getByLabel("Goal", { exact: true }).selectOption("referrals");
      await frame.getByText("Counts friends whose referral reward was paid").waitFor();
      await frame.getByLabel("Friends referred").fill("3");
      await frame.getByLabel("Points paid").fill("500");
      const preview = frame.getByRole("complementary", { name: "Preview in the widget" });
      await preview.getByText("2 of 3 friends referred").waitFor();
      await frame.getByRole("button", { name: "Check what it pays" }).click();
      await frame.getByRole("status").filter({ hasText: "Saving would pay 0 members 0 points now" }).waitFor();
      await frame.getByRole("button", { name: "Save challenge" }).click();
      await challenges.locator(".ql-items__item", { hasText: "Active · 500 points for 3 referred friends" }).waitFor();

      await challenges.getByRole("button", { name: "Add challenge" }).click();
      await frame.getByLabel("Title", { exact: true }).fill("Share your link");
      await frame.getByLabel("Goal", { exact: true }).selectOption("share_link");
      await frame.getByText("the first time someone opens the shopper's referral link").waitFor();
      expect(await frame.getByLabel("Friends referred").count()).toBe(0);
      await frame.getByLabel("Points paid").fill("20");
      await frame.getByRole("button", { name: "Check what it pays" }).click();
      await frame.getByRole("button", { name: "Save challenge" }).click();
      await challenges.locator(".ql-items__item", { hasText: "Active · 20 points for sharing their referral link" }).waitFor();

      const saved = (await adminGet("/program/challenges")).items as { title: string; goal: Record<string, unknown>; repeat: { every: string } }[];
      expect(saved.find((c) => c.title === "Bring three friends")).toMatchObject({ goal: { kind: "referrals", target: 3 } });
      expect(saved.find((c) => c.title === "Share your link")).toMatchObject({ goal: { kind: "share_link", target: 1 }, repeat: { every: "once" } });
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );
});
