import type { MemberTier } from "../../server/modules/tiers/member-tier.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { aMemberTier } from "./tier-fixtures.js";

/** A member's tier state holding only `tierId`, as the merchant assigned it. */
export const assignedTier = (tierId: string): MemberTier => aMemberTier({}, { assigned: { tierId, by: "owner@shop.example", at: "2026-01-01T00:00:00.000Z" } });

/** Puts the member with `email` in `tier` (a test's stand-in for a review or the merchant). */
export async function setMemberTier(storage: Storage, storeId: number, email: string, tier: MemberTier | null): Promise<void> {
  await storage.transaction(storeId, async (tx) => {
    const member = await tx.members.findByEmail(storeId, email);
    if (!member) throw new Error(`no member ${email}`);
    await tx.members.update(storeId, { ...member, tier });
  });
}
