import { describe, expect, it } from "vitest";
import { programSettingsSchema } from "../../../server/modules/settings/program-settings.js";
import { applyMembershipOrder, expireMembership } from "../../../server/modules/tiers/membership.step.js";
import { createMemoryStorage } from "../../../server/storage/lowdb/lowdb-storage.js";
import { aMember, aStoreId } from "../../support/storage-fixtures.js";

const settings = programSettingsSchema.parse({
  earning: { points: 1, perAmountMinor: 100, minOrderMinor: 0, countedStatuses: ["PAID"] },
  tiers: [
    { id: "tr_silver", name: "Silver", threshold: 20_000 },
    { id: "tr_club", name: "Club", threshold: 50_000, inviteOnly: true },
  ],
  memberships: [{ id: "ms_club", productId: 501, tierId: "tr_club", months: 12 }],
});
const program = { settings, timeZone: "UTC" };
const pass = (orderId: string, placedAt: string, counted = true) => ({ orderId, placedAt, counted, items: [{ productId: 501, categoryId: 0, quantity: 1 }] });

async function shop() {
  const storage = await createMemoryStorage();
  const storeId = aStoreId();
  const member = aMember(storeId, { email: "maya@example.com" });
  await storage.transaction(storeId, (tx) => tx.members.insert(storeId, member));
  const apply = (order: ReturnType<typeof pass>, at: string) =>
    storage.transaction(storeId, async (tx) => applyMembershipOrder(tx, storeId, (await tx.members.get(storeId, member.id))!, order, program, new Date(at)));
  const changes = () => storage.read(storeId, (tx) => tx.tierChanges.listForMember(storeId, member.id, 10));
  return { storage, storeId, member, apply, changes };
}

describe("a paid membership on the member", () => {
  it("when a pass is bought, renewed and refunded, then the member holds the tier until the pass ends, and each step is recorded with its reason", async () => {
    const { apply, changes, storage } = await shop();
    const bought = await apply(pass("o1", "2026-03-01T10:00:00Z"), "2026-03-01T10:00:05Z");
    expect(bought.member.tier).toMatchObject({ paid: { tierId: "tr_club", until: "2027-03-01T00:00:00.000Z" }, earned: { reviewAt: "2027-03-01T00:00:00.000Z" } });
    expect(bought.change).toMatchObject({ reason: "bought", fromTierId: null, toTierId: "tr_club", details: { orderId: "o1" } });

    expect((await apply(pass("o1", "2026-03-01T10:00:00Z"), "2026-03-01T10:05:00Z")).change).toBeNull();
    const renewed = await apply(pass("o2", "2027-02-01T10:00:00Z"), "2027-02-01T10:00:05Z");
    expect(renewed.change).toMatchObject({ reason: "renewed", fromTierId: "tr_club", toTierId: "tr_club", details: { until: "2028-03-01T00:00:00.000Z" } });

    const refunded = await apply(pass("o2", "2027-02-01T10:00:00Z", false), "2027-02-10T10:00:00Z");
    expect(refunded.change).toMatchObject({ reason: "refunded", details: { until: "2027-03-01T00:00:00.000Z" } });
    expect((await changes()).map((change) => change.reason)).toEqual(["refunded", "renewed", "bought"]);
    await storage.close();
  });

  it("when the pass has run out, then it is ended and recorded as expired from the tier it gave; before its end nothing", async () => {
    const { apply } = await shop();
    const { member } = await apply(pass("o1", "2026-03-01T10:00:00Z"), "2026-03-01T10:00:05Z");
    expect(expireMembership(member, settings.tiers, new Date("2027-02-28T23:59:59Z"), "UTC")).toBeNull();
    const ended = expireMembership(member, settings.tiers, new Date("2027-03-01T00:00:00Z"), "UTC");
    expect(ended?.tier.paid).toBeNull();
    expect(ended?.change).toMatchObject({ reason: "expired", fromTierId: "tr_club", toTierId: null, at: "2027-03-01T00:00:00.000Z" });
  });
});
