import { describe, expect, it } from "vitest";
import { manualClock } from "../../../server/lib/clock.js";
import { CLIENT_ID, CLIENT_SECRET, bearer, startEmulator } from "./emulator-fixture.js";

const REDIRECT = "https://app.example/oauth/callback";

function tokenParams(code: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    code,
    redirect_uri: REDIRECT,
    grant_type: "authorization_code",
    ...overrides,
  };
}

function codeFrom(location: string): string {
  return new URL(location).searchParams.get("code") ?? "";
}

describe("OAuth consent", () => {
  it("when a signed-in merchant opens the authorize URL, then a consent page offers Approve and Deny for that store", async () => {
    const { emulator, http } = await startEmulator();
    emulator.addStore({ storeId: 1003, storeName: "Trailhead Outfitters" });
    emulator.signIn(1003);

    const res = await http.get("/api/oauth/authorize", {
      params: { client_id: CLIENT_ID, redirect_uri: REDIRECT, response_type: "code", scope: "read_orders read_customers" },
    });

    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/html/);
    expect(res.data).toContain("Trailhead Outfitters");
    expect(res.data).toContain('value="approve"');
    expect(res.data).toContain('value="deny"');
    expect(res.data).toContain("read_store_profile");
  });

  it("when the merchant approves on the page, then the browser is redirected with a code, the state and the store id", async () => {
    const { emulator, http } = await startEmulator();
    emulator.addStore({ storeId: 1003 });
    emulator.signIn(1003);
    const form = new URLSearchParams({
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT,
      response_type: "code",
      scope: "read_orders",
      state: "xyz",
      store_id: "1003",
      decision: "approve",
    });

    const res = await http.post("/api/oauth/authorize", form.toString(), {
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });

    expect(res.status).toBe(302);
    const location = new URL(res.headers.location as string);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get("code")).toMatch(/^[0-9a-z]{24}$/);
    expect(location.searchParams.get("state")).toBe("xyz");
    expect(location.searchParams.get("store_id")).toBe("1003");
  });

  it("when the merchant denies, then the redirect carries error=access_denied and no code", async () => {
    const { emulator } = await startEmulator();
    emulator.addStore({ storeId: 1003 });

    const location = new URL(emulator.authorize({ storeId: 1003, redirectUri: REDIRECT, approve: false }));

    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.has("code")).toBe(false);
  });

  it("when state echo and store_id are switched off, then the redirect has only the code", async () => {
    const { emulator } = await startEmulator({ oauthEchoesState: false, oauthRedirectIncludesStoreId: false });
    emulator.addStore({ storeId: 1003 });

    const location = new URL(emulator.authorize({ storeId: 1003, redirectUri: REDIRECT, state: "xyz", approve: true }));

    expect([...location.searchParams.keys()]).toEqual(["code"]);
  });

  it("when the authorize URL names another client or an unknown scope, then an error page is shown", async () => {
    const { emulator, http } = await startEmulator();
    emulator.addStore({ storeId: 1003 });
    const base = { redirect_uri: REDIRECT, response_type: "code" };

    const wrongClient = await http.get("/api/oauth/authorize", { params: { ...base, client_id: "other", scope: "read_orders" } });
    const wrongScope = await http.get("/api/oauth/authorize", { params: { ...base, client_id: CLIENT_ID, scope: "read_everything" } });

    expect(wrongClient.status).toBe(400);
    expect(wrongScope.status).toBe(400);
    expect(wrongScope.data).toContain("read_everything");
  });
});

describe("OAuth token exchange", () => {
  it("when the code is exchanged with GET on /api/oauth/token, then the response matches CONTRACT §1.4", async () => {
    const { emulator, http } = await startEmulator();
    emulator.addStore({ storeId: 1003, ownerEmail: "owner@trailhead.example" });
    const code = codeFrom(emulator.authorize({ storeId: 1003, redirectUri: REDIRECT, scope: "read_orders public_storefront", approve: true }));

    const res = await http.get("/api/oauth/token", { params: tokenParams(code) });

    expect(res.status).toBe(200);
    expect(Object.keys(res.data)).toEqual(["access_token", "token_type", "scope", "store_id", "email", "public_token"]);
    expect(res.data).toMatchObject({
      token_type: "Bearer",
      scope: "read_store_profile read_orders public_storefront",
      store_id: 1003,
      email: "owner@trailhead.example",
    });
    expect(res.data.access_token).toMatch(/^secret_[A-Za-z0-9]{32}$/);
    expect(res.data.public_token).toMatch(/^public_[A-Za-z0-9]{32}$/);
    expect((await http.get("/api/v3/1003/orders", bearer(res.data.access_token))).status).toBe(200);
  });

  it("when the code is posted as a form to /api/oauth/token/{storeId}, then a token is issued", async () => {
    const { emulator, http } = await startEmulator();
    emulator.addStore({ storeId: 1003 });
    const code = codeFrom(emulator.authorize({ storeId: 1003, redirectUri: REDIRECT, scope: "read_orders", approve: true }));

    const res = await http.post("/api/oauth/token/1003", new URLSearchParams(tokenParams(code)).toString(), {
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });

    expect(res.status).toBe(200);
    expect(res.data.store_id).toBe(1003);
    expect(res.data).not.toHaveProperty("public_token");
  });

  it("when the code is posted to /api/oauth/token and exchanged with GET on /api/oauth/token/{storeId}, then both paths work", async () => {
    const { emulator, http } = await startEmulator();
    emulator.addStore({ storeId: 1003 });
    const first = codeFrom(emulator.authorize({ storeId: 1003, redirectUri: REDIRECT, approve: true }));
    const second = codeFrom(emulator.authorize({ storeId: 1003, redirectUri: REDIRECT, approve: true }));

    const posted = await http.post("/api/oauth/token", new URLSearchParams(tokenParams(first)).toString());
    const got = await http.get("/api/oauth/token/1003", { params: tokenParams(second) });

    expect(posted.status).toBe(200);
    expect(got.status).toBe(200);
    expect(posted.data.access_token).not.toBe(got.data.access_token);
  });

  it("when a code is exchanged twice, then the second attempt fails and the token it issued stops working", async () => {
    const { emulator, http } = await startEmulator();
    emulator.addStore({ storeId: 1003 });
    const code = codeFrom(emulator.authorize({ storeId: 1003, redirectUri: REDIRECT, approve: true }));
    const first = await http.get("/api/oauth/token", { params: tokenParams(code) });

    const second = await http.get("/api/oauth/token", { params: tokenParams(code) });

    expect(second.status).toBe(400);
    expect(second.data).toEqual({ error: "invalid_grant", error_description: expect.stringContaining("already used") });
    const rest = await http.get("/api/v3/1003/profile", bearer(first.data.access_token));
    expect(rest.status).toBe(403);
    expect(rest.data.errorCode).toBe("INVALID_API_TOKEN");
  });

  it("when redirect_uri differs from the authorize one, then the exchange is refused and the code stays usable", async () => {
    const { emulator, http } = await startEmulator();
    emulator.addStore({ storeId: 1003 });
    const code = codeFrom(emulator.authorize({ storeId: 1003, redirectUri: REDIRECT, approve: true }));

    const refused = await http.get("/api/oauth/token", { params: tokenParams(code, { redirect_uri: "https://evil.example/cb" }) });
    const accepted = await http.get("/api/oauth/token", { params: tokenParams(code) });

    expect(refused.status).toBe(400);
    expect(refused.data.error).toBe("invalid_grant");
    expect(accepted.status).toBe(200);
  });

  it("when the client secret, grant type or store path is wrong, then each is refused with its own error", async () => {
    const { emulator, http } = await startEmulator();
    emulator.addStore({ storeId: 1003 });
    const code = codeFrom(emulator.authorize({ storeId: 1003, redirectUri: REDIRECT, approve: true }));

    const badSecret = await http.get("/api/oauth/token", { params: tokenParams(code, { client_secret: "nope" }) });
    const badGrant = await http.get("/api/oauth/token", { params: tokenParams(code, { grant_type: "refresh_token" }) });
    const badStore = await http.get("/api/oauth/token/999", { params: tokenParams(code) });
    const missing = await http.get("/api/oauth/token", { params: { client_id: CLIENT_ID } });

    expect([badSecret.status, badGrant.status, badStore.status, missing.status]).toEqual([400, 400, 400, 400]);
    expect([badSecret.data.error, badGrant.data.error, badStore.data.error, missing.data.error]).toEqual([
      "invalid_client",
      "unsupported_grant_type",
      "invalid_grant",
      "invalid_request",
    ]);
  });

  it("when the code is older than ten minutes, then it has expired", async () => {
    const clock = manualClock();
    const { emulator, http } = await startEmulator({ now: clock.now });
    emulator.addStore({ storeId: 1003 });
    const code = codeFrom(emulator.authorize({ storeId: 1003, redirectUri: REDIRECT, approve: true }));
    clock.advance(10 * 60_000 + 1);

    const res = await http.get("/api/oauth/token", { params: tokenParams(code) });

    expect(res.status).toBe(400);
    expect(res.data.error_description).toMatch(/expired/);
  });

  it("when an uninstalled store is authorized again, then the new token works and the old one stays disabled", async () => {
    const { emulator, http } = await startEmulator();
    const old = emulator.addStore({ storeId: 1003 });
    emulator.uninstall(1003);
    const code = codeFrom(emulator.authorize({ storeId: 1003, redirectUri: REDIRECT, approve: true }));

    const res = await http.get("/api/oauth/token", { params: tokenParams(code) });

    expect((await http.get("/api/v3/1003/profile", bearer(res.data.access_token))).status).toBe(200);
    expect((await http.get("/api/v3/1003/profile", bearer(old.accessToken))).status).toBe(403);
    expect(emulator.credentials(1003).accessToken).toBe(res.data.access_token);
  });
});
