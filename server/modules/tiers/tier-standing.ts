import type { StoreTransaction } from "../../storage/storage.port.js";
import type { Member } from "../members/member.js";
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
  return tierStandingView(program.settings, member.tier, amount, await tx.tierChanges.listForMember(storeId, member.id, changes), now);
}
