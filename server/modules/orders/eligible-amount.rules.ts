import type { OrderFacts } from "./order-facts.js";

/**
 * The one meaning of spend: the amount an order earns on and counts toward tiers, spend challenges and
 * badges. After discounts and refunds, without shipping and tax. A refund is of the whole order (shipping
 * and tax too), so it takes its share of the eligible amount: refunding only the shipping leaves most of
 * the merchandise counting.
 */
export function eligibleAmountMinor(facts: Pick<OrderFacts, "eligibleMinor" | "totalMinor" | "refundedMinor">): number {
  if (facts.refundedMinor <= 0) return facts.eligibleMinor;
  if (facts.totalMinor <= 0) return 0;
  const keptTotal = Math.max(0, facts.totalMinor - facts.refundedMinor);
  return Math.floor((facts.eligibleMinor * keptTotal) / facts.totalMinor);
}
