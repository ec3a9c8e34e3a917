import type { OrderRecord } from "../orders/order-record.js";
import { emptyStats, type MemberStats } from "./member.js";

/** Stats are recomputed from the member's order records, so any order of events gives the same figures. */
export function statsFromOrders(records: OrderRecord[]): MemberStats {
  const counted = records.filter((record) => record.counted);
  if (counted.length === 0) return emptyStats();
  const dates = counted.map((record) => record.placedAt).sort();
  return {
    paidOrders: counted.length,
    lifetimeSpendMinor: counted.reduce((sum, record) => sum + record.eligibleMinor, 0),
    firstOrderAt: dates[0] ?? null,
    lastOrderAt: dates[dates.length - 1] ?? null,
  };
}
