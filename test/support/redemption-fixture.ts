import { expect } from "vitest";
import { programSettingsSchema, type ProgramSettingsInput } from "../../server/modules/settings/program-settings.js";
import { bearer, type TestApp } from "./test-app.js";

/** A store with a signed-in shopper holding `points`, and the rewards given; helpers to redeem and read. */
export async function redemptionStore(app: TestApp, rewards: unknown[], options: { points: number; email?: string; program?: Partial<ProgramSettingsInput> }) {
  // A store id of its own, as tests on PostgreSQL share one database.
  const { storeId } = await app.installStore({ storeId: 100_000 + Math.floor(Math.random() * 900_000_000), storeName: "Alpine Gear", lang: "en", currencyPrecision: 2 });
  const email = options.email ?? "ana@example.com";
  const settings = programSettingsSchema.parse({
    earning: { points: 1, perAmountMinor: 100, minOrderMinor: 0, countedStatuses: ["PAID"] },
    ...options.program,
    rewards,
  });
  await app.container.storage.transaction(storeId, (tx) => tx.settings.save(storeId, settings));
  await app.http.post(`/api/storefront/${storeId}/session/start`, { email });
  const verified = await app.http.post(`/api/storefront/${storeId}/session/verify`, { email, code: app.mail.codeFor(email) });
  expect(verified.status).toBe(200);
  const token = verified.data.token as string;
  const { memberId } = app.container.shopperSessions.authenticate(storeId, `Bearer ${token}`);
  if (options.points > 0) {
    await app.container.ledger.adjust({ storeId, memberId, points: options.points, reason: "Welcome", actor: "merchant@example.com", requestKey: null });
  }
  const api = (path: string) => `/api/storefront/${storeId}${path}`;
  return {
    storeId,
    memberId,
    token,
    redeem: (rewardId: string, body: unknown = {}, key?: string) =>
      app.http.post(api(`/rewards/${rewardId}/redeem`), body, { headers: { Authorization: `Bearer ${token}`, ...(key ? { "Idempotency-Key": key } : {}) } }),
    me: async () => (await app.http.get(api("/me"), bearer(token))).data,
    ledger: () =>
      app.container.storage.read(storeId, async (tx) => ({
        balance: await tx.ledger.balance(storeId, memberId),
        entries: (await tx.ledger.listForMember(storeId, memberId, { limit: 100, offset: 0 })).items,
      })),
    redemption: (id: string) => app.container.storage.read(storeId, (tx) => tx.redemptions.get(storeId, id)),
    coupons: () => app.emulator.getCoupons(storeId),
    couponCalls: () => app.emulator.requests.filter((request) => request.method === "POST" && request.path.endsWith("/discount_coupons")),
  };
}
