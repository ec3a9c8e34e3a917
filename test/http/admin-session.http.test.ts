import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manualClock } from "../../server/lib/clock.js";
import { bearer, startTestApp, TEST_CLIENT_ID, TEST_CLIENT_SECRET, type TestApp } from "../support/test-app.js";

const clock = manualClock(new Date());
let app: TestApp;
beforeEach(async () => {
  clock.set(new Date());
  app = await startTestApp({ clock });
});
afterEach(() => app.close());

describe("admin page and session", () => {
  it("when Ecwid opens the page with an encrypted payload, then the page carries a session for that store", async () => {
    const { storeId } = await app.installStore({ storeName: "Alpine Gear" });
    const page = await app.http.get(`/admin?payload=${app.emulator.encryptedPayload(storeId)}&cache-killer=123`);
    expect(page.status).toBe(200);
    expect(page.headers["content-security-policy"]).toContain("frame-ancestors 'self' https://my.ecwid.com");
    expect(page.headers["x-frame-options"]).toBeUndefined();
    const bootstrap = JSON.parse(/<script type="application\/json" id="bootstrap">(.*?)<\/script>/s.exec(page.data)![1]!.replace(/\\u003c/g, "<"));
    expect(bootstrap.session.storeId).toBe(storeId);
    const store = await app.http.get("/api/admin/store", bearer(bootstrap.session.token));
    expect(store.data).toMatchObject({ storeId, storeName: "Alpine Gear" });
  });

  it("when the payload was encrypted with another app's secret, then the page refuses and no session is made", async () => {
    const { storeId } = await app.installStore();
    const forged = app.emulator.encryptedPayload(storeId, { secret: "another-apps-secret-000000" });
    const page = await app.http.get(`/admin?payload=${forged}`, { headers: { Accept: "text/html" } });
    expect(page.status).toBe(401);
    expect(page.data).toContain("could not be decrypted");
    const api = await app.http.post("/api/admin/session", { payload: forged });
    expect(api.status).toBe(401);
    expect(api.data.code).toBe("invalid_payload");
  });

  it("when the store opens the app from the App Market without OAuth, then the first open records the install", async () => {
    const store = app.emulator.addStore({ storeName: "Fresh Install" });
    expect(await app.container.storage.installs.get(store.storeId)).toBeNull();
    const session = await app.http.post("/api/admin/session", { payload: app.emulator.encryptedPayload(store.storeId) });
    expect(session.status).toBe(200);
    expect(await app.container.storage.installs.get(store.storeId)).toMatchObject({ status: "active", storeName: "Fresh Install" });
  });

  it("when the hex fragment's token is confirmed by Ecwid, then a session is issued; when it is not, refused", async () => {
    const store = app.emulator.addStore();
    const ok = await app.http.post("/api/admin/session", { storeId: store.storeId, accessToken: store.accessToken });
    expect(ok.status).toBe(200);
    expect(ok.data.storeId).toBe(store.storeId);

    const other = app.emulator.addStore();
    const refused = await app.http.post("/api/admin/session", { storeId: store.storeId, accessToken: other.accessToken });
    expect(refused.status).toBe(401);
    const invented = await app.http.post("/api/admin/session", { storeId: other.storeId, accessToken: "secret_invented" });
    expect(invented.status).toBe(401);
    expect(await app.container.storage.installs.get(other.storeId)).toBeNull();
  });

  it("when the hex fragment form is decoded, then it yields the same store and token as the emulator put in", async () => {
    const store = app.emulator.addStore();
    const decoded = JSON.parse(Buffer.from(app.emulator.hexFragmentPayload(store.storeId), "hex").toString("utf8"));
    expect(decoded).toMatchObject({ store_id: store.storeId, access_token: store.accessToken });
  });

  it("when a session token has expired, is forged or missing, then the API answers 401 with a JSON error", async () => {
    const { storeId } = await app.installStore();
    const token = await app.adminToken(storeId);
    expect((await app.http.get("/api/admin/store", bearer(token))).status).toBe(200);
    clock.advance(61 * 60 * 1000);
    const expired = await app.http.get("/api/admin/store", bearer(token));
    expect(expired.status).toBe(401);
    expect(expired.data).toEqual({ code: "unauthorized", message: "The session token is invalid or has expired" });
    expect((await app.http.get("/api/admin/store", bearer(`${token}x`))).status).toBe(401);
    expect((await app.http.get("/api/admin/store")).status).toBe(401);
  });

  it("when a session for store A asks for a member of store B, then it is not found and B is untouched", async () => {
    const a = await app.installStore();
    const b = await app.installStore();
    const member = await app.container.storage.transaction(b.storeId, async (tx) => {
      const { findOrCreateMember } = await import("../../server/modules/members/member.service.js");
      return findOrCreateMember(tx, b.storeId, { customerId: null, email: "b@example.com" }, clock);
    });
    const tokenA = await app.adminToken(a.storeId);
    const read = await app.http.get(`/api/admin/members/${member.id}/ledger`, bearer(tokenA));
    expect(read.status).toBe(404);
    const write = await app.http.post(`/api/admin/members/${member.id}/adjustments`, { points: 50, reason: "cross-store" }, bearer(tokenA));
    expect(write.status).toBe(404);
    const list = await app.http.get("/api/admin/members", bearer(tokenA));
    expect(list.data.items).toEqual([]);
    expect(await app.container.storage.transaction(b.storeId, (tx) => tx.ledger.balance(b.storeId, member.id))).toBe(0);
  });
});

/** Another secret token for the store, issued by Ecwid through its own OAuth exchange (as a reinstall does). */
async function newTokenFromEcwid(storeId: number): Promise<{ access_token: string }> {
  const redirectUri = "https://elsewhere.example/cb";
  const code = new URL(app.emulator.authorize({ storeId, redirectUri, approve: true })).searchParams.get("code")!;
  const query = new URLSearchParams({ client_id: TEST_CLIENT_ID, client_secret: TEST_CLIENT_SECRET, code, redirect_uri: redirectUri, grant_type: "authorization_code" });
  return (await fetch(`${app.ecwidUrl}/api/oauth/token?${query}`)).json();
}

describe("tokens handed over by the page", () => {
  it("when someone presents the store's public token, then no session is issued and the stored secret token stays", async () => {
    const store = app.emulator.addStore();
    await app.container.installs.recordToken({ storeId: store.storeId, accessToken: store.accessToken });
    const refused = await app.http.post("/api/admin/session", { storeId: store.storeId, accessToken: store.publicToken });
    expect(refused.status).toBe(401);
    expect(await app.container.installs.holdsToken(store.storeId, store.accessToken)).toBe(true);
  });

  it("when a valid but different secret token arrives while ours still works, then the session is issued and ours is kept", async () => {
    const store = app.emulator.addStore();
    await app.container.installs.recordToken({ storeId: store.storeId, accessToken: store.accessToken });
    const exchanged = await newTokenFromEcwid(store.storeId);
    const session = await app.http.post("/api/admin/session", { storeId: store.storeId, accessToken: exchanged.access_token });
    expect(session.status).toBe(200);
    expect(await app.container.installs.holdsToken(store.storeId, store.accessToken)).toBe(true);
  });

  it("when the store was reinstalled and our token is dead, then Ecwid's new token replaces it", async () => {
    const store = app.emulator.addStore();
    await app.container.installs.recordToken({ storeId: store.storeId, accessToken: store.accessToken });
    app.emulator.uninstall(store.storeId);
    const fresh = await newTokenFromEcwid(store.storeId);
    const session = await app.http.post("/api/admin/session", { payload: app.emulator.encryptedPayload(store.storeId) });
    expect(session.status).toBe(200);
    expect(await app.container.installs.holdsToken(store.storeId, fresh.access_token)).toBe(true);
    expect(await app.container.installs.holdsToken(store.storeId, store.accessToken)).toBe(false);
  });

  it("when invented tokens keep coming from one address, then it is slowed down before Ecwid is asked", async () => {
    const store = app.emulator.addStore();
    app.emulator.clearRequests();
    const statuses = [];
    for (let i = 0; i < 8; i++)
      statuses.push(
        (await app.http.post("/api/admin/session", { storeId: store.storeId, accessToken: `secret_invented${i}` }, { headers: { "X-Forwarded-For": "10.1.1.1" } })).status,
      );
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    expect(app.emulator.requests.length).toBe(5);
  });
});

describe("limits on unproven tokens cannot be turned against other stores", () => {
  const invent = (storeId: number, address: string, n: number) =>
    app.http.post("/api/admin/session", { storeId, accessToken: `secret_invented${n}` }, { headers: { "X-Forwarded-For": address } });

  it("when invented tokens flood in from three addresses, then a new store's App Market open still signs in and only the flooders are refused", async () => {
    const flood = [];
    for (const address of ["198.51.100.1", "198.51.100.2", "198.51.100.3"]) for (let i = 0; i < 6; i++) flood.push(await invent(900_000 + flood.length, address, i));
    expect(flood.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401, 429, 401, 401, 401, 401, 401, 429, 401, 401, 401, 401, 401, 429]);
    expect(Number(flood.at(-1)!.headers["retry-after"])).toBeGreaterThan(0);

    const fresh = app.emulator.addStore({ storeName: "Opened From The Market" });
    expect((await app.http.post("/api/admin/session", { payload: app.emulator.encryptedPayload(fresh.storeId) })).status).toBe(200);
    const viaPage = app.emulator.addStore();
    expect((await app.http.get(`/admin?payload=${app.emulator.encryptedPayload(viaPage.storeId)}`)).status).toBe(200);
    expect(await app.container.storage.installs.get(viaPage.storeId)).toMatchObject({ status: "active" });

    const again = await invent(fresh.storeId, "198.51.100.1", 99);
    expect(again.status).toBe(429);
    expect(again.data.code).toBe("rate_limited");
    const other = app.emulator.addStore();
    const legacy = await app.http.post("/api/admin/session", { storeId: other.storeId, accessToken: other.accessToken }, { headers: { "X-Forwarded-For": "192.0.2.40" } });
    expect(legacy.status).toBe(200);
    expect(legacy.data.storeId).toBe(other.storeId);
  });

  it("when one store's tokens are guessed from many addresses, then that store's unproven opens pause while its payload and other stores go on", async () => {
    const target = app.emulator.addStore();
    const guesses = [];
    for (let i = 0; i < 11; i++) guesses.push((await invent(target.storeId, `203.0.113.${i + 1}`, i)).status);
    expect(guesses).toEqual([...Array<number>(10).fill(401), 429]);
    expect((await app.http.post("/api/admin/session", { payload: app.emulator.encryptedPayload(target.storeId) })).status).toBe(200);
    const other = app.emulator.addStore();
    const sameAddress = await app.http.post("/api/admin/session", { storeId: other.storeId, accessToken: other.accessToken }, { headers: { "X-Forwarded-For": "203.0.113.1" } });
    expect(sameAddress.status).toBe(200);
  });

  it("when an IPv6 caller changes address within its /64, then it is still one caller", async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await invent(910_000 + i, `2001:db8:5:7::${(i + 1).toString(16)}`, i)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await invent(910_100, "2001:db8:5:8::1", 0)).status).toBe(401);
  });
});
