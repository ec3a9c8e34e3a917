import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

let app: TestApp;
let admin: ReturnType<typeof bearer>;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());
beforeEach(async () => {
  const { storeId } = await app.installStore();
  admin = bearer(await app.adminToken(storeId));
});

const get = (path: string) => app.http.get(`/api/admin${path}`, admin);
const put = (path: string, body: unknown) => app.http.put(`/api/admin${path}`, body, admin);

describe("the tier rules and paid memberships in the program API", () => {
  it("when the merchant reads the tier rules of a new program, then they qualify by lifetime spend without grace; a change is saved and read back", async () => {
    expect((await get("/program/tierRules")).data).toEqual({ metric: "spend", window: "lifetime", graceDays: 0 });
    const saved = await put("/program/tierRules", { metric: "points", window: "rolling_12_months", graceDays: 30 });
    expect(saved.status).toBe(200);
    expect((await get("/settings")).data.tierRules).toEqual({ metric: "points", window: "rolling_12_months", graceDays: 30 });
  });

  it("when rules or memberships are wrong, then each is refused beside its field and nothing changes", async () => {
    const badRules = await put("/program/tierRules", { metric: "visits", window: "lifetime", graceDays: -1 });
    expect(badRules.status).toBe(400);
    expect(badRules.data.issues.map((issue: { path: (string | number)[] }) => issue.path.join("."))).toEqual(expect.arrayContaining(["metric", "graceDays"]));

    const unknownTier = await put("/program/memberships", [{ id: "ms_club", productId: 42, tierId: "tr_nope", months: 12 }]);
    expect(unknownTier.status).toBe(400);
    expect(JSON.stringify(unknownTier.data)).toContain("is not a tier of this program");
    expect((await get("/program/memberships")).data).toEqual([]);
  });

  it("when a tier exists, then a yearly club pass can sell it", async () => {
    expect((await app.http.post("/api/admin/program/tiers", { id: "tr_club", name: "Club", threshold: 0, inviteOnly: true }, admin)).status).toBe(201);
    const pass = { id: "ms_club", productId: 42, tierId: "tr_club", months: 12 };
    expect((await put("/program/memberships", [pass])).status).toBe(200);
    expect((await get("/program/memberships")).data).toEqual([pass]);
  });

  it("when two passes share an id or a product, then the second is refused beside its field and nothing changes", async () => {
    expect((await app.http.post("/api/admin/program/tiers", { id: "tr_club", name: "Club", threshold: 0, inviteOnly: true }, admin)).status).toBe(201);
    const pass = { id: "ms_club", productId: 42, tierId: "tr_club", months: 12 };
    for (const [second, field] of [
      [{ ...pass, productId: 43 }, "id"],
      [{ ...pass, id: "ms_other" }, "productId"],
    ] as const) {
      const refused = await put("/program/memberships", [pass, second]);
      expect(refused.status).toBe(400);
      expect(refused.data.issues).toContainEqual(expect.objectContaining({ path: ["memberships", 1, field], code: "not_unique" }));
    }
    expect((await get("/program/memberships")).data).toEqual([]);
  });

  it("when a tier links an Ecwid customer group, then the storefront's program says what it gives but not the group", async () => {
    const created = await app.http.post("/api/admin/program/tiers", { id: "tr_vip", name: "VIP", threshold: 1_000, customerGroupId: 77 }, admin);
    expect(created.status, JSON.stringify(created.data)).toBe(201);
    const storeId = (await get("/store")).data.storeId;
    const program = (await app.http.get(`/api/storefront/${storeId}/program?lang=en`)).data;
    expect(program.tiers).toHaveLength(1);
    expect(program.tiers[0]).not.toHaveProperty("customerGroupId");
    expect(program.tiers[0].perkLines).toContain("Member prices at checkout");
  });
});
