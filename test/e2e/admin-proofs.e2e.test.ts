import { mkdir } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_STORE_ID } from "../../server/ecwid-emulator/index.js";
import { activityItems, adminDashboardPage, area, BROWSER_TEST_MS, dashboardDocument, dashboardFrame, pageTab, shootDashboard, textOf } from "../support/admin-dashboard-page.js";
import { seriousAxeFindings } from "../support/axe.js";
import type { RunningDemoApp } from "../support/demo-app.js";
import { demoSettings } from "../support/storefront-widget-page.js";

const MAYA = "maya.chen@example.com";
const DIEGO = "diego.alvarez@example.com";
const REVIEW_LINK = "https://reviews.example/trailhead/maya?x=<b>1</b>";
const SHOTS = "/tmp/shots";

const dashboard = adminDashboardPage();
const { openPage, membersInStorage } = dashboard;
let app: RunningDemoApp;

beforeAll(async () => {
  app = await dashboard.start();
  await mkdir(SHOTS, { recursive: true });
  const settings = await demoSettings(app, DEMO_STORE_ID);
  await demoSettings(app, DEMO_STORE_ID, {
    ...settings,
    challenges: [
      ...(settings.challenges as unknown[]),
      { id: "ch_review", title: "Review your gear", icon: "thumbs-up", points: 75, goal: { kind: "proof", proof: "link", prompt: "Post a review and paste its link." } },
      { id: "ch_trail", title: "Gear on the trail", icon: "camera", points: 120, goal: { kind: "proof", proof: "photo", prompt: "A photo of our gear on a hike." } },
    ],
  });
});
afterAll(async () => {
  await dashboard.stop();
});
afterEach(async () => {
  await dashboard.closePage();
});

/** A JPEG a phone might send: drawn on a canvas in the browser, as the widget scales one. */
async function trailPhoto(page: Page): Promise<string> {
  return page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = 480;
    canvas.height = 320;
    const draw = canvas.getContext("2d")!;
    draw.fillStyle = "#9cc9f0";
    draw.fillRect(0, 0, 480, 320);
    draw.fillStyle = "#4f7d3a";
    draw.beginPath();
    draw.moveTo(0, 320);
    draw.lineTo(170, 110);
    draw.lineTo(300, 260);
    draw.lineTo(380, 150);
    draw.lineTo(480, 320);
    draw.fill();
    draw.fillStyle = "#d9480f";
    draw.fillRect(200, 220, 70, 90);
    return canvas.toDataURL("image/jpeg", 0.8);
  });
}

async function memberId(email: string): Promise<string> {
  return (await membersInStorage()).items.find((member) => member.email === email)!.id;
}

const appFrame = dashboardDocument;
const shoot = (page: Page, name: string, only?: Locator) => shootDashboard(page, `${SHOTS}/${name}.png`, only);

/** Moves the dashboard (inside the demo control panel's frame) to a page of its own. */
const goTo = async (page: Page, path: string) => (await appFrame(page)).evaluate((hash) => (window.location.hash = hash), `#${path}`);

describe("reviewing proof in the dashboard", () => {
  it(
    "when shoppers sent a link and a photo, then the merchant reaches them from the Program page, rejects the link with a reason (required, said beside the field) and approves the photo, each leaving the queue; the shopper reads the reason, the approval pays, Activity says so, and axe finds nothing serious",
    async () => {
      const { page, watch } = await openPage("/demo/admin");
      const photo = await trailPhoto(page);
      const maya = { storeId: DEMO_STORE_ID, memberId: await memberId(MAYA) };
      const diego = { storeId: DEMO_STORE_ID, memberId: await memberId(DIEGO) };
      expect((await app.container.tasks.complete(maya, "ch_review", { link: REVIEW_LINK })).status).toBe(202);
      expect((await app.container.tasks.complete(diego, "ch_trail", { photo })).status).toBe(202);
      const diegoBefore = (await membersInStorage()).items.find((member) => member.id === diego.memberId)!.balance;

      const frame = dashboardFrame(page);
      // The Program page read before the proofs came: it reads them again when the merchant comes back to it.
      await page.waitForLoadState("networkidle");
      await pageTab(frame, "Members").click();
      await pageTab(frame, "Program").click();
      const notice = frame.getByRole("status").filter({ hasText: "2 proofs wait for your review." });
      await notice.waitFor();
      await shoot(page, "proofs-program-notice", notice);
      await frame.getByRole("link", { name: "Review proofs (2)" }).click();
      const proofs = frame.getByRole("list", { name: "Proofs: Waiting for review" }).getByRole("listitem");
      await expect.poll(() => proofs.count()).toBe(2);
      const link = proofs.filter({ hasText: MAYA });
      const shot = proofs.filter({ hasText: DIEGO });
      expect(await textOf(link)).toContain("Review your gear");
      expect(await textOf(link)).toContain("Post a review and paste its link.");
      // The link is shown as the text it is and opens apart from the dashboard.
      const anchor = link.getByRole("link", { name: /reviews\.example/ });
      expect(await anchor.textContent()).toContain(REVIEW_LINK);
      expect(await anchor.getAttribute("href")).toBe(REVIEW_LINK);
      expect(await anchor.getAttribute("target")).toBe("_blank");
      expect(await anchor.getAttribute("rel")).toBe("noopener noreferrer");
      expect(await link.locator("b").count()).toBe(0);
      const image = shot.getByRole("img", { name: `Photo ${DIEGO} sent for Gear on the trail` });
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(480);
      expect(await image.getAttribute("src")).toMatch(/^blob:/);
      await shoot(page, "proofs-queue");
      expect(await seriousAxeFindings(await appFrame(page))).toEqual([]);

      await link.getByRole("button", { name: `Reject: Review your gear from ${MAYA}` }).click();
      const reason = frame.getByLabel("Reason the shopper reads");
      await expect.poll(() => reason.evaluate((input) => input === document.activeElement)).toBe(true);
      await frame.getByRole("button", { name: "Reject proof" }).click();
      const required = link.locator(".ql-field-error", { hasText: "Write why the proof is not approved." });
      await required.waitFor();
      expect(await reason.getAttribute("aria-describedby")).toContain(await required.getAttribute("id"));
      expect(await reason.getAttribute("aria-invalid")).toBe("true");
      await shoot(page, "proofs-reject-required", link);
      expect(await seriousAxeFindings(await appFrame(page))).toEqual([]);
      await reason.fill("The link opens a page without your review.");
      await frame.getByRole("button", { name: "Reject proof" }).click();
      await frame
        .getByRole("status")
        .filter({ hasText: `Rejected: Review your gear from ${MAYA}.` })
        .waitFor();
      await expect.poll(() => proofs.count()).toBe(1);

      await shot.getByRole("button", { name: `Approve: Gear on the trail from ${DIEGO}` }).click();
      await frame
        .getByRole("status")
        .filter({ hasText: `Approved: Gear on the trail from ${DIEGO}, 120 points paid.` })
        .waitFor();
      await expect.poll(() => proofs.count()).toBe(0);
      await frame.getByText("Nothing waits for your review.").waitFor();
      await shoot(page, "proofs-done");

      const standing = await app.container.storefront.me(maya, undefined);
      expect(standing.challenges.find((challenge) => challenge.id === "ch_review")?.proof).toEqual({
        status: "rejected",
        reason: "The link opens a page without your review.",
      });
      expect((await membersInStorage()).items.find((member) => member.id === diego.memberId)!.balance).toBe(diegoBefore + 120);
      expect(
        await app.container.storage.proofPhotos.get(
          DEMO_STORE_ID,
          (await app.container.storage.read(DEMO_STORE_ID, (tx) => tx.tasks.listForMember(DEMO_STORE_ID, diego.memberId)))[0]!.id,
        ),
      ).toBeNull();

      await frame.getByLabel("Show").selectOption("rejected");
      const rejected = frame.getByRole("list", { name: "Proofs: Rejected" }).getByRole("listitem");
      await expect.poll(() => textOf(rejected)).toContain("“The link opens a page without your review.”");
      expect(await frame.getByText(/^Approved: /).count()).toBe(0);
      expect(await rejected.getByRole("button").count()).toBe(0);
      await shoot(page, "proofs-rejected");

      await pageTab(frame, "Activity").click();
      await expect.poll(() => textOf(activityItems(frame))).toContain(`Proof for 'Gear on the trail' approved for ${DIEGO} (+120 points)`);
      expect(await textOf(activityItems(frame).nth(1))).toContain(`Proof for 'Review your gear' rejected for ${MAYA}: The link opens a page without your review.`);

      await goTo(page, "/program/challenges/ch_trail");
      await frame.getByRole("link", { name: "Proofs shoppers sent for review" }).click();
      await area(frame, "Proofs to review").waitFor();
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "when the queue is read on a 360px phone, then a proof stacks its actions under it without sideways scrolling and axe finds nothing serious",
    async () => {
      const { page, watch } = await openPage("/demo/admin", { width: 360, height: 740 });
      expect(
        (await app.container.tasks.complete({ storeId: DEMO_STORE_ID, memberId: await memberId("priya.nair@example.com") }, "ch_trail", { photo: await trailPhoto(page) })).status,
      ).toBe(202);
      const frame = dashboardFrame(page);
      await pageTab(frame, "Program").waitFor();
      await goTo(page, "/program/proofs");
      const item = frame.getByRole("list", { name: "Proofs: Waiting for review" }).getByRole("listitem").first();
      await item.getByRole("img").waitFor();
      expect(await frame.locator("body").evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await shoot(page, "proofs-phone");
      expect(await seriousAxeFindings(await appFrame(page))).toEqual([]);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TEST_MS,
  );
});
