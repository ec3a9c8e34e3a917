import { expect } from "vitest";
import { bearer, type TestApp } from "./test-app.js";

/** Saves the store's whole program with `changes` on top, as the merchant's dashboard does; the save must succeed. */
export async function saveProgram(app: TestApp, storeId: number, changes: Record<string, unknown>): Promise<void> {
  const admin = bearer(await app.adminToken(storeId));
  const current = (await app.http.get("/api/admin/settings", admin)).data;
  const saved = await app.http.put("/api/admin/settings", { ...current, ...changes }, admin);
  expect(saved.status, JSON.stringify(saved.data)).toBe(200);
}
