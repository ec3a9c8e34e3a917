import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Redemption } from "../../server/modules/rewards/redemption.js";
import { defaultProgramSettings, rewardSchema } from "../../server/modules/settings/program-settings.js";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import { createTestDatabase, postgresSkipReason, type TestDatabase } from "../support/postgres.js";
import { aMember, aStoreId } from "../support/storage-fixtures.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";
import { aRedemption } from "../contract/redemptions.contract.js";

const skipReason = await postgresSkipReason("admin redemptions API on PostgreSQL");
const ADAPTERS = [{ name: "lowdb", postgres: false }, ...(skipReason ? [] : [{ name: "PostgreSQL", postgres: true }])];

let app: TestApp;

/** A store with Ann and these redemptions of hers (oldest first), and the merchant's token. */
async function storeWith(build: (storeId: number) => Partial<Redemption>[]) {
  // A store id no other test uses: the PostgreSQL run shares one database across the file's apps.
  const { storeId } = await app.installStore({ storeId: aStoreId(), currency: "EUR", currencyPrecision: 2 });
  const ann = aMember(storeId, { email: "ann@example.com" });
  const redemptions = build(storeId).map((overrides, i) =>
    aRedemption(storeId, { memberId: ann.id, createdAt: new Date(Date.UTC(2026, 2, 1, 10, i)).toISOString(), ...overrides }),
  );
  await app.container.storage.transaction(storeId, async (tx) => {
    await tx.members.insert(storeId, ann);
    for (const redemption of redemptions) await tx.redemptions.insert(storeId, redemption);
  });
  return { storeId, ann, redemptions, token: await app.adminToken(storeId) };
}

const experience = { rewardKind: "experience", rewardName: "Tasting panel", status: "issued", coupon: null, checkAfter: null, valueMinor: null } as const;
const pledge = (rewardId: string, rewardName: string, valueMinor: number) =>
  ({ rewardKind: "donation", rewardId, rewardName, status: "issued", coupon: null, checkAfter: null, valueMinor, points: 300 }) as const;
const stored = (storeId: number, id: string) => app.container.storage.read(storeId, (tx) => tx.redemptions.get(storeId, id));
const auditOf = (storeId: number) => app.container.storage.read(storeId, (tx) => tx.audit.list(storeId, { limit: 50, offset: 0 }));

describe.each(ADAPTERS)("admin redemptions API ($name)", ({ postgres }) => {
  let database: TestDatabase | null = null;
  beforeAll(async () => {
    if (postgres) database = await createTestDatabase("admin_redemptions");
  }, 60_000);
  afterAll(async () => {
    await database?.drop();
  });
  beforeEach(async () => {
    app = await startTestApp(database ? { storage: await createPostgresStorage({ databaseUrl: database.url }) } : {});
  });
  afterEach(() => app.close());

  it("when the merchant has no valid session, then every rewards route answers 401 and changes nothing", async () => {
    const { storeId, redemptions } = await storeWith(() => [experience]);
    const id = redemptions[0]!.id;
    for (const headers of [{}, { Authorization: "Bearer not-a-token" }]) {
      expect((await app.http.get("/api/admin/redemptions", { headers })).status).toBe(401);
      expect((await app.http.get("/api/admin/donations", { headers })).status).toBe(401);
      expect((await app.http.post(`/api/admin/redemptions/${id}/fulfil`, {}, { headers })).status).toBe(401);
    }
    expect((await stored(storeId, id))?.status).toBe("issued");
  });

  it("when the merchant lists redemptions, then they come newest first with the member's email, filtered by status and paged", async () => {
    const { ann, redemptions, token } = await storeWith(() => [{ status: "issued" }, { status: "released", reason: "Ecwid refused" }, experience, { status: "used" }]);
    const other = await storeWith(() => [{ status: "issued" }]);

    const all = await app.http.get("/api/admin/redemptions", bearer(token));
    const issued = await app.http.get("/api/admin/redemptions", { params: { status: "issued" }, ...bearer(token) });
    const second = await app.http.get("/api/admin/redemptions", { params: { limit: 1, offset: 1 }, ...bearer(token) });

    expect(all.status).toBe(200);
    expect(all.data.total).toBe(4);
    expect(all.data.items.map((r: { id: string }) => r.id)).toEqual([...redemptions].reverse().map((r) => r.id));
    expect(all.data.items[0]).toEqual({
      id: redemptions[3]!.id,
      storeId: redemptions[3]!.storeId,
      memberId: ann.id,
      member: { id: ann.id, email: "ann@example.com" },
      rewardId: "rew_five",
      rewardName: "5 off",
      rewardKind: "amount",
      points: 100,
      valueMinor: 500,
      status: "used",
      coupon: redemptions[3]!.coupon,
      reason: null,
      usedByOrderId: null,
      fulfilledBy: null,
      grantedBy: null,
      createdAt: redemptions[3]!.createdAt,
      updatedAt: redemptions[3]!.updatedAt,
    });
    expect(issued.data).toMatchObject({ total: 2, items: [{ id: redemptions[2]!.id }, { id: redemptions[0]!.id }] });
    expect(second.data).toMatchObject({ total: 4, items: [{ id: redemptions[2]!.id }] });
    expect(all.data.items.map((r: { id: string }) => r.id)).not.toContain(other.redemptions[0]!.id);
  });

  it.each([
    ["an unknown status", { status: "lost" }, "status"],
    ["a limit above 100", { limit: 101 }, "limit"],
    ["a negative offset", { offset: -1 }, "offset"],
    ["an unknown parameter", { kind: "donation" }, "kind"],
  ])("when the list is asked with %s, then it answers 400 naming the field", async (_what, params, field) => {
    const { token } = await storeWith(() => []);
    const res = await app.http.get("/api/admin/redemptions", { params, ...bearer(token) });
    expect(res.status).toBe(400);
    expect(res.data).toMatchObject({ code: "validation_failed", issues: [expect.objectContaining({ path: [field] })] });
  });

  it("when the merchant marks an experience fulfilled twice, then it is fulfilled by them once, audited once, and the second answer is the same", async () => {
    const { storeId, redemptions, token } = await storeWith(() => [experience]);
    const id = redemptions[0]!.id;

    const first = await app.http.post(`/api/admin/redemptions/${id}/fulfil`, {}, bearer(token));
    const again = await app.http.post(`/api/admin/redemptions/${id}/fulfil`, {}, bearer(token));

    expect(first.status).toBe(200);
    expect(first.data).toMatchObject({ id, status: "fulfilled", member: { email: "ann@example.com" } });
    expect(first.data.fulfilledBy).toEqual(expect.any(String));
    expect(again.status).toBe(200);
    expect(again.data).toEqual(first.data);
    expect(await stored(storeId, id)).toMatchObject({ status: "fulfilled", fulfilledBy: first.data.fulfilledBy });
    const audit = await auditOf(storeId);
    expect(audit.items.filter((entry) => entry.action === "experience.fulfilled")).toEqual([
      expect.objectContaining({
        actor: first.data.fulfilledBy,
        subject: redemptions[0]!.memberId,
        details: expect.objectContaining({ redemptionId: id, rewardName: "Tasting panel" }),
      }),
    ]);
    const words = await app.http.get("/api/admin/audit", bearer(token));
    expect(words.data.items[0].label).toBe("Experience 'Tasting panel' fulfilled for ann@example.com");
  });

  it("when the merchant marks one experience fulfilled from ten tabs at once, then all ten answer it fulfilled and it is audited once", async () => {
    const { storeId, redemptions, token } = await storeWith(() => [experience]);
    const id = redemptions[0]!.id;

    const answers = await Promise.all(Array.from({ length: 10 }, () => app.http.post(`/api/admin/redemptions/${id}/fulfil`, {}, bearer(token))));

    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    expect(new Set(answers.map((answer) => JSON.stringify(answer.data))).size).toBe(1);
    expect((await auditOf(storeId)).items.filter((entry) => entry.action === "experience.fulfilled")).toHaveLength(1);
  });

  it.each([
    ["a coupon", { status: "issued" }],
    ["a pending experience", { ...experience, status: "pending" }],
    ["a released donation", { ...pledge("rw_trees", "Trees", 500), status: "released" }],
  ] as const)("when the merchant marks %s fulfilled, then it answers 409 and changes nothing", async (_what, overrides) => {
    const { storeId, redemptions, token } = await storeWith(() => [overrides]);
    const res = await app.http.post(`/api/admin/redemptions/${redemptions[0]!.id}/fulfil`, {}, bearer(token));
    expect(res.status).toBe(409);
    expect(res.data.code).toBe("conflict");
    expect(await stored(storeId, redemptions[0]!.id)).toEqual(redemptions[0]);
    expect((await auditOf(storeId)).total).toBe(0);
  });

  it("when the merchant fulfils a redemption that is not theirs or does not exist, then it answers 404 and the other store's stays as it was", async () => {
    const mine = await storeWith(() => []);
    const theirs = await storeWith(() => [experience]);
    const id = theirs.redemptions[0]!.id;

    const foreign = await app.http.post(`/api/admin/redemptions/${id}/fulfil`, {}, bearer(mine.token));
    const missing = await app.http.post("/api/admin/redemptions/red_missing/fulfil", {}, bearer(mine.token));
    const huge = await app.http.post(`/api/admin/redemptions/${"x".repeat(65)}/fulfil`, {}, bearer(mine.token));

    expect([foreign.status, missing.status, huge.status]).toEqual([404, 404, 400]);
    expect((await stored(theirs.storeId, id))?.status).toBe("issued");
  });

  it("when the merchant marks a cause paid out, then every pledge still owed to its rewards is paid out in one audited write, others stay, and asking again pays nothing more", async () => {
    const { storeId, redemptions, token } = await storeWith(() => [
      pledge("rw_trees", "Plant trees", 500),
      pledge("rw_trees", "Plant trees", 500),
      { ...pledge("rw_trees", "Plant trees", 500), status: "released" },
      pledge("rw_trees_old", "Plant trees", 300),
      pledge("rw_sea", "Clean seas", 250),
      { ...experience, rewardId: "rw_trees" },
    ]);

    const paid = await app.http.post("/api/admin/donations/payout", { rewardIds: ["rw_trees", "rw_trees_old"] }, bearer(token));
    const again = await app.http.post("/api/admin/donations/payout", { rewardIds: ["rw_trees", "rw_trees_old"] }, bearer(token));

    expect(paid.status).toBe(200);
    expect(paid.data).toEqual({ count: 3, valueMinor: 1300, stillOwed: 0 });
    expect(again.data).toEqual({ count: 0, valueMinor: 0, stillOwed: 0 });
    const statuses = await Promise.all(redemptions.map(async (r) => (await stored(storeId, r.id))?.status));
    expect(statuses).toEqual(["fulfilled", "fulfilled", "released", "fulfilled", "issued", "issued"]);
    const audit = (await auditOf(storeId)).items;
    expect(audit.map((entry) => entry.action)).toEqual(["donations.paid_out"]);
    expect(audit[0]!.details).toMatchObject({ count: 3, valueMinor: 1300, redemptionIds: [redemptions[3]!.id, redemptions[1]!.id, redemptions[0]!.id] });
    expect((await app.http.get("/api/admin/audit", bearer(token))).data.items[0].label).toBe("3 pledges to 'Plant trees' paid out");
  });

  it.each([
    ["no rewards", { rewardIds: [] }],
    ["no body", {}],
    ["an unknown field", { rewardIds: ["rw_trees"], all: true }],
    ["a reward id that is not text", { rewardIds: [7] }],
  ])("when a payout names %s, then it answers 400 and pays nothing", async (_what, body) => {
    const { storeId, redemptions, token } = await storeWith(() => [pledge("rw_trees", "Plant trees", 500)]);
    const res = await app.http.post("/api/admin/donations/payout", body, bearer(token));
    expect(res.status).toBe(400);
    expect(res.data.code).toBe("validation_failed");
    expect((await stored(storeId, redemptions[0]!.id))?.status).toBe("issued");
    expect((await app.http.post("/api/admin/donations/payout", { rewardIds: ["rw_trees"] })).status).toBe(401);
  });

  it("when donations are pledged and one is paid out, then each cause totals its pledges in money, paid out and still owed", async () => {
    const { storeId, redemptions, token } = await storeWith(() => [
      pledge("rw_trees", "Plant trees", 500),
      pledge("rw_trees", "Plant trees", 500),
      { ...pledge("rw_trees", "Plant trees", 500), status: "released" },
      pledge("rw_sea", "Clean seas", 250),
      { status: "issued", valueMinor: 9999 },
    ]);
    // The trees reward is in the catalog under its cause; the seas reward was deleted since, so its cause is the name it was redeemed under.
    const trees = rewardSchema.parse({ id: "rw_trees", kind: "donation", name: "Plant trees", costPoints: 300, cause: "Trees for the valley", valueMinor: 500 });
    await app.container.storage.transaction(storeId, async (tx) => {
      const settings = (await tx.settings.get(storeId)) ?? defaultProgramSettings(2);
      await tx.settings.save(storeId, { ...settings, rewards: [trees] });
    });
    const before = await app.http.get("/api/admin/donations", bearer(token));
    const paid = await app.http.post(`/api/admin/redemptions/${redemptions[0]!.id}/fulfil`, {}, bearer(token));
    const after = await app.http.get("/api/admin/donations", bearer(token));

    expect(before.status).toBe(200);
    expect(before.data).toEqual({
      causes: [
        { cause: "Trees for the valley", rewardIds: ["rw_trees"], pledges: 2, points: 600, pledgedMinor: 1000, paidOutMinor: 0, owedMinor: 1000, pledgesOwed: 2 },
        { cause: "Clean seas", rewardIds: ["rw_sea"], pledges: 1, points: 300, pledgedMinor: 250, paidOutMinor: 0, owedMinor: 250, pledgesOwed: 1 },
      ],
    });
    expect(paid.status).toBe(200);
    expect(after.data.causes[0]).toEqual({
      cause: "Trees for the valley",
      rewardIds: ["rw_trees"],
      pledges: 2,
      points: 600,
      pledgedMinor: 1000,
      paidOutMinor: 500,
      owedMinor: 500,
      pledgesOwed: 1,
    });
    expect((await auditOf(storeId)).items.map((entry) => entry.action)).toEqual(["donation.paid_out"]);
  });
});
