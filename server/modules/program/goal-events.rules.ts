import type { OrderItem, OrderRecord } from "../orders/order-record.js";
import type { Goal } from "./challenge-schema.js";
import { periodKey, previousPeriodKey } from "./period.rules.js";
import type { TaskCompletion } from "./task-completion.js";

/** One thing in the member's history a goal counts: when, and how much (an order, an amount, units bought, a task done). */
export interface GoalEvent {
  at: number;
  units: number;
}

/** The member's ambassador side as the referral kinds count it. */
export interface ReferralHistory {
  /** When someone first opened the member's referral link. */
  firstVisitAt: string | null;
  /** When each of their referrals was paid (reversed ones are gone). */
  paidAt: string[];
}

/** Products or categories a goal or an audience names. */
export interface CatalogPick {
  productIds: number[];
  categoryIds: number[];
}

/** An item matches by its product, or by the category it was bought from (the order's `items[].categoryId`). */
const itemMatches = (item: OrderItem, pick: CatalogPick) => pick.productIds.includes(item.productId) || (item.categoryId !== 0 && pick.categoryIds.includes(item.categoryId));

export const orderHolds = (order: OrderRecord, pick: CatalogPick): boolean => order.items.some((item) => itemMatches(item, pick));

const unitsOf = (order: OrderRecord, pick: CatalogPick) => order.items.reduce((sum, item) => sum + (itemMatches(item, pick) ? item.quantity : 0), 0);

const byTime = (a: GoalEvent, b: GoalEvent) => a.at - b.at;

/**
 * What a goal counts in the member's history, oldest first. Orders count only while counted (paid, not fully
 * refunded, not deleted), so a refund takes its order, amount and units out again; shopper tasks count when done
 * or approved. A first order is the member's earliest counted order, whenever it was placed. Referral kinds count the
 * first visit of the member's link, and each referral paid.
 */
export function goalEvents(goal: Goal, history: { orders: OrderRecord[]; completions: TaskCompletion[]; referrals: ReferralHistory }, challengeId: string): GoalEvent[] {
  const counted = history.orders.filter((order) => order.counted);
  const event = (order: OrderRecord, units: number): GoalEvent => ({ at: Date.parse(order.placedAt), units });
  switch (goal.kind) {
    case "orders":
    case "streak":
      return counted.map((order) => event(order, 1)).sort(byTime);
    case "spend":
      return counted
        .map((order) => event(order, order.eligibleMinor))
        .filter((e) => e.units > 0)
        .sort(byTime);
    case "product":
      return counted
        .filter((order) => orderHolds(order, goal))
        .map((order) => event(order, 1))
        .sort(byTime);
    case "stamps":
      return counted
        .map((order) => event(order, unitsOf(order, goal)))
        .filter((e) => e.units > 0)
        .sort(byTime);
    case "first_order":
      return counted
        .map((order) => event(order, 1))
        .sort(byTime)
        .slice(0, 1);
    case "share_link":
      return history.referrals.firstVisitAt ? [{ at: Date.parse(history.referrals.firstVisitAt), units: 1 }] : [];
    case "referrals":
      return history.referrals.paidAt.map((at) => ({ at: Date.parse(at), units: 1 })).sort(byTime);
    default:
      return history.completions
        .filter((completion) => completion.challengeId === challengeId && (completion.status === "done" || completion.status === "approved"))
        .map((completion) => ({ at: Date.parse(completion.completedAt), units: 1 }))
        .sort(byTime);
  }
}

/** How many times events complete a goal in a row, each time restarting from zero, and how far the next one is. */
export interface Tally {
  completions: number;
  progress: number;
}

/**
 * Events counted toward level after level (`targetOf(1)`, `targetOf(2)`…) up to `cap` completions. A sum carries
 * what goes beyond a level into the next (12 stamps on a card of 10 leave 2); a streak counts consecutive calendar
 * periods with an event, and its current run counts only while it ends in this period or the one before.
 */
export function tally(goal: Goal, events: GoalEvent[], targetOf: (level: number) => number, cap: number, now: Date, timeZone: string): Tally {
  if (goal.kind === "streak") return streakTally(goal.period, events, targetOf, cap, now, timeZone);
  let completions = 0;
  let progress = 0;
  for (const { units } of events) {
    progress += units;
    while (completions < cap && progress >= targetOf(completions + 1)) progress -= targetOf(++completions);
    if (completions >= cap) return { completions, progress: 0 };
  }
  return { completions, progress };
}

function streakTally(period: "week" | "month", events: GoalEvent[], targetOf: (level: number) => number, cap: number, now: Date, timeZone: string): Tally {
  const keys = [...new Set(events.map((event) => periodKey(period, new Date(event.at), timeZone)))].sort();
  let completions = 0;
  let run = 0;
  let last: string | null = null;
  for (const key of keys) {
    run = last !== null && previousPeriodKey(period, key) === last ? run + 1 : 1;
    last = key;
    if (run >= targetOf(completions + 1)) {
      completions++;
      run = 0;
      if (completions >= cap) return { completions, progress: 0 };
    }
  }
  const current = periodKey(period, now, timeZone);
  const alive = last === current || last === previousPeriodKey(period, current);
  return { completions, progress: alive ? run : 0 };
}
