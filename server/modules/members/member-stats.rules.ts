import type { OrderRecord } from "../orders/order-record.js";
import { emptyStats, type MemberStats } from "./member.js";

/**
 * Stats are recomputed from the member's order records, so any order of events gives the same figures.
 * With `countFrom` (an ISO instant), only orders placed at or after it count.
 */
export function statsFromOrders(records: OrderRecord[], countFrom?: string | null): MemberStats {
  const since = countFrom ? Date.parse(countFrom) : Number.NEGATIVE_INFINITY;
  const counted = records.filter((record) => record.counted && Date.parse(record.placedAt) >= since);
  if (counted.length === 0) return emptyStats();
  const dates = counted.map((record) => record.placedAt).sort();
  return {
    paidOrders: counted.length,
    lifetimeSpendMinor: counted.reduce((sum, record) => sum + record.eligibleMinor, 0),
    firstOrderAt: dates[0] ?? null,
    lastOrderAt: dates[dates.length - 1] ?? null,
  };
}
