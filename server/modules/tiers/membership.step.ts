import { newId } from "../../lib/ids.js";
import type { StoreTransaction } from "../../storage/storage.port.js";
import type { Member } from "../members/member.js";
import type { OrderRecord } from "../orders/order-record.js";
import type { ProgramSettings } from "../settings/program-settings.js";
import { heldTier } from "./held-tier.rules.js";
import { noTiers, type MemberTier } from "./member-tier.js";
import { grantsOf, paidTierAfter, paidTierAt } from "./membership.rules.js";
import type { TierChange } from "./tier-change.js";
import { appendTierChange } from "./tier-change-record.js";

type Program = { settings: Pick<ProgramSettings, "tiers" | "memberships">; timeZone: string };

const tierChange = (
  member: Member,
  reason: TierChange["reason"],
  before: MemberTier | null,
  after: MemberTier,
  tiers: ProgramSettings["tiers"],
  at: Date,
  details: TierChange["details"],
): TierChange => ({
  id: newId("tch"),
  storeId: member.storeId,
  memberId: member.id,
  fromTierId: heldTier(tiers, before, at)?.id ?? null,
  toTierId: heldTier(tiers, after, at)?.id ?? null,
  reason,
  details,
  at: at.toISOString(),
});

/** The tier review wakes when the pass runs out, so its end is recorded on time (`expireMembership`). */
export const wakeAtEnd = (state: MemberTier): MemberTier => {
  const until = state.paid?.until;
  if (!until) return state;
  const reviewAt = state.earned.reviewAt && state.earned.reviewAt < until ? state.earned.reviewAt : until;
  return { ...state, earned: { ...state.earned, reviewAt } };
};

/**
 * A reconciled order's effect on the member's paid membership, inside the reconciler's transaction: the paid tier
 * saved, and the change recorded (bought, renewed, refunded) with the tier held before and after. `member` must be
 * as stored now.
 */
export async function applyMembershipOrder(
  tx: Pick<StoreTransaction, "members" | "tierChanges" | "webhooks">,
  storeId: number,
  member: Member,
  order: Pick<OrderRecord, "orderId" | "counted" | "items" | "placedAt">,
  program: Program,
  now: Date,
): Promise<{ member: Member; change: TierChange | null }> {
  if (program.settings.memberships.length === 0 && !member.tier?.paid) return { member, change: null };
  const { paid, change } = paidTierAfter(member.tier?.paid ?? null, program.settings, order, now, program.timeZone);
  if (!change) return { member, change: null };
  const at = now.toISOString();
  const tier = wakeAtEnd({ ...(member.tier ?? noTiers(at)), paid });
  const saved: Member = { ...member, tier, updatedAt: at };
  await tx.members.update(storeId, saved);
  const recorded = tierChange(member, change, member.tier, tier, program.settings.tiers, now, { orderId: order.orderId, until: paid?.until ?? null });
  await appendTierChange(tx, storeId, recorded, now);
  return { member: saved, change: recorded };
}

/**
 * A pass that has run out, ended in the member's state and recorded (`expired`, from the tier held while it ran);
 * another pass still running takes over. The tier review calls it before reviewing; null when no pass ran out.
 */
export function expireMembership(member: Member, tiers: ProgramSettings["tiers"], now: Date, timeZone: string): { tier: MemberTier; change: TierChange } | null {
  const paid = member.tier?.paid;
  if (!member.tier || !paid || Date.parse(paid.until) > now.getTime()) return null;
  const tier: MemberTier = { ...member.tier, paid: paidTierAt(grantsOf(paid), tiers, now, timeZone) };
  const lastDay = new Date(Date.parse(paid.until) - 1);
  const change = tierChange(member, "expired", member.tier, tier, tiers, lastDay, { membershipId: paid.membershipId, until: paid.until });
  return { tier, change: { ...change, toTierId: heldTier(tiers, tier, now)?.id ?? null, at: now.toISOString() } };
}
