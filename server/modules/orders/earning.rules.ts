import type { OrderBasis } from "../ledger/ledger-basis.js";
import type { LedgerEntry } from "../ledger/ledger-entry.js";
import type { EarningRule } from "../settings/program-settings.js";
import { eligibleAmountMinor } from "./eligible-amount.rules.js";
import type { OrderFacts } from "./order-facts.js";

/** Whether the order's payment status earns under the rule. A partly refunded order was paid. */
export function statusCounts(paymentStatus: string, rule: EarningRule): boolean {
  if (rule.countedStatuses.includes(paymentStatus)) return true;
  return paymentStatus === "PARTIALLY_REFUNDED" && rule.countedStatuses.includes("PAID");
}

/** What an order in its current state deserves: points on the amount kept, rounded down; nothing below the minimum. */
export function pointsDeserved(facts: OrderFacts, rule: EarningRule): { points: number; keptMinor: number } {
  if (!statusCounts(facts.paymentStatus, rule)) return { points: 0, keptMinor: 0 };
  const keptMinor = eligibleAmountMinor(facts);
  if (keptMinor === 0 || keptMinor < rule.minOrderMinor) return { points: 0, keptMinor };
  return { points: Math.floor((keptMinor * rule.points) / rule.perAmountMinor), keptMinor };
}

export interface LedgerCorrection {
  delta: number;
  kind: "earn_order" | "reverse";
  idempotencyKey: string;
  basis: OrderBasis;
  note: string;
}

/**
 * The entry that brings an order's ledger lines to what the order deserves now, or null when they already do.
 * The rule in force when the order first earned is reused, so a refund takes back exactly what was given
 * even after the merchant changed the rate. `facts` is null when Ecwid no longer has the order.
 */
export function reconcileOrder(input: { orderId: string; facts: OrderFacts | null; currentRule: EarningRule; entries: LedgerEntry[] }): LedgerCorrection | null {
  const { orderId, facts, entries } = input;
  const firstEarn = entries.find((entry) => entry.kind === "earn_order");
  const rule = (firstEarn?.basis?.rule as EarningRule | undefined) ?? input.currentRule;
  const { points: target, keptMinor } = facts ? pointsDeserved(facts, rule) : { points: 0, keptMinor: 0 };
  const granted = entries.reduce((sum, entry) => sum + entry.delta, 0);
  const delta = target - granted;
  if (delta === 0) return null;

  const state = facts ? facts.paymentStatus : "DELETED";
  return {
    delta,
    kind: delta > 0 ? "earn_order" : "reverse",
    idempotencyKey: entries.length === 0 ? `order:${orderId}:earn` : `order:${orderId}:step:${entries.length}`,
    basis: { rule, paymentStatus: state, eligibleMinor: facts?.eligibleMinor ?? 0, refundedMinor: facts?.refundedMinor ?? 0, keptMinor, deserved: target, grantedBefore: granted },
    note: delta > 0 ? `Order ${orderId} (${state})` : `Order ${orderId} ${state.toLowerCase().replace(/_/g, " ")}: points taken back`,
  };
}
