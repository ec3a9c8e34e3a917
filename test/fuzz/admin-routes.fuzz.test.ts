import fc from "fast-check";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSessionTokens } from "../../server/lib/session-tokens.js";
import { SHOPPER_AUDIENCE } from "../../server/modules/shoppers/shopper-session.service.js";
import { ADMIN_AUDIENCE } from "../../server/modules/stores/admin-session.service.js";
import { rawRequest } from "../support/raw-request.js";
import { aReferral } from "../support/referral-fixtures.js";
import { storeSnapshot } from "../support/storage-snapshot.js";
import { bearer, startTestApp, TEST_CLIENT_SECRET, type TestApp } from "../support/test-app.js";
import { hostileAdminRequest } from "./admin-routes.arbitraries.js";
import { checkProperty, errorSink, FUZZ_TEST_MS, fuzzAdapters, runs, type FuzzAdapter } from "./fuzz-harness.js";
import { toRawRequest, type FuzzTargets } from "./hostile-request.js";

const FILE = "test/fuzz/admin-routes.fuzz.test.ts";
const adapters = await fuzzAdapters("admin route fuzz", 0.4);

const PREFIX: Record<string, string> = { challenges: "ch", badges: "bd", tiers: "tr", rewards: "rw" };

const item = (list: string, id: string) =>
  ({
    challenges: { id, title: "Spring", points: 50, goal: { kind: "orders", target: 2 } },
    badges: { id, name: "Explorer", goal: { kind: "orders", target: 1 } },
    tiers: { id, name: "Gold", threshold: 0 },
    rewards: { id, name: "$5 off", kind: "amount_off", costPoints: 500, amountMinor: 500 },
  })[list];

describe.each(adapters)("hostile merchants on every admin route ($name)", (adapter) => {
  let app: TestApp;
  let database: Awaited<ReturnType<FuzzAdapter["open"]>> | undefined;
  /** The attacker signs in to store A; store B is the victim, with a program and a member with points. */
  let storeA: number;
  let storeB: number;
  let tokenA: string;
  let keyA: string;
  let targets: FuzzTargets;
  const serverErrors: string[] = [];
  const share = (fallback: number) => Math.max(1, Math.round(runs(fallback) * adapter.share));

  async function storeWithProgram(suffix: string) {
    const { storeId } = await app.installStore({ currency: "USD", currencyPrecision: 2 });
    const token = await app.adminToken(storeId);
    for (const list of Object.keys(PREFIX)) {
      expect((await app.http.post(`/api/admin/program/${list}`, item(list, `${PREFIX[list]}_${suffix}`), bearer(token))).status).toBe(201);
    }
    return { storeId, token };
  }

  beforeAll(async () => {
    if (adapter.skip) return;
    database = await adapter.open();
    app = await startTestApp({ logger: pino({ level: "error" }, errorSink(serverErrors)), ...(database.storage ? { storage: database.storage } : {}) });
    ({ storeId: storeA, token: tokenA } = await storeWithProgram("mine"));
    ({ storeId: storeB } = await storeWithProgram("theirs"));
    keyA = (await app.http.post("/api/admin/api-keys", { name: "Attacker's tool", scope: "write" }, bearer(tokenA))).data.token as string;
    targets = { installedStoreId: storeA, unknownStoreId: 999_999_999, clientSecret: TEST_CLIENT_SECRET };
    const order = app.emulator.putOrder(storeB, { email: "ana@example.com", subtotal: 40, total: 40, paymentStatus: "PAID" });
    expect((await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(storeB, order.id, "order.created") })).status).toBe(200);
    await app.worker.drain();
    // A referral waiting for review in each store: the attacker may decide theirs, never the victim's.
    for (const [storeId, id] of [
      [storeA, "ref_mine"],
      [storeB, "ref_theirs"],
    ] as const) {
      await app.container.storage.transaction(storeId, (tx) => tx.referrals.insert(storeId, aReferral(storeId, { id, status: "review" })));
    }
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const victim = async () => ({
    ...(await storeSnapshot(app.container.storage, storeB)),
    measurements: await app.container.storage.read(storeB, (tx) => tx.measurements.list(storeB, 100)),
    referrals: await app.container.storage.read(storeB, (tx) => tx.referrals.page(storeB, { limit: 100, offset: 0 })),
  });

  it.skipIf(adapter.skip)(
    "when a signed-in merchant sends hostile ids, bodies, encodings and If-Match values to every admin route, then none gets a 5xx, their own program still round-trips, and another store never changes",
    async () => {
      const before = await victim();
      expect(before.members.total).toBe(1);
      await checkProperty(
        fc.asyncProperty(hostileAdminRequest(), async (request) => {
          serverErrors.length = 0;
          const raw = toRawRequest(request, targets);
          const response = await rawRequest(app.url, { ...raw, headers: { ...raw.headers, Authorization: `Bearer ${tokenA}` } });
          expect(response.status, serverErrors.join("\n")).toBeLessThan(500);
          expect(Object.keys(Object.prototype)).toEqual([]);
          // What GET returns, PUT accepts: no write may leave the attacker's own program unreadable or unsaveable.
          const own = await app.http.get("/api/admin/settings", bearer(tokenA));
          expect(own.status).toBe(200);
          const saved = await app.http.put("/api/admin/settings", own.data, { headers: { ...bearer(tokenA).headers, "If-Match": own.headers.etag } });
          expect(saved.status, JSON.stringify(saved.data)).toBe(200);
          expect(await victim()).toEqual(before);
        }),
        share(600),
        FILE,
      );
    },
    FUZZ_TEST_MS,
  );

  it.skipIf(adapter.skip)(
    "when admin routes are called without a valid merchant token for the store (none, forged, expired, a shopper's, another secret's), then every one is refused with 401 and no store changes",
    async () => {
      const { tokens } = app.container;
      const otherSecret = createSessionTokens("another-session-secret-0123456789-0123456789", () => new Date());
      const header = (claims: object) => Buffer.from(JSON.stringify(claims)).toString("base64url");
      const forged = [
        null,
        "Bearer",
        "Bearer garbage",
        `Bearer ${tokens.sign(ADMIN_AUDIENCE, { storeId: storeB }, -60)}`,
        `Bearer ${tokens.sign(SHOPPER_AUDIENCE, { storeId: storeB, memberId: "mem_x" }, 600)}`,
        `Bearer ${tokens.sign(ADMIN_AUDIENCE, { storeId: String(storeB) }, 600)}`,
        `Bearer ${otherSecret.sign(ADMIN_AUDIENCE, { storeId: storeB }, 600)}`,
        `Bearer ${header({ alg: "none", typ: "JWT" })}.${header({ storeId: storeB, aud: ADMIN_AUDIENCE, iss: "questline", exp: 9_999_999_999 })}.`,
        // The attacker's own token with the store swapped: the signature no longer matches.
        `Bearer ${tokenA.split(".")[0]}.${header({ ...JSON.parse(Buffer.from(tokenA.split(".")[1]!, "base64url").toString()), storeId: storeB })}.${tokenA.split(".")[2]}`,
        // API keys: made up, malformed, and the attacker's own write key sent as the victim store's.
        `Bearer ql_${storeB}_aaaaaaaaaaaaaaaa_${"A".repeat(43)}`,
        "Bearer ql_",
        `Bearer ql_${storeB}_${"z".repeat(200)}`,
        `Bearer ${keyA.replace(`ql_${storeA}_`, `ql_${storeB}_`)}`,
      ];
      const before = { victim: await victim(), attacker: await storeSnapshot(app.container.storage, storeA) };
      await checkProperty(
        fc.asyncProperty(hostileAdminRequest(), fc.constantFrom(...forged), async (request, authorization) => {
          serverErrors.length = 0;
          const raw = toRawRequest(request, targets);
          const headers = { ...raw.headers, ...(authorization === null ? {} : { Authorization: authorization }) };
          const response = await rawRequest(app.url, { ...raw, headers });
          expect(response.status, serverErrors.join("\n")).toBeLessThan(500);
          // A body the parser refuses, an address with a NUL or a preflight may be answered first; nothing else passes.
          // The API's own description is public; every other route needs a merchant.
          const described = /^\/api\/admin\/(openapi\.json|reference)(\?|$)/.test(request.path);
          // Keys that do not work spend the caller's budget: once it is spent they are refused with 429 instead.
          const refusals = authorization?.startsWith("Bearer ql_") ? [401, 429] : [401];
          if (request.method !== "OPTIONS" && !described && response.status !== 400 && response.status !== 413 && response.status !== 415)
            expect(refusals).toContain(response.status);
          expect({ victim: await victim(), attacker: await storeSnapshot(app.container.storage, storeA) }).toEqual(before);
        }),
        share(250),
        FILE,
      );
    },
    FUZZ_TEST_MS,
  );
});
