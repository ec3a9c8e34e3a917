import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.js";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

async function merchant() {
  const { storeId } = await app.installStore();
  app.emulator.putCategory(storeId, { id: 701, name: "Coffee" });
  const headers = { headers: { Authorization: `Bearer ${await app.adminToken(storeId)}` } };
  return {
    get: (path: string) => app.http.get(`/api/admin${path}`, headers),
    post: (path: string) => app.http.post(`/api/admin${path}`, {}, headers),
  };
}

describe("program templates over the admin API", () => {
  it("when the merchant lists the templates, then the four are there with what each holds", async () => {
    const { get } = await merchant();
    const listed = await get("/program/templates");
    expect(listed.status).toBe(200);
    expect(listed.data.items.map((t: { name: string }) => t.name)).toEqual(["Starter", "Coffee club", "Fashion VIP", "Outdoor"]);
    expect(listed.data.items[1].counts).toEqual({ challenges: 5, badges: 2, tiers: 2, rewards: 2 });
  });

  it("when the merchant applies Coffee club twice, then its items are in the program once, the stamp card counts the store's coffee category, and the change is audited", async () => {
    const { get, post } = await merchant();
    const first = await post("/program/templates/coffee_club/apply");
    expect(first.status).toBe(200);
    expect(first.data).toEqual({ template: "coffee_club", added: { challenges: 5, badges: 2, tiers: 2, rewards: 2 }, skipped: [] });
    const second = await post("/program/templates/coffee_club/apply");
    expect(second.data.added).toEqual({ challenges: 0, badges: 0, tiers: 0, rewards: 0 });

    const settings = (await get("/settings")).data;
    expect(settings.challenges).toHaveLength(5);
    expect(settings.challenges.find((c: { id: string }) => c.id === "ch_tpl_coffee_stamps").goal).toEqual({ kind: "stamps", target: 9, productIds: [], categoryIds: [701] });
    expect(settings.rewards.find((r: { id: string }) => r.id === "rw_tpl_coffee_drink")).toMatchObject({ amountMinor: 400 });
    const audit = (await get("/audit?limit=10")).data.items as { subject: string }[];
    expect(audit.filter((entry) => entry.subject === "templates/coffee_club")).toHaveLength(1);
  });

  it("when the template is unknown, then 404 and nothing changes", async () => {
    const { get, post } = await merchant();
    const refused = await post("/program/templates/nope/apply");
    expect(refused.status).toBe(404);
    expect(refused.data.code).toBe("not_found");
    expect((await get("/settings")).data.challenges).toEqual([]);
  });
});
