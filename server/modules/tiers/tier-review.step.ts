import type { StoreTransaction } from "../../storage/storage.port.js";
import { newId } from "../../lib/ids.js";
import type { LedgerEntry } from "../ledger/ledger-entry.js";
import type { Member } from "../members/member.js";
import type { ProgramSettings } from "../settings/program-settings.js";
import { heldTier } from "./held-tier.rules.js";
import { expireMembership, wakeAtEnd } from "./membership.step.js";
import { noTiers, type MemberTier } from "./member-tier.js";
import type { TierChange } from "./tier-change.js";
import { reviewTier, type TierReview } from "./tier-review.rules.js";
import { windowStart } from "./tier-window.rules.js";
import { appendTierChange } from "./tier-change-record.js";

export type TierReviewTransaction = Pick<StoreTransaction, "members" | "orders" | "ledger" | "tierChanges" | "webhooks">;

/** What a review needs of the store: the ladder, its rules and the time zone calendar windows are in. */
export interface TierProgram {
  settings: Pick<ProgramSettings, "tiers" | "tierRules">;
  timeZone: string;
}

const PAGE = 500;

/** The member's ledger entries back to the window's start (all for a lifetime window), read newest first a page at a time. */
async function entriesInWindow(tx: Pick<StoreTransaction, "ledger">, storeId: number, memberId: string, since: Date | null): Promise<LedgerEntry[]> {
  const entries: LedgerEntry[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { items } = await tx.ledger.listForMember(storeId, memberId, { limit: PAGE, offset });
    entries.push(...items);
    const last = items.at(-1);
    if (items.length < PAGE || !last || (since !== null && Date.parse(last.createdAt) < since.getTime())) return entries;
  }
}

/** The activity a review of `member` measures, as the program's metric and window ask. */
export async function tierActivity(tx: Pick<StoreTransaction, "orders" | "ledger">, storeId: number, memberId: string, program: TierProgram, now: Date) {
  const { metric, window } = program.settings.tierRules;
  return {
    orders: metric === "spend" ? await tx.orders.listForMember(storeId, memberId) : [],
    entries: metric === "points" ? await entriesInWindow(tx, storeId, memberId, windowStart(window, now, program.timeZone)) : [],
  };
}

/** The change to record of a review: the held tier moved, or the earned tier, held, entered or left its grace. */
function changeOf(storeId: number, member: Member, review: TierReview, before: string | null, after: string | null, program: TierProgram, at: string): TierChange | null {
  const { event } = review;
  if (!event) return null;
  const graceOfHeld = (event.reason === "grace_started" || event.reason === "kept") && after === event.toTierId;
  if (before === after && !graceOfHeld) return null;
  const details = { amount: review.amount, metric: program.settings.tierRules.metric, graceEndsAt: review.earned.graceEndsAt };
  return { id: newId("tch"), storeId, memberId: member.id, fromTierId: before, toTierId: after, reason: event.reason, details, at };
}

/**
 * Reviews `member`'s earned tier inside the caller's transaction (tier-review.rules.ts), saves their new state and
 * appends the change of the tier they hold, if any. `member` must be as stored now. Returns the member saved and the change.
 */
export async function reviewMemberTier(
  tx: TierReviewTransaction,
  storeId: number,
  stored: Member,
  program: TierProgram,
  now: Date,
): Promise<{ member: Member; change: TierChange | null }> {
  const { tiers, tierRules } = program.settings;
  // A paid pass that ran out is ended and recorded first, so the review sees what the member holds now.
  const expired = expireMembership(stored, tiers, now, program.timeZone);
  if (expired) await appendTierChange(tx, storeId, expired.change, now);
  const member = expired ? { ...stored, tier: expired.tier } : stored;
  const activity = await tierActivity(tx, storeId, member.id, program, now);
  const review = reviewTier({ tiers, rules: tierRules, activity, state: member.tier, now, timeZone: program.timeZone });
  const at = now.toISOString();
  const tier: MemberTier = wakeAtEnd({ ...(member.tier ?? noTiers(at)), earned: review.earned });
  const saved: Member = { ...member, tier, updatedAt: at };
  await tx.members.update(storeId, saved);
  const change = changeOf(storeId, member, review, heldTier(tiers, member.tier, now)?.id ?? null, heldTier(tiers, tier, now)?.id ?? null, program, at);
  if (change) await appendTierChange(tx, storeId, change, now);
  return { member: saved, change };
}
