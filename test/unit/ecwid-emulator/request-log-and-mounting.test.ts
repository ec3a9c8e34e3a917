import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { createEcwidEmulator } from "../../../server/ecwid-emulator/index.js";
import { MAX_LOGGED_REQUESTS } from "../../../server/ecwid-emulator/http/request-log.js";
import { CLIENT_ID, CLIENT_SECRET, bearer, startEmulator } from "./emulator-fixture.js";

describe("request log", () => {
  it("when REST and OAuth calls are made, then each is logged with method, path, query, body, status and token", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });

    await http.get("/api/v3/1003/orders?limit=5", bearer(store.accessToken));
    await http.post("/api/v3/1003/customer_groups", { name: "Gold" }, bearer(store.accessToken));
    await http.get("/api/oauth/token", { params: { grant_type: "authorization_code" } });

    expect(emulator.requests).toEqual([
      expect.objectContaining({ method: "GET", path: "/api/v3/1003/orders", query: { limit: "5" }, status: 200, token: store.accessToken }),
      expect.objectContaining({ method: "POST", path: "/api/v3/1003/customer_groups", body: { name: "Gold" }, status: 200 }),
      expect.objectContaining({ method: "GET", path: "/api/oauth/token", query: { grant_type: "authorization_code" }, status: 400 }),
    ]);
  });

  it("when the log is full, then the oldest entries make room and it never grows past its cap", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });
    const old = { method: "GET", path: "/api/v3/1003/old", query: {}, body: undefined, status: 200, at: new Date() };
    emulator.requests.push(...Array.from({ length: MAX_LOGGED_REQUESTS }, () => old));

    await http.get("/api/v3/1003/profile", bearer(store.accessToken));

    expect(emulator.requests).toHaveLength(MAX_LOGGED_REQUESTS);
    expect(emulator.requests.at(-1)).toMatchObject({ path: "/api/v3/1003/profile" });
  });

  it("when the log is cleared, then the same array is emptied", async () => {
    const { emulator, http } = await startEmulator();
    const store = emulator.addStore({ storeId: 1003 });
    const log = emulator.requests;
    await http.get("/api/v3/1003/profile", bearer(store.accessToken));

    emulator.clearRequests();

    expect(log).toHaveLength(0);
    expect(emulator.requests).toBe(log);
  });
});

describe("mounted inside a host app", () => {
  function hostWithEmulator() {
    const emulator = createEcwidEmulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    const store = emulator.addStore({ storeId: 1003 });
    const host = express();
    host.use(express.json());
    host.set("query parser", "extended");
    host.use("/ecwid", emulator.router);
    host.get("/hello", (_req, res) => res.send("host"));
    return { emulator, store, host };
  }

  it("when the host parses JSON globally, then storage still keeps the value and coupons still parse", async () => {
    const { emulator, store, host } = hostWithEmulator();

    await request(host).post("/ecwid/api/v3/1003/storage/cfg").set(bearer(store.accessToken).headers).set("Content-Type", "application/json").send('{"a":1}');
    const coupon = await request(host).post("/ecwid/api/v3/1003/discount_coupons").set(bearer(store.accessToken).headers).send({ name: "Gift", code: "G1" });

    expect(emulator.getStorage(1003).cfg).toBe('{"a":1}');
    expect(coupon.status).toBe(200);
  });

  it("when mounted under a prefix, then paths in the log are relative to the mount and host routes are not logged", async () => {
    const { emulator, store, host } = hostWithEmulator();

    await request(host).get("/hello");
    const res = await request(host).get("/ecwid/api/v3/1003/profile").set(bearer(store.accessToken).headers);

    expect(res.status).toBe(200);
    expect(emulator.requests.map((r) => r.path)).toEqual(["/api/v3/1003/profile"]);
  });

  it("when the consent page is served under a prefix, then its form posts back to the prefixed authorize URL", async () => {
    const { emulator, host } = hostWithEmulator();
    emulator.signIn(1003);
    const query = { client_id: CLIENT_ID, redirect_uri: "https://app.example/cb", response_type: "code", scope: "read_orders" };

    const page = await request(host).get("/ecwid/api/oauth/authorize").query(query);
    const decision = await request(host)
      .post("/ecwid/api/oauth/authorize")
      .type("form")
      .send({ ...query, store_id: "1003", decision: "approve" });

    expect(page.text).toContain('action="authorize"');
    expect(decision.status).toBe(302);
    expect(decision.headers.location).toMatch(/^https:\/\/app\.example\/cb\?code=/);
  });
});
