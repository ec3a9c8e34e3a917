import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEcwidEmulator } from "../../server/ecwid-emulator/index.js";
import { post } from "../../server/modules/ledger/posting.js";
import { programSettingsSchema } from "../../server/modules/settings/program-settings.js";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { startAppProcess } from "../support/app-process.js";
import { createTestDatabase, postgresSkipReason, type TestDatabase } from "../support/postgres.js";
import { startSmtpInbox } from "../support/smtp-inbox.js";

const CLIENT_ID = "questline-redeem-race";
const CLIENT_SECRET = "race-client-secret-0123456789";

const skipReason = await postgresSkipReason("redemption race across processes");
if (skipReason) console.log(skipReason);

type App = Awaited<ReturnType<typeof startAppProcess>>;

/** Two real app processes sharing one PostgreSQL database, with shoppers' redemptions split between them. */
describe.skipIf(skipReason !== null)("redemptions racing across two processes on PostgreSQL", () => {
  const emulator = createEcwidEmulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, rateLimitPerMinute: null });
  const cleanups: (() => Promise<void>)[] = [];
  let database: TestDatabase;
  let apps: [App, App];
  let storage: Storage;
  let mail: Awaited<ReturnType<typeof startSmtpInbox>>;

  beforeAll(async () => {
    const ecwid = await emulator.listen(0);
    cleanups.push(() => ecwid.close());
    mail = await startSmtpInbox();
    cleanups.push(() => mail.close());
    database = await createTestDatabase("redeem");
    cleanups.push(() => database.drop());
    const env = {
      ECWID_CLIENT_ID: CLIENT_ID,
      ECWID_CLIENT_SECRET: CLIENT_SECRET,
      ECWID_API_URL: `${ecwid.url}/api/v3`,
      ECWID_OAUTH_URL: `${ecwid.url}/api/oauth`,
      SESSION_SECRET: "race-session-secret-0123456789-0123456789",
      ENCRYPTION_KEY: "race-encryption-key-0123456789-0123456789",
      DATABASE_URL: database.url,
      SMTP_URL: mail.url,
      DATA_DIR: path.join(tmpdir(), `questline-redeem-unused-${randomUUID()}`),
    };
    apps = (await Promise.all([startAppProcess(env), startAppProcess(env)])) as [App, App];
    for (const app of apps) cleanups.push(() => app.stop("SIGTERM"));
    storage = await createPostgresStorage({ databaseUrl: database.url });
    cleanups.push(() => storage.close());
  }, 120_000);

  afterAll(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  }, 60_000);

  const json = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });
    return { status: response.status, data: (await response.json()) as Record<string, unknown> };
  };

  it("when 20 redemptions split across both processes race on a balance that pays for 3, then exactly 3 coupons and 17 insufficient_points", async () => {
    const [a, b] = apps;
    const { storeId } = emulator.addStore();
    expect((await json(`${a.url}/api/admin/session`, { payload: emulator.encryptedPayload(storeId) })).status).toBe(200);
    const rewards = [{ id: "rw_five", name: "$5 off", kind: "amount_off", costPoints: 500, amountMinor: 500 }];
    const settings = programSettingsSchema.parse({ earning: { points: 1, perAmountMinor: 100, minOrderMinor: 0, countedStatuses: ["PAID"] }, rewards });
    await storage.transaction(storeId, (tx) => tx.settings.save(storeId, settings));

    const email = "racer@example.com";
    expect((await json(`${b.url}/api/storefront/${storeId}/session/start`, { email })).status).toBe(202);
    const verified = await json(`${b.url}/api/storefront/${storeId}/session/verify`, { email, code: mail.codeFor(email) });
    const token = verified.data.token as string;
    await storage.transaction(storeId, async (tx) => {
      const member = await tx.members.findByEmail(storeId, email);
      const basis = { visibleToShopper: false };
      await post(
        tx,
        storeId,
        { memberId: member!.id, delta: 1500, kind: "adjust", source: { type: "manual", id: "welcome" }, idempotencyKey: "adjust:welcome", actor: "test", note: "Welcome", basis },
        new Date(),
      );
    });

    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => json(`${(i % 2 ? a : b).url}/api/storefront/${storeId}/rewards/rw_five/redeem`, {}, { Authorization: `Bearer ${token}` })),
    );

    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(3);
    expect(answers.filter((answer) => answer.status === 409 && answer.data.code === "insufficient_points")).toHaveLength(17);
    expect(emulator.getCoupons(storeId)).toHaveLength(3);
    const member = await storage.read(storeId, (tx) => tx.members.findByEmail(storeId, email));
    const books = await storage.read(storeId, async (tx) => ({
      balance: await tx.ledger.balance(storeId, member!.id),
      held: await tx.redemptions.heldPoints(storeId, member!.id),
      issued: (await tx.redemptions.page(storeId, { statuses: ["issued"], limit: 100, offset: 0 })).total,
    }));
    expect(books).toEqual({ balance: 0, held: 0, issued: 3 });
  }, 60_000);
});
