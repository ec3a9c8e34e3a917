import { describe, expect, it } from "vitest";
import { CLIENT_ID, bearer, startEmulator } from "./emulator-fixture.js";

describe("REST authentication and scopes", () => {
  it("when the token is unknown, then the API answers 403 INVALID_API_TOKEN", async () => {
    const { emulator, http } = await startEmulator();
    emulator.addStore({ storeId: 1003 });

    const res = await http.get("/api/v3/1003/orders", bearer("secret_doesnotexist"));

    expect(res.status).toBe(403);
    expect(res.data).toEqual({ errorMessage: expect.any(String), errorCode: "INVALID_API_TOKEN" });
  });

  it("when no token is sent, then the API answers 403 INVALID_API_TOKEN", async () => {
    const { emulator, http } = await startEmulator();
    emulator.addStore({ storeId: 1003 });

    const res = await http.get("/api/v3/1003/profile");

    expect(res.status).toBe(403);
    expect(res.data.errorCode).toBe("INVALID_API_TOKEN");
  });

  it("when another store's token is used, then the API answers 403 INVALID_API_TOKEN", async () => {
    const { emulator, http } = await startEmulator();
    emulator.addStore({ storeId: 1003 });
    const other = emulator.addStore({ storeId: 2004 });

    const res = await http.get("/api/v3/1003/orders", bearer(other.accessToken));

    expect(res.status).toBe(403);
    expect(res.data.errorCode).toBe("INVALID_API_TOKEN");
  });

  it("when the store does not exist, then the API answers 404 STORE_NOT_FOUND", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });

    const res = await http.get("/api/v3/9999/orders", bearer(store.accessToken));

    expect(res.status).toBe(404);
    expect(res.data.errorCode).toBe("STORE_NOT_FOUND");
  });

  it("when the token comes in the ?token= query parameter, then it is accepted like the header", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003, storeName: "Trailhead Outfitters" });

    const res = await http.get(`/api/v3/1003/profile?token=${store.accessToken}`);

    expect(res.status).toBe(200);
    expect(res.data.settings.storeName).toBe("Trailhead Outfitters");
    expect(res.data.generalInfo.storeId).toBe(1003);
  });

  it("when the token lacks the endpoint's scope, then the API answers 403 INSUFFICIENT_APP_SCOPE", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003, scopes: ["read_orders"] });

    const res = await http.get("/api/v3/1003/customers", bearer(store.accessToken));
    const allowed = await http.get("/api/v3/1003/orders", bearer(store.accessToken));

    expect(res.status).toBe(403);
    expect(res.data.errorCode).toBe("INSUFFICIENT_APP_SCOPE");
    expect(allowed.status).toBe(200);
  });

  it("when a public token is used, then it reads a profile without the account and nothing private", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });

    const profile = await http.get("/api/v3/1003/profile", bearer(store.publicToken ?? ""));
    const orders = await http.get("/api/v3/1003/orders", bearer(store.publicToken ?? ""));

    expect(profile.status).toBe(200);
    expect(profile.data).not.toHaveProperty("account");
    expect(orders.status).toBe(403);
    expect(orders.data.errorCode).toBe("INSUFFICIENT_APP_SCOPE");
  });

  it("when the store uninstalls the app, then its tokens stop working", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });

    emulator.uninstall(1003);

    expect((await http.get("/api/v3/1003/profile", bearer(store.accessToken))).status).toBe(403);
  });

  it("when the app uninstalls itself with DELETE /application, then its tokens are revoked", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });

    const wrong = await http.delete("/api/v3/1003/application?namespace=other-app", bearer(store.accessToken));
    const res = await http.delete(`/api/v3/1003/application?namespace=${CLIENT_ID}`, bearer(store.accessToken));

    expect(wrong.status).toBe(400);
    expect(res.status).toBe(200);
    expect((await http.get("/api/v3/1003/application", bearer(store.accessToken))).status).toBe(403);
  });

  it("when the app reads its subscription, then it is ACTIVE with a start date in Ecwid's format", async () => {
    const { emulator, http } = await startEmulator({ now: () => new Date("2025-03-06T08:00:00Z") });
    const store = emulator.addStore({ storeId: 1003 });

    const res = await http.get("/api/v3/1003/application", bearer(store.accessToken));

    expect(res.data).toEqual({ subscriptionStatus: "ACTIVE", subscription: { startDate: "2025-03-06 08:00:00 +0000", status: "ACTIVE" } });
  });

  it("when an endpoint the emulator does not serve is called, then it answers a JSON 404", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });

    const res = await http.get("/api/v3/1003/promotions", bearer(store.accessToken));

    expect(res.status).toBe(404);
    expect(res.data.errorCode).toBe("WRONG_URL");
  });

  it("when a browser preflights a storage write from another origin, then CORS allows it without a token", async () => {
    const { emulator, http } = await startEmulator();
    emulator.addStore({ storeId: 1003 });

    const res = await http.request({ method: "OPTIONS", url: "/api/v3/1003/storage/public", headers: { Origin: "https://app.example" } });

    expect(res.status).toBe(204);
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    expect(res.headers["access-control-allow-headers"]).toContain("Authorization");
  });
});
