import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.js";

let app: TestApp;
let token: string;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());
beforeEach(async () => {
  const { storeId } = await app.installStore();
  token = await app.adminToken(storeId);
});

const headers = (ifMatch?: string) => ({ headers: { Authorization: `Bearer ${token}`, ...(ifMatch ? { "If-Match": ifMatch } : {}) } });
const get = (path: string) => app.http.get(`/api/admin${path}`, headers());
const put = (path: string, body: unknown, ifMatch?: string) => app.http.put(`/api/admin${path}`, body, headers(ifMatch));
const post = (path: string, body: unknown) => app.http.post(`/api/admin${path}`, body, headers());
const del = (path: string, ifMatch?: string) => app.http.delete(`/api/admin${path}`, headers(ifMatch));
const audit = async () => (await get("/audit?limit=100")).data as { total: number; items: { action: string; label: string; subject: string; details: { changes: unknown[] } }[] };

const spring = { title: "Spring", description: "Three orders this spring", points: 50, goal: { kind: "orders", target: 3 } };

describe("the program API, item by item", () => {
  it("when a challenge is created without an id, then the server names it, and it can be read, listed, changed and deleted", async () => {
    const created = await post("/program/challenges", spring);
    expect(created.status).toBe(201);
    const id: string = created.data.id;
    expect(id).toMatch(/^ch_[a-z0-9]{16}$/);
    expect(created.data).toMatchObject({ id, ...spring });
    expect(created.headers.location).toBe(`/api/admin/program/challenges/${id}`);
    expect(created.headers.etag).toMatch(/^"[\w-]+"$/);

    const read = await get(`/program/challenges/${id}`);
    expect(read.data).toEqual(created.data);
    expect(read.headers.etag).toBe(created.headers.etag);
    expect((await get("/program/challenges")).data).toEqual({ items: [created.data], versions: { [id]: created.headers.etag } });

    const changed = await put(`/program/challenges/${id}`, { ...spring, goal: { kind: "orders", target: 5 } }, read.headers.etag);
    expect(changed.status).toBe(200);
    expect(changed.data.goal.target).toBe(5);
    expect(changed.headers.etag).not.toBe(read.headers.etag);
    expect((await get("/settings")).data.challenges).toEqual([changed.data]);

    expect((await del(`/program/challenges/${id}`, changed.headers.etag)).status).toBe(204);
    expect((await get(`/program/challenges/${id}`)).status).toBe(404);
    expect((await put(`/program/challenges/${id}`, spring)).status).toBe(404);
    expect((await del(`/program/challenges/${id}`)).status).toBe(404);
    expect((await get("/program/challenges")).data).toEqual({ items: [], versions: {} });
  });

  it("when badges, tiers and rewards are created, changed and deleted, then each list holds exactly what was asked", async () => {
    const cases = [
      ["badges", { name: "Explorer", description: "", icon: "footprints", goal: { kind: "orders", target: 1 } }, { name: "Pathfinder", icon: "mountain" }, /^bd_/],
      [
        "tiers",
        { name: "Gold", threshold: 50_000, keepThreshold: null, multiplierPercent: 100, birthdayPoints: 0, inviteOnly: false, customerGroupId: null, perks: "Free shipping" },
        { threshold: 60_000 },
        /^tr_/,
      ],
      [
        "rewards",
        {
          name: "$5 off",
          description: "",
          kind: "amount_off",
          costPoints: 500,
          amountMinor: 500,
          minOrderMinor: 0,
          productIds: [],
          categoryIds: [],
          couponDays: 30,
          perMemberLimit: null,
          tierIds: [],
          availableFrom: null,
          availableUntil: null,
          budgets: [],
        },
        { costPoints: 450 },
        /^rw_/,
      ],
    ] as const;
    for (const [list, item, change, prefix] of cases) {
      const created = await post(`/program/${list}`, item);
      expect(created.status).toBe(201);
      expect(created.data.id).toMatch(prefix);
      const changed = await put(`/program/${list}/${created.data.id}`, { ...item, ...change }, created.headers.etag);
      expect(changed.data).toEqual({ id: created.data.id, ...item, ...change });
      expect((await get(`/program/${list}`)).data.items).toEqual([changed.data]);
      expect((await del(`/program/${list}/${created.data.id}`)).status).toBe(204);
      expect((await get(`/program/${list}`)).data.items).toEqual([]);
    }
  });

  it("when an item is given its own id, then it keeps it, a second item with that id is refused at the id, and an id cannot change", async () => {
    expect((await post("/program/challenges", { id: "ch_spring", ...spring })).status).toBe(201);
    const again = await post("/program/challenges", { id: "ch_spring", ...spring, title: "Spring again" });
    expect(again.status).toBe(400);
    expect(again.data.issues).toEqual([{ path: ["id"], code: "not_unique", message: expect.any(String) }]);
    const renamed = await put("/program/challenges/ch_spring", { id: "ch_summer", ...spring });
    expect(renamed.status).toBe(400);
    expect(renamed.data.issues).toEqual([{ path: ["id"], code: "invalid_value", message: expect.any(String) }]);
    expect((await get("/program/challenges")).data.items).toMatchObject([{ id: "ch_spring", ...spring }]);
  });

  it("when the earning rule, theme and texts are read and written, then each has its own version and keeps the rest of the program", async () => {
    await post("/program/challenges", { id: "ch_spring", ...spring });
    const earning = await get("/program/earning");
    expect(earning.data).toEqual({ points: 1, perAmountMinor: 100, minOrderMinor: 0, countedStatuses: ["PAID"] });
    const saved = await put("/program/earning", { ...earning.data, points: 2 }, earning.headers.etag);
    expect(saved.data.points).toBe(2);
    expect(saved.headers.etag).not.toBe(earning.headers.etag);

    const theme = await get("/program/theme");
    const look = { primaryColor: "#2f6f4f", textColor: "#ffffff", position: "bottom-left", launcherText: "Perks" };
    expect((await put("/program/theme", look, theme.headers.etag)).data).toEqual(look);
    const texts = { nl: { "panel.title": "Voordelen" } };
    expect((await put("/program/texts", texts)).data).toEqual(texts);

    const settings = (await get("/settings")).data;
    expect(settings).toMatchObject({ earning: { points: 2 }, theme: look, texts, challenges: [{ id: "ch_spring" }] });
  });
});

describe("versions", () => {
  it("when two tabs edit different challenges, then both saves land; when they edit the same one, then the second is refused 412 with the challenge as it now is", async () => {
    const a = await post("/program/challenges", { id: "ch_a", ...spring });
    const b = await post("/program/challenges", { id: "ch_b", ...spring, title: "Summer" });
    const first = await put("/program/challenges/ch_a", { ...spring, points: 60 }, a.headers.etag);
    expect(first.status).toBe(200);
    const other = await put("/program/challenges/ch_b", { ...spring, title: "Summer", points: 70 }, b.headers.etag);
    expect(other.status).toBe(200);

    const stale = await put("/program/challenges/ch_a", { ...spring, points: 99 }, a.headers.etag);
    expect(stale.status).toBe(412);
    expect(stale.data).toEqual({ code: "version_conflict", message: expect.any(String), current: first.data });
    expect((await del("/program/challenges/ch_a", a.headers.etag)).status).toBe(412);
    const staleRule = await put("/program/earning", { points: 3, perAmountMinor: 100, minOrderMinor: 0, countedStatuses: ["PAID"] }, '"not-the-current-one"');
    expect(staleRule.status).toBe(412);
    expect(staleRule.data.current).toEqual({ points: 1, perAmountMinor: 100, minOrderMinor: 0, countedStatuses: ["PAID"] });
    expect((await get("/program/challenges")).data.items.map((item: { points: number }) => item.points)).toEqual([60, 70]);

    expect((await put("/program/challenges/ch_a", { ...spring, points: 99 })).status).toBe(200);
    expect((await put("/program/challenges/ch_a", { ...spring, points: 98 }, "*")).status).toBe(200);
    expect((await get("/program/challenges/ch_a")).data.points).toBe(98);
  });

  it("when any part of the program changes, then the whole document's ETag changes, and a PUT of the whole with a stale If-Match is 412 with the program as it now is", async () => {
    const first = await get("/settings");
    expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
    await post("/program/badges", { id: "bd_one", name: "One", goal: { kind: "orders", target: 1 } });
    const second = await get("/settings");
    expect(second.headers.etag).not.toBe(first.headers.etag);

    const stale = await put("/settings", { ...first.data, earning: { ...first.data.earning, points: 5 } }, first.headers.etag);
    expect(stale.status).toBe(412);
    expect(stale.data).toEqual({ code: "version_conflict", message: expect.any(String), current: second.data });
    const saved = await put("/settings", { ...second.data, earning: { ...second.data.earning, points: 5 } }, second.headers.etag);
    expect(saved.status).toBe(200);
    expect(saved.headers.etag).toBe((await get("/settings")).headers.etag);
    expect((await get("/settings")).data).toMatchObject({ earning: { points: 5 }, badges: [{ id: "bd_one" }] });
  });

  it("when what GET /settings returns is PUT back unchanged, then it is accepted, the version stays and nothing is recorded", async () => {
    await post("/program/challenges", { id: "ch_spring", ...spring });
    await put("/program/texts", { de: { "panel.title": "Prämien" } });
    const before = await get("/settings");
    const entries = (await audit()).total;
    const again = await put("/settings", before.data, before.headers.etag);
    expect(again.status).toBe(200);
    expect(again.data).toEqual(before.data);
    expect(again.headers.etag).toBe(before.headers.etag);
    expect((await put("/program/challenges/ch_spring", spring)).status).toBe(200);
    expect((await audit()).total).toBe(entries);
  });
});

describe("refusals a form can use", () => {
  it("when a challenge has a field the API does not know, a field of the wrong type or a target of 0, then 400 with each issue at its path and nothing is saved", async () => {
    const bad = await post("/program/challenges", { ...spring, startsAt: "2026-03-01", repeat: "weekly", goal: { kind: "orders", target: 0 } });
    expect(bad.status).toBe(400);
    expect(bad.data).toEqual({
      code: "validation_failed",
      message: expect.stringContaining("goal.target"),
      issues: [
        { path: ["goal", "target"], code: "too_small", minimum: 1, message: "must be at least 1" },
        { path: ["repeat"], code: "invalid_type", message: "must be an object" },
        { path: ["startsAt"], code: "unknown_field", message: expect.any(String) },
      ],
    });
    const whole = await get("/settings");
    const refused = await put("/settings", { ...whole.data, challenges: [{ id: "ch_x", ...spring, goal: { kind: "orders", target: 0 } }], extra: 1 });
    expect(refused.status).toBe(400);
    expect(refused.data.issues).toEqual([
      { path: ["challenges", 0, "goal", "target"], code: "too_small", minimum: 1, message: "must be at least 1" },
      { path: ["extra"], code: "unknown_field", message: expect.any(String) },
    ]);
    expect((await get("/settings")).data).toEqual(whole.data);
    expect((await audit()).total).toBe(0);
  });

  it("when the program would break a rule of the whole (too many tiers, a repeated id), then the issue names the list or the item", async () => {
    for (let n = 0; n < 10; n++) expect((await post("/program/tiers", { name: `Tier ${n}`, threshold: n * 1000 })).status).toBe(201);
    const eleventh = await post("/program/tiers", { name: "One too many", threshold: 99_000 });
    expect(eleventh.status).toBe(400);
    expect(eleventh.data.issues).toEqual([{ path: ["tiers"], code: "too_big", maximum: 10, unit: "items", message: "must have at most 10 items" }]);
    const whole = (await get("/settings")).data;
    const twice = await put("/settings", { ...whole, badges: [0, 1].map(() => ({ id: "bd_same", name: "Same", goal: { kind: "orders", target: 1 } })) });
    expect(twice.data.issues).toEqual([{ path: ["badges", 1, "id"], code: "not_unique", message: expect.any(String) }]);
  });

  it("when a challenge names a badge or tier the program lacks, then 400 with the issue at the challenge's own field, and nothing is saved", async () => {
    const created = await post("/program/challenges", { ...spring, badgeIds: ["bd_nope"] });
    expect(created.status).toBe(400);
    expect(created.data.issues).toEqual([{ path: ["badgeIds", 0], code: "invalid_value", message: "is not a badge of this program" }]);
    const saved = await post("/program/challenges", spring);
    const changed = await put(`/program/challenges/${saved.data.id}`, { ...spring, audience: { kind: "tier", tierIds: ["tr_nope"] } }, saved.headers.etag);
    expect(changed.data.issues).toEqual([{ path: ["audience", "tierIds", 0], code: "invalid_value", message: "is not a tier of this program" }]);
    expect((await get("/program/challenges")).data.items).toEqual([saved.data]);
  });

  it("when a challenge's window ends before it starts, its repeat cap is 0, or it names a product or category the store's catalog lacks, then 400 beside each field and nothing is saved", async () => {
    const { storeId } = await app.installStore();
    token = await app.adminToken(storeId);
    app.emulator.putCategory(storeId, { id: 70, name: "Coffee" });
    app.emulator.putProduct(storeId, { id: 701, name: "House blend", price: 12, categoryIds: [70] });
    const window = { startsAt: "2026-06-01T00:00:00Z", endsAt: "2026-05-01T00:00:00Z" };
    const dates = await post("/program/challenges", { ...spring, window, repeat: { every: "week", cap: 0 } });
    expect(dates.data.issues).toEqual([
      { path: ["window", "endsAt"], code: "invalid_value", message: "must be after the start" },
      { path: ["repeat", "cap"], code: "too_small", minimum: 1, message: "must be at least 1" },
    ]);

    const card = { ...spring, goal: { kind: "stamps", target: 6, productIds: [701, 999], categoryIds: [70, 88] }, audience: { kind: "bought", productIds: [998] } };
    const unknown = await post("/program/challenges", card);
    expect(unknown.status).toBe(400);
    expect(unknown.data.issues).toEqual([
      { path: ["goal", "productIds", 1], code: "invalid_value", message: "is not a product in this store's catalog (id 999)" },
      { path: ["goal", "categoryIds", 1], code: "invalid_value", message: "is not a category in this store's catalog (id 88)" },
      { path: ["audience", "productIds", 0], code: "invalid_value", message: "is not a product in this store's catalog (id 998)" },
    ]);
    expect((await get("/program/challenges")).data.items).toEqual([]);

    const known = await post("/program/challenges", { ...card, goal: { ...card.goal, productIds: [701], categoryIds: [70] }, audience: { kind: "everyone" } });
    expect(known.status).toBe(201);
    // A product the store has since removed (555, saved before) never blocks an edit of something else.
    await app.container.storage.transaction(storeId, async (tx) => {
      const program = (await tx.settings.get(storeId))!;
      await tx.settings.save(storeId, { ...program, challenges: program.challenges.map((one) => ({ ...one, goal: { ...one.goal, productIds: [555] } })) });
    });
    const stored = await get(`/program/challenges/${known.data.id}`);
    const renamed = await put(`/program/challenges/${known.data.id}`, { ...stored.data, title: "Coffee card" }, stored.headers.etag);
    expect(renamed.status).toBe(200);
    expect(renamed.data.goal.productIds).toEqual([555]);
  });
});

describe("the activity log", () => {
  it("when program items are added, changed and deleted, then each save records only the changed fields under a readable label", async () => {
    const created = await post("/program/challenges", { id: "ch_spring", ...spring });
    const changed = await put("/program/challenges/ch_spring", { ...spring, goal: { kind: "orders", target: 5 } }, created.headers.etag);
    await put("/program/earning", { points: 2, perAmountMinor: 100, minOrderMinor: 0, countedStatuses: ["PAID"] });
    await del("/program/challenges/ch_spring");
    const { items } = await audit();
    expect(items.map((entry) => entry.label)).toEqual(["Challenge 'Spring' removed", "Earning rule changed", "Challenge 'Spring' changed", "Challenge 'Spring' added"]);
    expect(items.map((entry) => entry.details.changes)).toEqual([
      [{ path: ["challenges", "ch_spring"], where: "Challenge 'Spring'", before: changed.data }],
      [{ path: ["earning", "points"], where: "Earning rule › points", before: 1, after: 2 }],
      [{ path: ["challenges", "ch_spring", "goal", "target"], where: "Challenge 'Spring' › goal › target", before: 3, after: 5 }],
      [{ path: ["challenges", "ch_spring"], where: "Challenge 'Spring'", after: created.data }],
    ]);
    expect(items.map((entry) => entry.subject)).toEqual(["challenges/ch_spring", "earning", "challenges/ch_spring", "challenges/ch_spring"]);
  });

  it("when the whole program is saved with several changes, then one entry lists each changed field and names what changed", async () => {
    const whole = (await get("/settings")).data;
    await put("/settings", {
      ...whole,
      earning: { ...whole.earning, minOrderMinor: 1_000 },
      tiers: [{ id: "tr_gold", name: "Gold", threshold: 50_000, perks: "" }],
      theme: { ...whole.theme, launcherText: "Perks" },
    });
    const [entry] = (await audit()).items;
    expect(entry?.label).toBe("Program changed: Earning rule changed, Tier 'Gold' added, Widget look changed");
    expect(entry?.details.changes).toEqual([
      { path: ["earning", "minOrderMinor"], where: "Earning rule › min order minor", before: 0, after: 1_000 },
      {
        path: ["tiers", "tr_gold"],
        where: "Tier 'Gold'",
        after: {
          id: "tr_gold",
          name: "Gold",
          threshold: 50_000,
          keepThreshold: null,
          multiplierPercent: 100,
          birthdayPoints: 0,
          inviteOnly: false,
          customerGroupId: null,
          perks: "",
        },
      },
      { path: ["theme", "launcherText"], where: "Widget look › launcher text", before: "", after: "Perks" },
    ]);
  });
});
