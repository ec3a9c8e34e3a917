import { afterEach, beforeEach, expect } from "vitest";
import type { OrderInit } from "../../server/ecwid-emulator/api-types.js";
import { manualClock, type Clock } from "../../server/lib/clock.js";
import type { MemberReferral } from "../../server/modules/referrals/referral.js";
import type { ReferralSettings } from "../../server/modules/referrals/referral-settings.js";
import { programSettingsSchema, type ProgramSettingsInput } from "../../server/modules/settings/program-settings.js";
import { aMemberReferral } from "./referral-fixtures.js";
import { aMember } from "./storage-fixtures.js";
import { bearer, startTestApp, type TestApp } from "./test-app.js";

export const CODE = "MAYA-7Q2K";
export const MAYA = { email: "maya@example.com", customerId: 270919601 };
export const MAYA_HOME = { name: "Maya Chen", street: "Keizersgracht 12", city: "Amsterdam", postalCode: "1015 CX", countryCode: "NL" };
export const DAY_MS = 24 * 60 * 60 * 1000;

/** Each test gets a fresh app on a manual clock set to 2026-03-05 10:00 UTC, closed after it: `run.app`, `run.clock`. */
export function referralTestApp() {
  const run = { clock: manualClock(), app: undefined as unknown as TestApp };
  beforeEach(async () => {
    run.clock.set("2026-03-05T10:00:00Z");
    run.app = await startTestApp({ clock: run.clock });
  });
  afterEach(() => run.app.close());
  return run;
}

/**
 * A shop running the referral program (500 points per friend after 14 days unless `referrals` say otherwise) with
 * one ambassador, Maya: a member holding CODE, an Ecwid customer whose earlier order shipped to MAYA_HOME, and the
 * code's Ecwid coupon (new customers only, once each). Friends' orders reach Questline as Ecwid's signed webhooks.
 */
export async function referralShop(
  app: TestApp,
  clock: Clock & { advance(ms: number): void },
  options: { referrals?: Partial<ReferralSettings>; program?: Partial<ProgramSettingsInput>; ambassador?: Partial<MemberReferral> } = {},
) {
  const { storeId } = await app.installStore({ storeId: 100_000 + Math.floor(Math.random() * 900_000_000), currency: "USD", currencyPrecision: 2, timeZone: "Europe/Amsterdam" });
  const settings = programSettingsSchema.parse({
    earning: { points: 1, perAmountMinor: 100, minOrderMinor: 0, countedStatuses: ["PAID"] },
    ...options.program,
    referrals: { enabled: true, holdDays: 14, ambassadorReward: { kind: "points", points: 500 }, ...options.referrals },
  });
  const ambassador = aMember(storeId, { email: MAYA.email, customerId: MAYA.customerId, referral: aMemberReferral({ code: CODE, ...options.ambassador }) });
  await app.container.storage.transaction(storeId, async (tx) => {
    await tx.settings.save(storeId, settings);
    await tx.members.insert(storeId, ambassador);
  });
  app.emulator.putCustomer(storeId, { id: MAYA.customerId, email: MAYA.email, name: "Maya Chen" });
  app.emulator.putOrder(storeId, {
    email: MAYA.email,
    customerId: MAYA.customerId,
    subtotal: 30,
    shippingPerson: MAYA_HOME,
    createDate: new Date(clock.now().getTime() - 90 * DAY_MS),
  });
  app.emulator.putCoupon(storeId, {
    code: CODE,
    name: "Friend of Maya",
    discountType: "PERCENT",
    discount: 10,
    usesLimit: "ONCEPERCUSTOMER",
    applicationLimit: "NEW_CUSTOMER_ONLY",
  });

  const send = async (orderId: string, eventType: "order.created" | "order.updated") => {
    const delivered = await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(storeId, orderId, eventType) });
    expect(delivered.status).toBe(200);
    await app.worker.drain();
  };
  const read = <T>(work: Parameters<typeof app.container.storage.read<T>>[1]) => app.container.storage.read(storeId, work);

  return {
    storeId,
    ambassadorId: ambassador.id,
    /** A friend's paid order placed now ($50 unless said), sent to Questline. */
    async order(init: OrderInit) {
      const order = app.emulator.putOrder(storeId, { subtotal: 50, paymentStatus: "PAID", createDate: clock.now(), ...init });
      await send(order.id, "order.created");
      return order;
    },
    async refund(orderId: string) {
      const order = app.emulator.getOrder(storeId, orderId)!;
      app.emulator.refundOrder(storeId, orderId, order.total);
      await send(orderId, "order.updated");
    },
    /** One pass of the referral job over this store (runAll would visit other tests' stores in a shared database). */
    job: () => app.container.referralJob.runStore(storeId),
    later: (days: number) => clock.advance(days * DAY_MS),
    referralOf: async (orderId: string) => (await read((tx) => tx.referrals.findByOrder(storeId, orderId)))!,
    ambassador: async () => (await read((tx) => tx.members.get(storeId, ambassador.id)))!,
    ledger: () =>
      read(async (tx) => ({
        balance: await tx.ledger.balance(storeId, ambassador.id),
        entries: (await tx.ledger.listForMember(storeId, ambassador.id, { limit: 100, offset: 0 })).items,
      })),
    audit: async () => (await read((tx) => tx.audit.list(storeId, { limit: 100, offset: 0 }))).items.filter((entry) => entry.action.startsWith("referral.")),
    admin: async () => bearer(await app.adminToken(storeId)),
  };
}
