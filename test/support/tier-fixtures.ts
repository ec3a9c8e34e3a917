import type { MemberTier } from "../../server/modules/tiers/member-tier.js";
import type { TierChange } from "../../server/modules/tiers/tier-change.js";
import { newId } from "../../server/lib/ids.js";
import { minutesAfter } from "./storage-fixtures.js";

/** A member's tier state with only an earned tier (reviewed now) unless `earned` says otherwise. */
export function aMemberTier(earned: Partial<MemberTier["earned"]> = {}, rest: Partial<Omit<MemberTier, "earned">> = {}): MemberTier {
  return {
    earned: { tierId: null, since: null, graceEndsAt: null, reviewAt: null, reviewedAt: minutesAfter(0), ...earned },
    paid: null,
    assigned: null,
    group: null,
    ...rest,
  };
}

/** A member reaching a tier, recorded now, unless `overrides` say otherwise. */
export function aTierChange(storeId: number, memberId: string, overrides: Partial<TierChange> = {}): TierChange {
  return {
    id: newId("tch"),
    storeId,
    memberId,
    fromTierId: null,
    toTierId: "tr_silver",
    reason: "reached",
    details: { amount: 5_000, metric: "spend" },
    at: minutesAfter(0),
    ...overrides,
  };
}
