import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manualClock } from "../../server/lib/clock.js";
import { bearer, startTestApp, type TestApp } from "../support/test-app.js";

const clock = manualClock(new Date());
let app: TestApp;
let storeId: number;

beforeEach(async () => {
  clock.set(new Date());
  app = await startTestApp({ clock });
  ({ storeId } = await app.installStore({ storeName: "Alpine Gear", lang: "en" }));
});
afterEach(() => app.close());

const api = (path: string) => `/api/storefront/${storeId}${path}`;

async function signIn(email: string, store = storeId, ip = "10.0.0.1") {
  const started = await app.http.post(`/api/storefront/${store}/session/start`, { email }, { headers: { "X-Forwarded-For": ip } });
  expect(started.status).toBe(202);
  const verified = await app.http.post(`/api/storefront/${store}/session/verify`, { email, code: app.mail.codeFor(email) }, { headers: { "X-Forwarded-For": ip } });
  expect(verified.status).toBe(200);
  return verified.data.token as string;
}

async function paidOrder(email: string, amount: number) {
  const order = app.emulator.putOrder(storeId, { email, subtotal: amount, total: amount, paymentStatus: "PAID" });
  await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(storeId, order.id, "order.created") });
  await app.worker.drain();
}

describe("shopper sign-in by email code", () => {
  it("when a shopper asks for a code, then a real SMTP message carries it and verifying it gives a session that reads their points", async () => {
    await paidOrder("ana@example.com", 42);
    const token = await signIn("Ana@Example.com");
    expect(app.mail.messages[0]).toMatchObject({ to: "ana@example.com", subject: expect.stringContaining("Alpine Gear") });
    const me = await app.http.get(api("/me"), bearer(token));
    expect(me.status).toBe(200);
    expect(me.data.member).toEqual({ email: "ana@example.com", balance: 42, heldPoints: 0, heldOut: false });
    expect(me.data.recentLedger[0]).toMatchObject({ delta: 42, kind: "earn_order" });
    expect(me.headers["cache-control"]).toContain("no-store");
  });

  it("when the code is stored, then only its hash is kept", async () => {
    await app.http.post(api("/session/start"), { email: "bo@example.com" });
    const code = app.mail.codeFor("bo@example.com");
    const stored = await app.container.storage.transaction(storeId, (tx) => tx.signInCodes.latestActive(storeId, "bo@example.com", clock.now()));
    expect(stored?.codeHash).toBeTruthy();
    expect(JSON.stringify(stored)).not.toContain(code);
  });

  it("when the storefront language is Dutch, then the email is in Dutch; a merchant's override wins", async () => {
    await app.http.post(api("/session/start"), { email: "nl@example.com", lang: "nl-NL" });
    expect(app.mail.messages.at(-1)?.subject).toMatch(/^Je code voor Alpine Gear beloningen: \d{6}$/);
    const token = await app.adminToken(storeId);
    const current = (await app.http.get("/api/admin/settings", bearer(token))).data;
    await app.http.put("/api/admin/settings", { ...current, texts: { de: { "email.code.subject": "Code {code} für {store}" } } }, bearer(token));
    await app.http.post(api("/session/start"), { email: "de@example.com", lang: "de" });
    expect(app.mail.messages.at(-1)?.subject).toMatch(/^Code \d{6} für Alpine Gear$/);
  });

  it("when codes are guessed, then five wrong tries kill the code, and the right code after that does not work", async () => {
    await app.http.post(api("/session/start"), { email: "cy@example.com" });
    const code = app.mail.codeFor("cy@example.com");
    const wrong = code === "000000" ? "111111" : "000000";
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await app.http.post(api("/session/verify"), { email: "cy@example.com", code: wrong }));
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401]);
    expect(answers.map((answer) => answer.data.attemptsLeft)).toEqual([4, 3, 2, 1, 0]);
    const right = await app.http.post(api("/session/verify"), { email: "cy@example.com", code });
    expect(right.status).toBe(401);
    expect(right.data).toMatchObject({ code: "invalid_code", attemptsLeft: 0 });
  });

  it("when a code is used once, then it cannot be used again; an expired code is refused", async () => {
    await app.http.post(api("/session/start"), { email: "di@example.com" });
    const code = app.mail.codeFor("di@example.com");
    expect((await app.http.post(api("/session/verify"), { email: "di@example.com", code })).status).toBe(200);
    expect((await app.http.post(api("/session/verify"), { email: "di@example.com", code })).data.code).toBe("invalid_code");
    await app.http.post(api("/session/start"), { email: "ed@example.com" });
    const late = app.mail.codeFor("ed@example.com");
    clock.advance(10 * 60 * 1000 + 1);
    expect((await app.http.post(api("/session/verify"), { email: "ed@example.com", code: late })).data.code).toBe("invalid_code");
  });

  it("when the input is bad, then 400 with a clear message", async () => {
    expect((await app.http.post(api("/session/start"), { email: "not-an-email" })).data).toMatchObject({
      code: "validation_failed",
      issues: [{ path: ["email"], code: "invalid_format" }],
    });
    expect((await app.http.post(api("/session/verify"), { email: "a@example.com", code: "12ab56" })).status).toBe(400);
    expect((await app.http.post(api("/session/start"), "{oops", { headers: { "Content-Type": "application/json" } })).data.code).toBe("malformed_json");
    expect((await app.http.get("/api/storefront/abc/program")).status).toBe(400);
  });
});

describe("what a browser can see without a verified session", () => {
  it("when a caller forges a customer id or email, then nothing private comes back", async () => {
    await paidOrder("vip@example.com", 500);
    for (const attempt of [
      app.http.get(api("/me")),
      app.http.get(api("/me?email=vip@example.com")),
      app.http.get(api("/me"), { headers: { Authorization: "Bearer vip@example.com" } }),
      app.http.get(api("/me?customerId=1"), { headers: { "X-Customer-Email": "vip@example.com" } }),
    ]) {
      const response = await attempt;
      expect(response.status).toBe(401);
      expect(JSON.stringify(response.data)).not.toContain("vip@example.com");
    }
    const program = await app.http.get(api("/program"));
    expect(JSON.stringify(program.data)).not.toContain("vip@example.com");
    expect(program.data).not.toHaveProperty("member");
  });

  it("when a shopper token for store A is sent to store B, then B refuses it", async () => {
    const other = await app.installStore();
    const token = await signIn("ana@example.com");
    expect((await app.http.get(api("/me"), bearer(token))).status).toBe(200);
    const refused = await app.http.get(`/api/storefront/${other.storeId}/me`, bearer(token));
    expect(refused.status).toBe(401);
    const adminToken = await app.adminToken(storeId);
    expect((await app.http.get(api("/me"), bearer(adminToken))).status).toBe(401);
    expect((await app.http.get("/api/admin/members", bearer(token))).status).toBe(401);
  });

  it("when a shopper session is 30 days old, then it has expired", async () => {
    const token = await signIn("old@example.com");
    clock.advance(30 * 24 * 3600 * 1000 + 1000);
    expect((await app.http.get(api("/me"), bearer(token))).status).toBe(401);
  });
});

describe("the public program", () => {
  it("when any site asks, then CORS allows it without credentials and the answer is cacheable", async () => {
    const preflight = await app.http.options(api("/session/start"), { headers: { Origin: "https://shop.example.org", "Access-Control-Request-Method": "POST" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe("*");
    expect(preflight.headers["access-control-allow-headers"]).toContain("Authorization");
    expect(preflight.headers["access-control-allow-headers"]).toContain("Idempotency-Key"); // a redemption retried from another origin
    expect(preflight.headers["access-control-allow-credentials"]).toBeUndefined();
    const program = await app.http.get(api("/program?lang=nb-NO"), { headers: { Origin: "https://shop.example.org" } });
    expect(program.headers["access-control-allow-origin"]).toBe("*");
    expect(program.headers["cache-control"]).toBe("public, max-age=60");
    expect(program.data).toMatchObject({ storeId, storeName: "Alpine Gear", lang: "nb", earning: { points: 1, perAmountMinor: 100 } });
  });

  it("when the merchant configures challenges, badges and tiers, then a shopper's progress comes from their order history and completed challenges pay once", async () => {
    const token = await app.adminToken(storeId);
    const current = (await app.http.get("/api/admin/settings", bearer(token))).data;
    const saved = await app.http.put(
      "/api/admin/settings",
      {
        ...current,
        challenges: [{ id: "ch_two", title: "<b>Two</b> orders", points: 25, goal: { kind: "orders", target: 2 } }],
        badges: [{ id: "bd_big", name: "Big spender", goal: { kind: "spend", target: 10_000 } }],
        tiers: [
          { id: "tr_silver", name: "Silver", threshold: 5_000 },
          { id: "tr_gold", name: "Gold", threshold: 20_000 },
        ],
      },
      bearer(token),
    );
    expect(saved.status).toBe(200);
    await paidOrder("gus@example.com", 40);
    await paidOrder("gus@example.com", 30);
    const session = await signIn("gus@example.com");
    const me = (await app.http.get(api("/me"), bearer(session))).data;
    expect(me.member.balance).toBe(95);
    expect(me.challenges).toMatchObject([{ id: "ch_two", progress: 2, target: 2, completed: true }]);
    expect(me.badges).toMatchObject([{ id: "bd_big", earned: false }]);
    expect(me.tier).toMatchObject({
      current: { id: "tr_silver", name: "Silver", how: "earned" },
      amount: 7_000,
      next: { id: "tr_gold", name: "Gold", threshold: 20_000, needed: 13_000 },
      changes: [{ reason: "reached", fromTierId: null, toTierId: "tr_silver" }],
    });
    await paidOrder("gus@example.com", 5);
    expect((await app.http.get(api("/me"), bearer(session))).data.member.balance).toBe(100);
    const program = (await app.http.get(api("/program"))).data;
    expect(program.challenges[0].title).toBe("<b>Two</b> orders");
  });

  it("when the store is unknown or uninstalled, then the program is refused", async () => {
    expect((await app.http.get("/api/storefront/424242/program")).status).toBe(403);
  });
});
