import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manualClock } from "../../server/lib/clock.js";
import { runTierReviews } from "../../server/jobs/tier-review.job.js";
import { insertMember } from "../contract/contract-harness.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

const clock = manualClock();
let app: TestApp;
let storeId: number;
// A merchant session lasts less than the clock moves here: each request signs in anew.
const auth = async () => bearer(await app.adminToken(storeId));

const TIERS = [
  { id: "tr_silver", name: "Silver", threshold: 5_000 },
  { id: "tr_gold", name: "Gold", threshold: 10_000 },
  { id: "tr_club", name: "Club", threshold: 0, inviteOnly: true },
];
const RULES = { metric: "spend", window: "rolling_12_months", graceDays: 0 };

beforeEach(async () => {
  clock.set("2026-03-10T10:00:00Z");
  app = await startTestApp({ clock });
  ({ storeId } = await app.installStore({ currency: "EUR", currencyPrecision: 2, timeZone: "Europe/Amsterdam" }));
});
afterEach(() => app.close());

const api = (path: string) => `/api/storefront/${storeId}${path}`;

async function saveProgram(changes: Record<string, unknown>) {
  const current = (await app.http.get("/api/admin/settings", await auth())).data;
  const saved = await app.http.put("/api/admin/settings", { ...current, ...changes }, await auth());
  expect(saved.status, JSON.stringify(saved.data)).toBe(200);
}

async function paidOrder(email: string, amount: number, at: string) {
  clock.set(at);
  const order = app.emulator.putOrder(storeId, { email, subtotal: amount, total: amount, paymentStatus: "PAID" });
  await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(storeId, order.id, "order.created") });
  await app.worker.drain();
}

async function signIn(email: string) {
  await app.http.post(api("/session/start"), { email });
  const verified = await app.http.post(api("/session/verify"), { email, code: app.mail.codeFor(email) });
  expect(verified.status).toBe(200);
  return verified.data.token as string;
}

const memberId = async (email: string) => (await app.container.storage.read(storeId, (tx) => tx.members.findByEmail(storeId, email)))!.id;

describe("the merchant's side of tiers", () => {
  it("when the merchant raises Gold's threshold, then the preview says who moves and when, nobody is demoted at once, and the demotion lands at the member's next review, recorded for the merchant and in /me", async () => {
    await saveProgram({ tiers: TIERS, tierRules: RULES });
    await paidOrder("ana@example.com", 120, "2026-03-10T10:00:00Z");
    await paidOrder("ana@example.com", 110, "2026-06-01T10:00:00Z");
    await paidOrder("bo@example.com", 45, "2026-06-02T10:00:00Z");
    clock.set("2026-07-01T10:00:00Z");
    const raised = TIERS.map((tier) =>
      tier.id === "tr_gold" ? { ...tier, threshold: 15_000, keepThreshold: 12_000 } : tier.id === "tr_silver" ? { ...tier, threshold: 4_000 } : tier,
    );

    const preview = await app.http.post("/api/admin/program/tiers/preview", { tiers: raised, tierRules: RULES }, await auth());
    expect(preview.status, JSON.stringify(preview.data)).toBe(200);
    // Ana's March order leaves on 11 March 2027 (local): 110 € then misses Gold's new keep amount. Bo reaches Silver at his next review (none is scheduled: his next order).
    expect(preview.data).toEqual({ members: 2, up: { count: 1, when: [{ date: null, count: 1 }] }, down: { count: 1, when: [{ date: "2027-03-11", count: 1 }] } });
    const bad = await app.http.post("/api/admin/program/tiers/preview", { tiers: [{ id: "tr_x", name: "X", threshold: -1 }], tierRules: RULES }, await auth());
    expect(bad.status).toBe(400);

    await saveProgram({ tiers: raised, tierRules: RULES });
    await runTierReviews({ storage: app.container.storage, tierReviews: app.container.tierReviews, logger: app.container.logger });
    const ana = await memberId("ana@example.com");
    expect((await app.http.get(`/api/admin/members/${ana}/tier`, await auth())).data.standing.current).toMatchObject({ id: "tr_gold", how: "earned" });

    clock.set("2027-03-10T23:00:00Z");
    await runTierReviews({ storage: app.container.storage, tierReviews: app.container.tierReviews, logger: app.container.logger });
    const seen = (await app.http.get(`/api/admin/members/${ana}/tier`, await auth())).data;
    expect(seen.state.earned).toMatchObject({ tierId: "tr_silver", reviewAt: "2027-06-01T22:00:00.000Z" });
    expect(seen.standing).toMatchObject({ current: { id: "tr_silver" }, amount: 11_000, keep: { threshold: 4_000, needed: 0 }, next: { id: "tr_gold", needed: 4_000 } });
    const changes = [
      { reason: "demoted", fromTierId: "tr_gold", toTierId: "tr_silver", at: "2027-03-10T23:00:00.000Z" },
      { reason: "reached", fromTierId: null, toTierId: "tr_gold", at: "2026-03-10T10:00:00.000Z" },
    ];
    expect(seen.standing.changes).toEqual(changes);
    // The merchant's record of each change carries what the review measured.
    expect(seen.changes.map((change: { reason: string; details: Record<string, unknown> }) => [change.reason, change.details.amount, change.details.metric])).toEqual([
      ["demoted", 11_000, "spend"],
      ["reached", 12_000, "spend"],
    ]);

    const me = (await app.http.get(api("/me"), bearer(await signIn("ana@example.com")))).data;
    expect(me.tier).toMatchObject({ current: { id: "tr_silver", name: "Silver", how: "earned", since: "2027-03-10T23:00:00.000Z" }, metric: "spend", amount: 11_000, changes });
  });

  it("when the merchant assigns an invitation-only tier, then the member holds it (recorded, audited) until it is taken away; an unknown member is 404 and a tier anyone can reach is 400", async () => {
    await saveProgram({ tiers: TIERS, tierRules: RULES });
    const cy = await insertMember(app.container.storage, storeId, { email: "cy@example.com" });

    const given = await app.http.put(`/api/admin/members/${cy.id}/tier`, { tierId: "tr_club" }, await auth());
    expect(given.status, JSON.stringify(given.data)).toBe(200);
    expect(given.data.state.assigned).toMatchObject({ tierId: "tr_club", at: "2026-03-10T10:00:00.000Z" });
    expect((await app.http.put(`/api/admin/members/mem_nobody/tier`, { tierId: "tr_club" }, await auth())).status).toBe(404);
    expect((await app.http.put(`/api/admin/members/${cy.id}/tier`, { tierId: "tr_gold" }, await auth())).data).toMatchObject({ code: "bad_request" });
    expect((await app.http.put(`/api/admin/members/${cy.id}/tier`, { tierId: 5 }, await auth())).status).toBe(400);
    expect((await app.http.get(`/api/admin/members/${cy.id}/tier`, await auth())).data.standing.current).toMatchObject({ id: "tr_club", how: "assigned" });

    clock.set("2026-03-11T10:00:00Z");
    expect((await app.http.delete(`/api/admin/members/${cy.id}/tier`, await auth())).data.state.assigned).toBeNull();
    const seen = (await app.http.get(`/api/admin/members/${cy.id}/tier`, await auth())).data;
    expect(seen.standing.current).toBeNull();
    expect(
      seen.standing.changes.map((change: { reason: string; fromTierId: string | null; toTierId: string | null }) => [change.reason, change.fromTierId, change.toTierId]),
    ).toEqual([
      ["unassigned", "tr_club", null],
      ["assigned", null, "tr_club"],
    ]);
    const audit = (await app.http.get("/api/admin/audit", await auth())).data.items.filter((entry: { action: string }) => entry.action.startsWith("tier."));
    expect(audit.map((entry: { action: string; subject: string }) => [entry.action, entry.subject])).toEqual([
      ["tier.unassigned", cy.id],
      ["tier.assigned", cy.id],
    ]);
  });

  it("when members hold tiers earned, paid and given, then the tier counts give each member once, under the best tier they hold now (a paid tier that ran out counts for nothing)", async () => {
    await saveProgram({ tiers: TIERS, tierRules: RULES });
    await paidOrder("ana@example.com", 120, "2026-03-10T10:00:00Z");
    await paidOrder("bo@example.com", 60, "2026-03-10T10:00:00Z");
    await paidOrder("cy@example.com", 10, "2026-03-10T10:00:00Z");
    const state = (tierId: string | null) => ({ earned: { tierId, since: null, graceEndsAt: null, reviewAt: null, reviewedAt: "2026-03-10T10:00:00.000Z" }, group: null });
    const paid = (until: string) => ({ tierId: "tr_gold", membershipId: "ms_1", until, grants: [] });
    await insertMember(app.container.storage, storeId, { email: "dee@example.com", tier: { ...state("tr_silver"), paid: paid("2026-04-01T00:00:00.000Z"), assigned: null } });
    await insertMember(app.container.storage, storeId, { email: "eve@example.com", tier: { ...state(null), paid: paid("2026-03-01T00:00:00.000Z"), assigned: null } });
    const ana = await memberId("ana@example.com");
    expect((await app.http.put(`/api/admin/members/${ana}/tier`, { tierId: "tr_club" }, await auth())).status).toBe(200);
    const cy = await memberId("cy@example.com");
    expect((await app.http.put(`/api/admin/members/${cy}/tier`, { tierId: "tr_club" }, await auth())).status).toBe(200);

    const counts = await app.http.get("/api/admin/program/tier-counts", await auth());
    expect(counts.status, JSON.stringify(counts.data)).toBe(200);
    // Club's threshold 0 puts it lowest: Ana (Gold earned, Club given) counts under Gold, Dee (Silver earned, Gold paid) under Gold.
    expect(counts.data).toEqual({
      members: 5,
      none: 1,
      tiers: [
        { tierId: "tr_club", members: 1 },
        { tierId: "tr_silver", members: 1 },
        { tierId: "tr_gold", members: 2 },
      ],
    });

    clock.set("2026-04-02T10:00:00Z");
    const later = (await app.http.get("/api/admin/program/tier-counts", await auth())).data;
    expect(later.tiers).toEqual([
      { tierId: "tr_club", members: 1 },
      { tierId: "tr_silver", members: 2 },
      { tierId: "tr_gold", members: 1 },
    ]);
    expect((await app.http.get("/api/admin/program/tier-counts")).status).toBe(401);
  });
});
