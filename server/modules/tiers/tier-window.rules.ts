import type { LedgerEntry, LedgerKind } from "../ledger/ledger-entry.js";
import type { OrderRecord } from "../orders/order-record.js";
import { addLocalMonths, localDate, nextPeriodStart, startOfLocalDay } from "../program/period.rules.js";
import type { TierRules } from "./tier-schema.js";

/** Spending points, giving them back and their expiry are not earning: everything else (orders, tasks, referrals, adjustments, reversals) counts. */
const NOT_EARNING: ReadonlySet<LedgerKind> = new Set(["redeem", "redeem_refund", "expire"]);

/** What a member's tier is measured on: their counted orders' eligible amounts (spend) or the points they earned (points). */
export interface TierActivity {
  orders: Pick<OrderRecord, "counted" | "eligibleMinor" | "placedAt">[];
  /** Only read for the metric "points". */
  entries: Pick<LedgerEntry, "kind" | "delta" | "createdAt">[];
}

interface Dated {
  amount: number;
  at: number;
}

/** The instant the window measured at `now` starts (null: lifetime): 1 January local, or local midnight of the same day a year ago. */
export function windowStart(window: TierRules["window"], now: Date, timeZone: string): Date | null {
  if (window === "lifetime") return null;
  if (window === "calendar_year") return startOfLocalDay(localDate(now, timeZone).year, 1, 1, timeZone);
  return addLocalMonths(now, -12, timeZone);
}

function items(rules: TierRules, activity: TierActivity): Dated[] {
  if (rules.metric === "spend") return activity.orders.filter((order) => order.counted).map((order) => ({ amount: order.eligibleMinor, at: Date.parse(order.placedAt) }));
  return activity.entries.filter((entry) => !NOT_EARNING.has(entry.kind)).map((entry) => ({ amount: entry.delta, at: Date.parse(entry.createdAt) }));
}

/** The amount in the window at `now` (never below 0), and the instant the window next loses one of the items it holds (null: never). */
export function measure(rules: TierRules, activity: TierActivity, now: Date, timeZone: string): { amount: number; nextDrop: Date | null } {
  const start = windowStart(rules.window, now, timeZone)?.getTime() ?? -Infinity;
  const inWindow = items(rules, activity).filter((item) => item.at >= start && item.at <= now.getTime());
  const amount = Math.max(
    0,
    inWindow.reduce((sum, item) => sum + item.amount, 0),
  );
  if (rules.window === "lifetime" || inWindow.length === 0) return { amount, nextDrop: null };
  if (rules.window === "calendar_year") return { amount, nextDrop: startOfLocalDay(localDate(now, timeZone).year + 1, 1, 1, timeZone) };
  const oldest = Math.min(...inWindow.map((item) => item.at));
  // Held while the window's start (the same local day a year before) is not past its day: it leaves the day after.
  return { amount, nextDrop: nextPeriodStart("day", addLocalMonths(new Date(oldest), 12, timeZone), timeZone) };
}

/** Local midnight `days` after the local day holding `instant`. */
export function localDaysAfter(instant: Date, days: number, timeZone: string): Date {
  const { year, month, day } = localDate(instant, timeZone);
  const target = new Date(Date.UTC(year, month - 1, day + days));
  return startOfLocalDay(target.getUTCFullYear(), target.getUTCMonth() + 1, target.getUTCDate(), timeZone);
}
