import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestApp, TEST_CLIENT_ID, type TestApp } from "../support/test-app.js";

let app: TestApp;
beforeEach(async () => {
  app = await startTestApp();
});
afterEach(() => app.close());

/** Starts the install the way a merchant's browser does and returns what Ecwid needs back. */
async function startInstall() {
  const start = await app.http.get("/oauth/start");
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.location as string);
  const cookie = (start.headers["set-cookie"] ?? [])[0]!.split(";")[0]!;
  return { authorize, cookie, state: authorize.searchParams.get("state")! };
}

const tokenExchanges = () => app.emulator.requests.filter((request) => request.path.startsWith("/api/oauth/token"));

describe("OAuth install", () => {
  it("when the merchant approves, then the code is exchanged, the install stored with its token sealed, and the merchant lands in the dashboard", async () => {
    const { storeId } = app.emulator.addStore({ storeName: "Alpine Gear", currency: "EUR", currencyPrecision: 2, ownerEmail: "owner@alpine.example" });
    const { authorize, cookie, state } = await startInstall();
    expect(authorize.origin + authorize.pathname).toBe(`${app.ecwidUrl}/api/oauth/authorize`);
    expect(authorize.searchParams.get("client_id")).toBe(TEST_CLIENT_ID);
    expect(authorize.searchParams.get("redirect_uri")).toBe(`${app.url}/oauth/callback`);
    expect(authorize.searchParams.get("response_type")).toBe("code");
    expect(authorize.searchParams.get("scope")).toContain("read_orders");

    const redirect = app.emulator.authorize({ storeId, redirectUri: `${app.url}/oauth/callback`, state, approve: true });
    const callback = await app.http.get(redirect.replace(app.url, ""), { headers: { Cookie: cookie } });

    expect(callback.status).toBe(302);
    expect(callback.headers.location).toBe(`${app.url}/cp#app:name=${TEST_CLIENT_ID}`);
    const install = await app.container.storage.installs.get(storeId);
    expect(install).toMatchObject({ status: "active", storeName: "Alpine Gear", currency: "EUR", currencyPrecision: 2, ownerEmail: "owner@alpine.example" });
    expect(install?.accessTokenSealed).toBeTruthy();
    expect(JSON.stringify(install)).not.toMatch(/secret_/);
    expect(tokenExchanges()).toHaveLength(1);
    expect(tokenExchanges()[0]).toMatchObject({ method: "POST" });
  });

  it("when Ecwid does not echo the state back, then the install still completes", async () => {
    await app.close();
    app = await startTestApp();
    const { storeId } = app.emulator.addStore();
    const redirect = app.emulator.authorize({ storeId, redirectUri: `${app.url}/oauth/callback`, approve: true });
    const callback = await app.http.get(redirect.replace(app.url, ""));
    expect(callback.status).toBe(302);
    expect((await app.container.storage.installs.get(storeId))?.status).toBe("active");
  });

  it("when the merchant denies access, then a clear page says so and nothing is stored", async () => {
    const { storeId } = app.emulator.addStore();
    const { state, cookie } = await startInstall();
    const redirect = app.emulator.authorize({ storeId, redirectUri: `${app.url}/oauth/callback`, state, approve: false });
    expect(redirect).toContain("error=access_denied");
    const callback = await app.http.get(redirect.replace(app.url, ""), { headers: { Cookie: cookie, Accept: "text/html" } });
    expect(callback.status).toBe(403);
    expect(callback.data).toContain("The installation was cancelled in Ecwid");
    expect(await app.container.storage.installs.get(storeId)).toBeNull();
    expect(tokenExchanges()).toHaveLength(0);
  });

  it("when the state is tampered with or belongs to another browser, then nothing is exchanged or stored", async () => {
    const { storeId } = app.emulator.addStore();
    const { state, cookie } = await startInstall();
    const tampered = `${state.slice(0, -4)}AAAA`;
    for (const [sentState, sentCookie] of [
      [tampered, cookie],
      [state, "ql_oauth_nonce=st_someoneelse"],
    ] as const) {
      const redirect = app.emulator.authorize({ storeId, redirectUri: `${app.url}/oauth/callback`, state: sentState, approve: true });
      const callback = await app.http.get(redirect.replace(app.url, ""), { headers: { Cookie: sentCookie, Accept: "text/html" } });
      expect(callback.status).toBe(403);
      expect(callback.data).toContain("invalid or has expired");
    }
    expect(await app.container.storage.installs.get(storeId)).toBeNull();
    expect(tokenExchanges()).toHaveLength(0);
  });

  it("when the code is forged, then the exchange fails with a clear page, a 400 rather than a 5xx, and nothing is stored", async () => {
    const { storeId } = app.emulator.addStore();
    const { state, cookie } = await startInstall();
    const callback = await app.http.get(`/oauth/callback?code=forged-code&state=${encodeURIComponent(state)}`, { headers: { Cookie: cookie, Accept: "text/html" } });
    expect(callback.status).toBe(400);
    expect(callback.data).toContain("Ecwid did not accept the authorization code");
    expect(await app.container.storage.installs.get(storeId)).toBeNull();
    const withoutState = await app.http.get("/oauth/callback?code=!", { headers: { Accept: "application/json" } });
    expect(withoutState.status).toBe(400);
    expect(withoutState.data.code).toBe("bad_request");
  });

  it("when Ecwid cannot be reached for the exchange, then 502 with a message that says so", async () => {
    await app.close();
    app = await startTestApp({ env: { ECWID_OAUTH_URL: "http://127.0.0.1:1/api/oauth" } });
    const callback = await app.http.get("/oauth/callback?code=real-looking-code", { headers: { Accept: "application/json" } });
    expect(callback.status).toBe(502);
    expect(callback.data).toEqual({ code: "upstream_failed", message: expect.stringContaining("could not be reached") });
  });
});

describe("OAuth callback repeated", () => {
  it("when the callback is loaded twice with the same code, then the code is exchanged once and the stored token keeps working", async () => {
    const { storeId } = app.emulator.addStore();
    const { cookie, state } = await startInstall();
    const path = app.emulator.authorize({ storeId, redirectUri: `${app.url}/oauth/callback`, state, approve: true }).replace(app.url, "");
    const first = await app.http.get(path, { headers: { Cookie: cookie } });
    const again = await app.http.get(path);
    expect([first.status, again.status]).toEqual([302, 302]);
    expect(again.headers.location).toBe(first.headers.location);
    expect(tokenExchanges()).toHaveLength(1);
    const token = await app.container.installs.accessToken(storeId);
    await expect(app.container.ecwid.getProfile(storeId, token)).resolves.toMatchObject({ generalInfo: { storeId } });
  });
});
