import { z } from "zod";
import type { StoreTransaction } from "../../storage/storage.port.js";
import { periodKey } from "../program/period.rules.js";
import { tierSchema } from "../settings/program-settings.js";
import type { Member } from "../members/member.js";
import { ladder } from "./held-tier.rules.js";
import { keepAmount, reachedTier } from "./tier-review.rules.js";
import { tierActivity, type TierProgram } from "./tier-review.step.js";
import { localDaysAfter, measure } from "./tier-window.rules.js";
import { tierRulesSchema } from "./tier-schema.js";

/** `POST /api/admin/program/tiers/preview`: a proposed ladder and its rules, as the program would save them. */
export const tierProposalSchema = z.strictObject({ tiers: z.array(tierSchema).max(10), tierRules: tierRulesSchema });
export type TierProposal = z.infer<typeof tierProposalSchema>;

/** How many members move one way, grouped by the local date it happens (null: at their next counted order, nothing being scheduled). */
export interface TierMoves {
  count: number;
  when: { date: string | null; count: number }[];
}

export interface TierPreview {
  members: number;
  up: TierMoves;
  down: TierMoves;
}

/**
 * Where one member would go under the proposal (tier-review.rules.ts): up at their next review when the amount now
 * reaches a higher tier; down when at their next scheduled review the amount misses the keep amount, the tier going
 * then (no grace) or when the grace that review starts ends. Nothing moves for a member with nothing scheduled but an order.
 */
export async function previewMember(
  tx: Pick<StoreTransaction, "orders" | "ledger">,
  storeId: number,
  member: Member,
  program: TierProgram,
  now: Date,
): Promise<{ move: "up" | "down"; date: string | null } | null> {
  const { tiers, tierRules } = program.settings;
  const order = ladder(tiers);
  const current = tiers.find((tier) => tier.id === member.tier?.earned.tierId && !tier.inviteOnly) ?? null;
  const scheduled = member.tier?.earned.reviewAt ? new Date(Math.max(Date.parse(member.tier.earned.reviewAt), now.getTime())) : null;
  const activity = await tierActivity(tx, storeId, member.id, program, now);
  const reached = reachedTier(tiers, measure(tierRules, activity, now, program.timeZone).amount);
  if (reached && (!current || order.indexOf(reached) > order.indexOf(current))) return { move: "up", date: scheduled && periodKey("day", scheduled, program.timeZone) };
  if (!current || !scheduled) return null;
  if (measure(tierRules, activity, scheduled, program.timeZone).amount >= keepAmount(current)) return null;
  const goes = tierRules.graceDays === 0 ? scheduled : localDaysAfter(scheduled, tierRules.graceDays, program.timeZone);
  return { move: "down", date: periodKey("day", goes, program.timeZone) };
}

/** Counts the moves member by member, holding only a count per direction and date. */
export class TierMoveTally {
  private members = 0;
  private readonly dates = { up: new Map<string | null, number>(), down: new Map<string | null, number>() };

  add(move: { move: "up" | "down"; date: string | null } | null): void {
    this.members++;
    if (move) this.dates[move.move].set(move.date, (this.dates[move.move].get(move.date) ?? 0) + 1);
  }

  preview(): TierPreview {
    const of = (dates: Map<string | null, number>): TierMoves => {
      const when = [...dates].map(([date, count]) => ({ date, count })).sort((a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999"));
      return { count: when.reduce((sum, item) => sum + item.count, 0), when };
    };
    return { members: this.members, up: of(this.dates.up), down: of(this.dates.down) };
  }
}
