import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BADGE_ICON_PATHS } from "../../server/modules/program/badge-icon-paths.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

let app: TestApp;
let storeId: number;

beforeEach(async () => {
  app = await startTestApp();
  ({ storeId } = await app.installStore({ storeName: "Alpine Gear", lang: "en" }));
});
afterEach(() => app.close());

describe("the public program's challenges and icons", () => {
  it("when a challenge is a draft, then the program leaves it out and carries the path data of just the icons its challenges and badges use", async () => {
    const token = await app.adminToken(storeId);
    const current = (await app.http.get("/api/admin/settings", bearer(token))).data;
    const saved = await app.http.put(
      "/api/admin/settings",
      {
        ...current,
        challenges: [
          { id: "ch_live", title: "Two orders", icon: "coffee", points: 25, goal: { kind: "orders", target: 2 } },
          { id: "ch_draft", title: "Not yet", icon: "rocket", status: "draft", points: 25, goal: { kind: "orders", target: 3 } },
        ],
        badges: [{ id: "bd_camp", name: "Camper", icon: "tent", goal: { kind: "spend", target: 10_000 } }],
      },
      bearer(token),
    );
    expect(saved.status).toBe(200);
    const program = (await app.http.get(`/api/storefront/${storeId}/program`)).data;
    expect(program.challenges.map((challenge: { id: string }) => challenge.id)).toEqual(["ch_live"]);
    expect(program.icons).toEqual({ coffee: BADGE_ICON_PATHS.coffee, tent: BADGE_ICON_PATHS.tent });
  });
});
