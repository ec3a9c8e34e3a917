import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manualClock } from "../../server/lib/clock.js";
import { runTierReviews } from "../../server/jobs/tier-review.job.js";
import { insertMember } from "../contract/contract-harness.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

const clock = manualClock();
let app: TestApp;
let storeId: number;

// $50 reaches Silver; $100 reaches Gold, which $80 keeps.
const TIERS = [
  { id: "tr_silver", name: "Silver", threshold: 5_000 },
  { id: "tr_gold", name: "Gold", threshold: 10_000, keepThreshold: 8_000 },
];

beforeEach(async () => {
  clock.set("2026-03-10T10:00:00Z");
  app = await startTestApp({ clock });
  ({ storeId } = await app.installStore({ currency: "EUR", currencyPrecision: 2, timeZone: "Europe/Amsterdam" }));
});
afterEach(() => app.close());

async function saveProgram(changes: Record<string, unknown>) {
  const admin = bearer(await app.adminToken(storeId));
  const current = (await app.http.get("/api/admin/settings", admin)).data;
  const saved = await app.http.put("/api/admin/settings", { ...current, ...changes }, admin);
  expect(saved.status, JSON.stringify(saved.data)).toBe(200);
}

async function sendOrderEvent(orderId: string, eventType: "order.created" | "order.updated") {
  await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(storeId, orderId, eventType) });
  await app.worker.drain();
}

const memberOf = async (email: string) => (await app.container.storage.read(storeId, (tx) => tx.members.findByEmail(storeId, email)))!;
const earnedOf = async (email: string) => (await memberOf(email)).tier?.earned;
const changesOf = async (email: string) => {
  const member = await memberOf(email);
  const changes = await app.container.storage.read(storeId, (tx) => tx.tierChanges.listForMember(storeId, member.id, 10));
  return changes.reverse().map((change) => [change.reason, change.fromTierId, change.toTierId, change.details.amount, change.at]);
};
const runJob = async (at: string) => {
  clock.set(at);
  await runTierReviews({ storage: app.container.storage, tierReviews: app.container.tierReviews, logger: app.container.logger });
};

describe("tier reviews through signed webhooks and the scheduled job (Europe/Amsterdam)", () => {
  it("when an order reaches Gold, then it is held at once; a refund below the keep amount starts a grace and the tier goes exactly when it ends, onto Silver, and Silver goes a year after its order", async () => {
    await saveProgram({ tiers: TIERS, tierRules: { metric: "spend", window: "rolling_12_months", graceDays: 30 } });
    const order = app.emulator.putOrder(storeId, { email: "ana@example.com", subtotal: 120, total: 120, paymentStatus: "PAID" });
    await sendOrderEvent(order.id, "order.created");
    expect(await earnedOf("ana@example.com")).toMatchObject({ tierId: "tr_gold", since: "2026-03-10T10:00:00.000Z", reviewAt: "2027-03-10T23:00:00.000Z" });

    clock.set("2026-03-11T09:00:00Z");
    app.emulator.refundOrder(storeId, order.id, 50);
    await sendOrderEvent(order.id, "order.updated");
    // Thirty local days after 11 March: local midnight of 10 April (summer time).
    expect(await earnedOf("ana@example.com")).toMatchObject({ tierId: "tr_gold", graceEndsAt: "2026-04-09T22:00:00.000Z", reviewAt: "2026-04-09T22:00:00.000Z" });

    await runJob("2026-04-09T21:59:59Z");
    expect((await earnedOf("ana@example.com"))?.tierId).toBe("tr_gold");
    await runJob("2026-04-09T22:00:00Z");
    expect(await earnedOf("ana@example.com")).toMatchObject({ tierId: "tr_silver", graceEndsAt: null, reviewAt: "2027-03-10T23:00:00.000Z" });

    await runJob("2027-03-10T22:59:59Z");
    expect((await earnedOf("ana@example.com"))?.graceEndsAt).toBeNull();
    await runJob("2027-03-10T23:00:00Z");
    expect(await earnedOf("ana@example.com")).toMatchObject({ tierId: "tr_silver", graceEndsAt: "2027-04-09T22:00:00.000Z" });
    await runJob("2027-04-09T22:00:00Z");
    expect(await earnedOf("ana@example.com")).toMatchObject({ tierId: null, reviewAt: null });

    await app.container.emails.idle();
    // A promotion and each grace's start are told by email (with the date the tier goes); the demotions are not.
    expect(app.mail.messages.filter((mail) => mail.to.includes("ana@example.com")).map((mail) => mail.subject)).toEqual([
      expect.stringMatching(/^You are now Gold at /),
      expect.stringMatching(/^Keep your Gold status at /),
      expect.stringMatching(/^Keep your Silver status at /),
    ]);
    expect(app.mail.messages.find((mail) => mail.subject.startsWith("Keep your Gold"))?.text).toContain("April 9, 2026");
    expect(await changesOf("ana@example.com")).toEqual([
      ["reached", null, "tr_gold", 12_000, "2026-03-10T10:00:00.000Z"],
      ["grace_started", "tr_gold", "tr_gold", 7_000, "2026-03-11T09:00:00.000Z"],
      ["demoted", "tr_gold", "tr_silver", 7_000, "2026-04-09T22:00:00.000Z"],
      ["grace_started", "tr_silver", "tr_silver", 0, "2027-03-10T23:00:00.000Z"],
      ["demoted", "tr_silver", null, 0, "2027-04-09T22:00:00.000Z"],
    ]);
  });

  it("when a calendar year restarts, then a Gold member is reset at local midnight of 1 January, not at UTC midnight", async () => {
    await saveProgram({ tiers: TIERS, tierRules: { metric: "spend", window: "calendar_year", graceDays: 0 } });
    clock.set("2026-06-01T10:00:00Z");
    const order = app.emulator.putOrder(storeId, { email: "bo@example.com", subtotal: 150, total: 150, paymentStatus: "PAID" });
    await sendOrderEvent(order.id, "order.created");
    expect(await earnedOf("bo@example.com")).toMatchObject({ tierId: "tr_gold", reviewAt: "2026-12-31T23:00:00.000Z" });

    await runJob("2026-12-31T22:59:59Z");
    expect((await earnedOf("bo@example.com"))?.tierId).toBe("tr_gold");
    await runJob("2026-12-31T23:00:00Z");
    expect((await earnedOf("bo@example.com"))?.tierId).toBeNull();
    expect((await changesOf("bo@example.com")).map(([reason, from, to]) => [reason, from, to])).toEqual([
      ["reached", null, "tr_gold"],
      ["reset", "tr_gold", null],
    ]);
  });

  it("when tiers ship to a store with members, then the job gives each existing member their tier (reached) once, and an uninstalled store is skipped", async () => {
    await saveProgram({ tiers: TIERS, tierRules: { metric: "spend", window: "lifetime", graceDays: 0 } });
    // Members saved before tier reviews: no tier state; Cy's order was counted then.
    const cy = await insertMember(app.container.storage, storeId, { email: "cy@example.com" });
    await app.container.storage.transaction(storeId, (tx) =>
      tx.orders.save(storeId, {
        orderId: "9001",
        internalId: 9001,
        storeId,
        memberId: cy.id,
        paymentStatus: "PAID",
        counted: true,
        eligibleMinor: 6_000,
        items: [],
        placedAt: "2025-05-01T10:00:00.000Z",
        revision: 1,
        updatedAt: "2025-05-01T10:00:00.000Z",
      }),
    );
    await insertMember(app.container.storage, storeId, { email: "dee@example.com" });
    const other = await app.installStore({ timeZone: "Europe/Amsterdam" });
    await insertMember(app.container.storage, other.storeId, { email: "eve@example.com" });
    await app.container.installs.uninstall(other.storeId);

    await runJob("2026-03-12T10:00:00Z");
    await runJob("2026-03-13T10:00:00Z");

    expect(await earnedOf("cy@example.com")).toMatchObject({ tierId: "tr_silver", reviewAt: null, reviewedAt: "2026-03-12T10:00:00.000Z" });
    expect(await earnedOf("dee@example.com")).toMatchObject({ tierId: null, reviewAt: null, reviewedAt: "2026-03-12T10:00:00.000Z" });
    expect(await changesOf("cy@example.com")).toEqual([["reached", null, "tr_silver", 6_000, "2026-03-12T10:00:00.000Z"]]);
    const eve = await app.container.storage.read(other.storeId, (tx) => tx.members.findByEmail(other.storeId, "eve@example.com"));
    expect(eve?.tier).toBeNull();
  });

  it("when a store west of UTC starts a member's grace, then the email names the last day the tier is kept in the store's calendar, not the UTC day the grace ends", async () => {
    ({ storeId } = await app.installStore({ currency: "USD", currencyPrecision: 2, timeZone: "America/New_York" }));
    await saveProgram({ tiers: TIERS, tierRules: { metric: "spend", window: "rolling_12_months", graceDays: 30 } });
    const order = app.emulator.putOrder(storeId, { email: "ana@example.com", subtotal: 120, total: 120, paymentStatus: "PAID" });
    await sendOrderEvent(order.id, "order.created");
    clock.set("2026-03-11T15:00:00Z");
    app.emulator.refundOrder(storeId, order.id, 50);
    await sendOrderEvent(order.id, "order.updated");

    // Thirty local days after 11 March: New York's midnight of 10 April, 04:00 UTC; Gold is kept through 9 April.
    expect((await earnedOf("ana@example.com"))?.graceEndsAt).toBe("2026-04-10T04:00:00.000Z");
    await app.container.emails.idle();
    const warning = app.mail.messages.find((mail) => mail.subject.startsWith("Keep your Gold"));
    expect(warning?.text).toContain("You keep it until April 9, 2026");
  });
});
