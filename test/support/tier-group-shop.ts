import { expect } from "vitest";
import type { Member } from "../../server/modules/members/member.js";
import { queueGroupMove } from "../../server/modules/tiers/group-move-queue.js";
import { noTiers } from "../../server/modules/tiers/member-tier.js";
import { bearer, type TestApp } from "./test-app.js";

/** Invitation-only tiers (their thresholds out of reach, so no review earns them): held only as the test assigns them. */
export const TIERS = [
  { id: "tr_silver", name: "Silver", threshold: 1_000_000, inviteOnly: true },
  { id: "tr_gold", name: "Gold", threshold: 2_000_000, inviteOnly: true },
];

/** A shop with groups Silver, Gold and the merchant's own Wholesale, and members who each placed one paid order. */
export async function groupShop(app: TestApp) {
  const { storeId } = await app.installStore({ currency: "USD", currencyPrecision: 2 });
  const admin = bearer(await app.adminToken(storeId));
  const group = (name: string) => app.emulator.putCustomerGroup(storeId, { name }).id;
  const groups = { silver: group("Silver"), gold: group("Gold"), wholesale: group("Wholesale") };

  /** A registered customer (in `customerGroupId`, General by default) or, with null, a guest; a member once their order is taken. */
  async function member(email: string, customerGroupId: number | null = 0): Promise<number | null> {
    const customerId = customerGroupId === null ? null : app.emulator.putCustomer(storeId, { email, customerGroupId }).id;
    const order = app.emulator.putOrder(storeId, { email, customerId, subtotal: 10, paymentStatus: "PAID" });
    await app.emulator.sendWebhook({ url: `${app.url}/webhooks/ecwid`, ...app.emulator.orderWebhook(storeId, order.id, "order.created") });
    await app.worker.drain();
    return customerId;
  }

  /** Saves the tiers with these links (tier id → Ecwid group id). */
  async function link(links: Record<string, number | null>) {
    const current = (await app.http.get("/api/admin/settings", admin)).data;
    const tiers = TIERS.map((tier) => ({ ...tier, customerGroupId: links[tier.id] ?? null }));
    const saved = await app.http.put("/api/admin/settings", { ...current, tiers }, admin);
    expect(saved.status).toBe(200);
    return saved.data.tiers;
  }

  /** Sets the tier the member holds (as the merchant's assignment) and queues their move, as a tier review does. */
  async function hold(email: string, tierId: string | null) {
    const { storage, clock, settings } = app.container;
    const at = clock.now().toISOString();
    const updated = await storage.transaction(storeId, async (tx) => {
      const found = await tx.members.findByEmail(storeId, email);
      if (!found) throw new Error(`no member ${email}`);
      const next: Member = { ...found, tier: { ...(found.tier ?? noTiers(at)), assigned: tierId ? { tierId, by: "test", at } : null } };
      await tx.members.update(storeId, next);
      return next;
    });
    return queueGroupMove(storage.inbox, storeId, updated, (await settings.get(storeId)).tiers, clock.now());
  }

  const groupOf = async (email: string) => (await app.container.storage.read(storeId, (tx) => tx.members.findByEmail(storeId, email)))?.tier?.group ?? null;
  const ecwidGroupOf = (customerId: number | null) => app.emulator.getCustomer(storeId, customerId!)?.customerGroupId;
  const groupPuts = () => app.emulator.requests.filter((request) => request.method === "PUT" && request.path.startsWith(`/api/v3/${storeId}/customers/`));

  return { storeId, admin, groups, member, link, hold, groupOf, ecwidGroupOf, groupPuts };
}
