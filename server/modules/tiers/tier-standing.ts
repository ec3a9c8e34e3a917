import type { StoreTransaction } from "../../storage/storage.port.js";
import type { Member } from "../members/member.js";
import { noTiers } from "./member-tier.js";
import { reviewTier } from "./tier-review.rules.js";
import { tierStandingView, type MemberTierStanding } from "./tier-standing.rules.js";
import { tierActivity, type TierProgram } from "./tier-review.step.js";
import { measure } from "./tier-window.rules.js";

export const RECENT_TIER_CHANGES = 10;

/** The member's tier as `/me` and the merchant read it: held tier, amount in the window now, next and keep, last changes. */
export async function readTierStanding(
  tx: Pick<StoreTransaction, "orders" | "ledger" | "tierChanges">,
  storeId: number,
  member: Pick<Member, "id" | "tier">,
  program: TierProgram,
  now: Date,
  changes = RECENT_TIER_CHANGES,
): Promise<MemberTierStanding> {
  const activity = await tierActivity(tx, storeId, member.id, program, now);
  const { amount } = measure(program.settings.tierRules, activity, now, program.timeZone);
  // A member not reviewed yet (new since the job last ran) reads the tier their first review gives at once.
  const { tiers, tierRules } = program.settings;
  const state = member.tier ?? { ...noTiers(now.toISOString()), earned: reviewTier({ tiers, rules: tierRules, activity, state: null, now, timeZone: program.timeZone }).earned };
  return tierStandingView(program.settings, state, amount, await tx.tierChanges.listForMember(storeId, member.id, changes), now);
}
