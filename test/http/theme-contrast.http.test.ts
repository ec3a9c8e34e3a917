import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.js";

let app: TestApp;
beforeAll(async () => void (app = await startTestApp()));
afterAll(() => app.close());

/** A fresh store's admin API. */
async function admin() {
  const token = await app.adminToken((await app.installStore()).storeId);
  const auth = { headers: { Authorization: `Bearer ${token}` } };
  return { get: (path: string) => app.http.get(`/api/admin${path}`, auth), put: (path: string, body: unknown) => app.http.put(`/api/admin${path}`, body, auth) };
}
const amber = { primaryColor: "#f5b93a", textColor: "#ffffff", position: "bottom-right", launcherText: "" };
const refusal = { path: ["theme", "textColor"], code: "too_small", minimum: 4.5, message: "contrast 1.77:1 is below 4.5:1" };

describe("theme colours", () => {
  it("when white text on amber is saved as the theme, then it is refused at the text colour with the contrast shown, and the theme stays as it was", async () => {
    const { get, put } = await admin();
    const before = (await get("/program/theme")).data;
    const saved = await put("/program/theme", amber);
    expect(saved.status).toBe(400);
    expect(saved.data.code).toBe("validation_failed");
    expect(saved.data.issues).toEqual([{ ...refusal, path: ["textColor"] }]);
    expect((await get("/program/theme")).data).toEqual(before);
  });

  it("when the whole program is saved with an unreadable theme, then the issue is at theme.textColor; dark text on the same amber is accepted", async () => {
    const { get, put } = await admin();
    const settings = (await get("/settings")).data;
    const refused = await put("/settings", { ...settings, theme: amber });
    expect(refused.status).toBe(400);
    expect(refused.data.issues).toEqual([refusal]);

    const dark = { ...amber, textColor: "#1d2430" };
    const accepted = await put("/program/theme", dark);
    expect(accepted.status).toBe(200);
    expect((await get("/settings")).data.theme).toEqual(dark);
  });

  it("when a theme saved before the check is unreadable, then the program reads with a readable text colour and other edits still save", async () => {
    const { storeId } = await app.installStore();
    const token = await app.adminToken(storeId);
    const auth = { headers: { Authorization: `Bearer ${token}` } };
    const settings = (await app.http.get("/api/admin/settings", auth)).data;
    await app.container.storage.transaction(storeId, (tx) => tx.settings.save(storeId, { ...settings, theme: amber }));

    const read = (await app.http.get("/api/admin/settings", auth)).data;
    expect(read.theme).toEqual({ ...amber, textColor: "#111111" });
    const challenge = await app.http.post("/api/admin/program/challenges", { title: "Two orders", points: 10, goal: { kind: "orders", target: 2 } }, auth);
    expect(challenge.status).toBe(201);
    expect((await app.http.put("/api/admin/settings", (await app.http.get("/api/admin/settings", auth)).data, auth)).status).toBe(200);
  });
});
