import { describe, expect, it } from "vitest";
import { groupMove, moveDue, targetGroup } from "../../../server/modules/tiers/customer-group.rules.js";
import { noTiers, type MemberTier } from "../../../server/modules/tiers/member-tier.js";
import { tierSchema } from "../../../server/modules/settings/program-settings.js";

const now = new Date("2026-05-01T10:00:00Z");
const tiers = [
  { id: "tr_silver", name: "Silver", threshold: 100, customerGroupId: 11 },
  { id: "tr_gold", name: "Gold", threshold: 200, customerGroupId: 22 },
  { id: "tr_plain", name: "Plain", threshold: 300 },
].map((tier) => tierSchema.parse(tier));
const holding = (tierId: string | null, group: MemberTier["group"] = null): MemberTier => ({ ...noTiers(now.toISOString()), earned: { ...noTiers("").earned, tierId }, group });

describe("customer group rules", () => {
  it("when a member holds a linked tier, then they belong in its group; with no tier or an unlinked one, in General", () => {
    expect(targetGroup(tiers, holding("tr_gold"), now)).toBe(22);
    expect(targetGroup(tiers, holding("tr_plain"), now)).toBe(0);
    expect(targetGroup(tiers, holding(null), now)).toBe(0);
    expect(targetGroup(tiers, null, now)).toBe(0);
  });

  it("when the customer is in General, a linked group or the group Questline last set, then they are moved; in any other group, left alone", () => {
    const linked = new Set([11, 22]);
    expect(groupMove(0, 22, linked, null)).toBe("move");
    expect(groupMove(11, 22, linked, null)).toBe("move");
    expect(groupMove(33, 0, linked, 33)).toBe("move");
    expect(groupMove(99, 22, linked, null)).toBe("foreign");
    expect(groupMove(22, 22, linked, null)).toBe("stay");
  });

  it("when a member's recorded group is already where their tier puts them, then no move is due; a guest only once they have an account", () => {
    const at = now.toISOString();
    expect(moveDue({ customerId: 1, tier: holding("tr_gold", { ecwidGroupId: 22, state: "synced", syncedAt: at }) }, 22)).toBe(false);
    expect(moveDue({ customerId: 1, tier: holding("tr_gold", { ecwidGroupId: 11, state: "synced", syncedAt: at }) }, 22)).toBe(true);
    expect(moveDue({ customerId: 1, tier: null }, 0)).toBe(false);
    expect(moveDue({ customerId: 1, tier: null }, 22)).toBe(true);
    expect(moveDue({ customerId: null, tier: holding("tr_gold", { ecwidGroupId: null, state: "guest", syncedAt: at }) }, 22)).toBe(false);
    expect(moveDue({ customerId: 5, tier: holding("tr_gold", { ecwidGroupId: null, state: "guest", syncedAt: at }) }, 22)).toBe(true);
    expect(moveDue({ customerId: 5, tier: holding(null, { ecwidGroupId: 99, state: "foreign", syncedAt: at }) }, 0)).toBe(false);
    expect(moveDue({ customerId: 5, tier: holding("tr_gold", { ecwidGroupId: 99, state: "foreign", syncedAt: at }) }, 22)).toBe(true);
    expect(moveDue({ customerId: 5, tier: holding("tr_gold", { ecwidGroupId: null, state: "unavailable", syncedAt: at }) }, 22)).toBe(true);
  });
});
