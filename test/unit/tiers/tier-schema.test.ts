import { describe, expect, it } from "vitest";
import { readSavedSettings } from "../../../server/modules/settings/saved-settings.rules.js";
import { programSettingsSchema, type ProgramSettings } from "../../../server/modules/settings/program-settings.js";
import { heldTier, ladder } from "../../../server/modules/tiers/held-tier.rules.js";
import type { MemberTier } from "../../../server/modules/tiers/member-tier.js";

const earning = { points: 1, perAmountMinor: 100, minOrderMinor: 0, countedStatuses: ["PAID"] };
const program = (input: Record<string, unknown>) => programSettingsSchema.safeParse({ earning, ...input });
const issues = (input: Record<string, unknown>) => {
  const parsed = program(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

const TIERS = programSettingsSchema.parse({
  earning,
  tiers: [
    { id: "tr_gold", name: "Gold", threshold: 50_000 },
    { id: "tr_silver", name: "Silver", threshold: 20_000 },
    { id: "tr_club", name: "Club", threshold: 30_000, inviteOnly: true },
  ],
}).tiers;

const state = (parts: Partial<MemberTier> & { earnedTierId?: string | null }): MemberTier => ({
  earned: { tierId: parts.earnedTierId ?? null, since: null, graceEndsAt: null, reviewAt: null, reviewedAt: "2026-01-01T00:00:00Z" },
  paid: parts.paid ?? null,
  assigned: parts.assigned ?? null,
  group: null,
});

describe("the tier schema", () => {
  it("when a tier was saved before thresholds had a metric, then its thresholdMinor reads as its threshold, with the new fields' defaults", () => {
    const saved = { ...programSettingsSchema.parse({ earning }), tiers: [{ id: "tr_gold", name: "Gold", thresholdMinor: 50_000, perks: "Free shipping" }] };
    expect(readSavedSettings(saved as unknown as ProgramSettings, 2).tiers).toEqual([
      {
        id: "tr_gold",
        name: "Gold",
        threshold: 50_000,
        keepThreshold: null,
        multiplierPercent: 100,
        birthdayPoints: 0,
        inviteOnly: false,
        customerGroupId: null,
        perks: "Free shipping",
      },
    ]);
  });

  it("when a keep threshold is above the entry, a membership names no tier, or two tiers link one group, then each is refused where it is", () => {
    expect(issues({ tiers: [{ id: "tr_gold", name: "Gold", threshold: 500, keepThreshold: 600 }] })).toEqual(["tiers.0.keepThreshold: must not be above the entry threshold"]);
    expect(issues({ tiers: [], memberships: [{ id: "ms_club", productId: 42, tierId: "tr_gold", months: 12 }] })).toEqual(["memberships.0.tierId: is not a tier of this program"]);
    expect(
      issues({
        tiers: [
          { id: "tr_a", name: "A", threshold: 1, customerGroupId: 9 },
          { id: "tr_b", name: "B", threshold: 2, customerGroupId: 9 },
        ],
      }),
    ).toEqual(["tiers.1.customerGroupId: is already linked to another tier"]);
    expect(issues({ tiers: [{ id: "tr_a", name: "A", threshold: 1, multiplierPercent: 99 }] })).toHaveLength(1);
  });
});

describe("the tier a member holds", () => {
  const now = new Date("2026-06-01T00:00:00Z");

  it("orders the ladder by threshold, an invitation-only tier by its threshold too", () => {
    expect(ladder(TIERS).map((tier) => tier.id)).toEqual(["tr_silver", "tr_club", "tr_gold"]);
  });

  it("when a member holds an earned, a paid and an assigned tier, then they enjoy the highest; a paid one past its end and a removed tier count for nothing", () => {
    expect(heldTier(TIERS, null, now)).toBeNull();
    expect(heldTier(TIERS, state({ earnedTierId: "tr_silver" }), now)?.id).toBe("tr_silver");
    const paid = { tierId: "tr_gold", membershipId: "ms_x", until: "2026-07-01T00:00:00Z", grants: [] };
    expect(heldTier(TIERS, state({ earnedTierId: "tr_silver", paid }), now)?.id).toBe("tr_gold");
    expect(heldTier(TIERS, state({ earnedTierId: "tr_silver", paid: { ...paid, until: "2026-06-01T00:00:00Z" } }), now)?.id).toBe("tr_silver");
    expect(heldTier(TIERS, state({ earnedTierId: "tr_silver", assigned: { tierId: "tr_club", by: "owner", at: "2026-01-01T00:00:00Z" } }), now)?.id).toBe("tr_club");
    expect(heldTier(TIERS, state({ earnedTierId: "tr_gone" }), now)).toBeNull();
  });
});
