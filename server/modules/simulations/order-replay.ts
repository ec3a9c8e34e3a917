import type { Clock } from "../../lib/clock.js";
import type { LedgerEntry } from "../ledger/ledger-entry.js";
import { findOrCreateMember } from "../members/member.service.js";
import { pointsDeserved } from "../orders/earning.rules.js";
import type { OrderRecord } from "../orders/order-record.js";
import { periodKey } from "../program/period.rules.js";
import type { ProgramSettings } from "../settings/program-settings.js";
import { heldTier } from "../tiers/held-tier.rules.js";
import { noTiers, type MemberTier } from "../tiers/member-tier.js";
import { reviewTier } from "../tiers/tier-review.rules.js";
import type { SnapshotOrder } from "./order-snapshot.js";
import { SimulatedMembers } from "./simulated-members.js";

/** What a program issues on a run of orders: its points, the members and orders that earned any. */
export interface IssuedPoints {
  points: number;
  members: number;
  orders: number;
}

/** The parts of a program that decide what an order earns. */
export type EarningProgram = Pick<ProgramSettings, "earning" | "tiers" | "tierRules">;

/** One simulated member's history: their tier state and what their tier is measured on. */
interface Standing {
  tier: MemberTier | null;
  /** What the tier is measured on, one item per local day (`onDay`). */
  orders: Day<Pick<OrderRecord, "counted" | "eligibleMinor" | "placedAt">>;
  entries: Day<Pick<LedgerEntry, "kind" | "delta" | "createdAt">>;
  points: number;
}

/** Items of a member's history, and the local day of the last. */
interface Day<T> {
  items: T[];
  day: string | null;
}

/** Scheduled reviews caught up before one order, at most (each moves `reviewAt` forward). */
const MAX_REVIEWS = 24;

/**
 * Adds an item on `day`, or its amount to that day's item: a tier window begins at a local midnight and its next drop
 * is measured from its oldest item's local day, so a day's items count together (tier-window.rules.ts), and a
 * frequent shopper's review reads one item a day instead of every order.
 */
function onDay<T>(history: Day<T>, day: string, item: T, add: (kept: T) => void): void {
  const kept = history.items.at(-1);
  if (kept !== undefined && history.day === day) return add(kept);
  history.items.push(item);
  history.day = day;
}

/**
 * Replays `orders` (oldest first) through the rules webhooks apply, as if the program had started before the first:
 * each member is found as `findOrCreateMember` finds them, an order earns `pointsDeserved` at the multiplier of the
 * tier held when it was placed, and the member's tier is then reviewed as the reconciler reviews it (scheduled
 * reviews that fell due before an order run first, at their time; a program without tiers has nothing to review).
 * Challenges, referrals, birthdays and paid memberships are not replayed. `turn` is awaited after every order.
 */
export async function replayOrders(orders: SnapshotOrder[], program: EarningProgram, timeZone: string, turn: () => Promise<void>): Promise<IssuedPoints> {
  const members = new SimulatedMembers();
  const standings = new Map<string, Standing>();
  const tiered = program.tiers.length > 0;
  let at = new Date(0);
  const clock: Clock = { now: () => at };
  const review = (standing: Standing, now: Date) => {
    const activity = { orders: standing.orders.items, entries: standing.entries.items };
    const { earned } = reviewTier({ tiers: program.tiers, rules: program.tierRules, activity, state: standing.tier, now, timeZone });
    standing.tier = { ...(standing.tier ?? noTiers(now.toISOString())), earned };
  };
  let earningOrders = 0;
  for (const order of orders) {
    at = new Date(order.placedAt);
    const member = await findOrCreateMember({ members }, 0, order, clock);
    const standing = standings.get(member.id) ?? { tier: null, orders: { items: [], day: null }, entries: { items: [], day: null }, points: 0 };
    standings.set(member.id, standing);
    for (let due = 0; due < MAX_REVIEWS && standing.tier?.earned.reviewAt && Date.parse(standing.tier.earned.reviewAt) <= at.getTime(); due++)
      review(standing, new Date(standing.tier.earned.reviewAt));
    const tier = heldTier(program.tiers, standing.tier, at);
    const { points } = pointsDeserved(order, program.earning, tier?.multiplierPercent ?? 100);
    if (points > 0) {
      standing.points += points;
      earningOrders++;
    }
    if (tiered) {
      const day = periodKey("day", at, timeZone);
      // An order that keeps nothing counts for no tier.
      const { keptMinor } = pointsDeserved(order, program.earning);
      if (keptMinor > 0) onDay(standing.orders, day, { counted: true, eligibleMinor: keptMinor, placedAt: order.placedAt }, (kept) => (kept.eligibleMinor += keptMinor));
      if (points > 0) onDay(standing.entries, day, { kind: "earn_order", delta: points, createdAt: order.placedAt }, (kept) => (kept.delta += points));
      review(standing, at);
    }
    await turn();
  }
  const earners = [...standings.values()].filter((standing) => standing.points > 0);
  return { points: earners.reduce((sum, standing) => sum + standing.points, 0), members: earners.length, orders: earningOrders };
}

/** What the ledger recorded for the same orders (as of the fetch). */
export function recordedPoints(orders: SnapshotOrder[]): IssuedPoints {
  const byMember = new Map<string, number>();
  let points = 0;
  let earning = 0;
  for (const { recorded } of orders) {
    points += recorded.points;
    if (recorded.points > 0) earning++;
    if (recorded.memberId !== null) byMember.set(recorded.memberId, (byMember.get(recorded.memberId) ?? 0) + recorded.points);
  }
  return { points, members: [...byMember.values()].filter((sum) => sum > 0).length, orders: earning };
}
