import { afterEach, describe, expect, it } from "vitest";
import { capturedLog } from "../support/captured-log.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let app: TestApp | undefined;
afterEach(() => app?.close());

describe("request hygiene", () => {
  it("when Ecwid opens the page with a payload, then neither the payload nor an OAuth code reaches the logs", async () => {
    const log = capturedLog();
    app = await startTestApp({ logger: log.logger });
    const { storeId } = await app.installStore();
    const payload = app.emulator.encryptedPayload(storeId);
    expect((await app.http.get(`/admin?payload=${payload}`)).status).toBe(200);
    await app.http.get("/oauth/callback?code=super-secret-code&state=x");
    await app.http.get("/api/admin/store", { headers: { Authorization: "Bearer secret-session-token" } });
    const logs = JSON.stringify(log.lines());
    expect(logs).toContain('"path":"/admin"');
    expect(logs).not.toContain(payload);
    expect(logs).not.toContain("super-secret-code");
    expect(logs).not.toContain("secret-session-token");
  });

  it("when the OAuth flow starts, then neither its nonce cookie nor its state reaches the logs", async () => {
    const log = capturedLog();
    app = await startTestApp({ logger: log.logger });
    const start = await app.http.get("/oauth/start");
    expect(start.status).toBe(302);
    const nonce = /ql_oauth_nonce=([^;]+)/.exec(String(start.headers["set-cookie"]))?.[1];
    const state = new URL(String(start.headers.location)).searchParams.get("state");
    expect(nonce).toBeTruthy();
    expect(state).toBeTruthy();
    const logs = JSON.stringify(log.lines());
    expect(logs).toContain('"path":"/oauth/start"');
    expect(logs).not.toContain(nonce);
    expect(logs).not.toContain(state);
    expect(logs).not.toContain("ql_oauth_nonce");
  });

  it("when no proxy is trusted, then a forged X-Forwarded-For does not escape the per-address limit", async () => {
    app = await startTestApp({ env: { TRUST_PROXY: "0" } });
    const { storeId } = await app.installStore();
    const statuses = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await app.http.post(`/api/storefront/${storeId}/session/start`, { email: `x${i}@example.com` }, { headers: { "X-Forwarded-For": `203.0.113.${i}` } })).status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 202)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
