import fc from "fast-check";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest, type RawResponse } from "../support/raw-request.js";
import { aMemberReferral } from "../support/referral-fixtures.js";
import { storeSnapshot } from "../support/storage-snapshot.js";
import { startTestApp, TEST_CLIENT_SECRET, type TestApp } from "../support/test-app.js";
import { checkProperty, errorSink, FUZZ_TEST_MS, fuzzAdapters, runs, type FuzzAdapter } from "./fuzz-harness.js";
import { eventIdOf, toRawRequest, type FuzzTargets, type HostileRequest } from "./hostile-request.js";
import { hostileRequest, signedHostileWebhook } from "./hostile-requests.arbitraries.js";

const FILE = "test/fuzz/public-routes.fuzz.test.ts";

/** Configured, so /metrics exists and its refusal is what gets fuzzed; no request here ever carries it. */
const METRICS_TOKEN = "fuzz-metrics-token-0123456789abcdef";

const adapters = await fuzzAdapters("route fuzz", 0.3);

/** Turns the store's referral program on and gives the member a code, so the landing's routes meet a live one. */
async function shareReferralCode(app: TestApp, storeId: number, email: string, code: string): Promise<void> {
  const settings = await app.container.settings.get(storeId);
  await app.container.settings.update(storeId, { ...settings, referrals: { ...settings.referrals, enabled: true } }, "fuzz");
  const member = (await app.container.storage.read(storeId, (tx) => tx.members.findByEmail(storeId, email)))!;
  await app.container.storage.transaction(storeId, (tx) => tx.members.update(storeId, { ...member, referral: aMemberReferral({ code }) }));
  expect(await app.container.storage.referralCodes.claim(code, storeId, member.id)).toBe(true);
}

/** A landing sends people nowhere but the shop: no redirect header, and every address in its page is the shop's own. */
function expectOnlyTheShop(request: HostileRequest, response: RawResponse, shop: string): void {
  if (!request.path.startsWith("/r")) return;
  expect(response.headers.location).toBeUndefined();
  const page = response.body.toString("utf8");
  if (!page.includes("<main data-invited=")) return;
  for (const [, address] of page.matchAll(/(?:url='|href=")([^'"]*)/g)) expect(address!.replace(/&amp;/g, "&").startsWith(shop), address).toBe(true);
}

/**
 * Without the bearer token /metrics gives nothing away: no answer under it holds a figure, and GET or HEAD of the
 * route itself is refused (401), or refused as a malformed address (400, by Node's parser or before any route).
 */
function expectNoMetricsWithoutToken(request: HostileRequest, response: RawResponse): void {
  if (!request.path.startsWith("/metrics")) return;
  expect(response.body.toString("latin1")).not.toContain("questline_");
  const route = /^\/metrics\/?(\?|$)/.test(request.path);
  if (route && (request.method === "GET" || request.method === "HEAD")) expect([400, 401]).toContain(response.status);
}

describe.each(adapters)("hostile traffic on every public route ($name)", (adapter) => {
  let app: TestApp;
  let database: Awaited<ReturnType<FuzzAdapter["open"]>> | undefined;
  let targets: FuzzTargets;
  let accessToken: string;
  const serverErrors: string[] = [];
  const share = (fallback: number) => Math.max(1, Math.round(runs(fallback) * adapter.share));

  beforeAll(async () => {
    if (adapter.skip) return;
    database = await adapter.open();
    app = await startTestApp({ logger: pino({ level: "error" }, errorSink(serverErrors)), env: { METRICS_TOKEN }, ...(database.storage ? { storage: database.storage } : {}) });
    const installed = await app.installStore({ currency: "USD", currencyPrecision: 2 });
    const { storeId } = installed;
    accessToken = installed.accessToken;
    targets = { installedStoreId: storeId, unknownStoreId: 999_999_999, clientSecret: TEST_CLIENT_SECRET, referralCode: "ANA-7Q2K" };
    // Books worth protecting: a member with points from a paid order, who shares a live referral code.
    const order = app.emulator.putOrder(storeId, { email: "ana@example.com", subtotal: 40, total: 40, paymentStatus: "PAID" });
    const delivered = await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(storeId, order.id, "order.created") });
    expect(delivered.status).toBe(200);
    await app.worker.drain();
    await shareReferralCode(app, storeId, "ana@example.com", targets.referralCode!);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const snapshot = async () => ({
    installed: await storeSnapshot(app.container.storage, targets.installedStoreId),
    unknown: await storeSnapshot(app.container.storage, targets.unknownStoreId),
    mails: app.mail.messages.length,
  });

  it.skipIf(adapter.skip)(
    "when requests come with random methods, headers, encodings, charsets, paths and bodies, then none gets a 5xx and storage does not change",
    async () => {
      const before = await snapshot();
      expect(before.installed.members.total).toBe(1);
      await checkProperty(
        fc.asyncProperty(hostileRequest(targets), async (request) => {
          serverErrors.length = 0;
          const response = await rawRequest(app.url, toRawRequest(request, targets));
          expect(response.status, serverErrors.join("\n")).toBeLessThan(500);
          expectNoMetricsWithoutToken(request, response);
          expectOnlyTheShop(request, response, `https://store${targets.installedStoreId}.company.site/products`);
          expect(await snapshot()).toEqual(before);
          // PostgreSQL text cannot hold NUL, so no receipt can exist for such an id (and asking for one fails).
          const eventId = eventIdOf(request);
          if (eventId !== null && !eventId.includes("\u0000")) expect(await app.container.storage.receipts.find(eventId)).toBeNull();
          expect(Object.keys(Object.prototype)).toEqual([]);
        }),
        share(2000),
        FILE,
      );
    },
    FUZZ_TEST_MS,
  );

  it.skipIf(adapter.skip)(
    "when validly signed webhooks carry hostile fields and data, then none gets a 5xx",
    async () => {
      await checkProperty(
        fc.asyncProperty(signedHostileWebhook(targets), async (request) => {
          serverErrors.length = 0;
          const response = await rawRequest(app.url, toRawRequest(request, targets));
          expect(response.status, serverErrors.join("\n")).toBeLessThan(500);
          expect(Object.keys(Object.prototype)).toEqual([]);
          // A signed uninstall is honoured; install again so later events still reach the store's storage.
          const storeId = targets.installedStoreId;
          if ((await app.container.storage.installs.get(storeId))?.status !== "active") await app.container.installs.recordToken({ storeId, accessToken });
        }),
        share(800),
        FILE,
      );
    },
    FUZZ_TEST_MS,
  );
});
