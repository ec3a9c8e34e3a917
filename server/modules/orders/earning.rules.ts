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

/**
 * What an order in its current state deserves: the rule's points on the amount kept, rounded down, then times the
 * tier's `multiplierPercent`, rounded down again (so 200% is exactly twice the rule's whole points); nothing below
 * the minimum.
 */
export function pointsDeserved(
  facts: Pick<OrderFacts, "paymentStatus" | "eligibleMinor" | "totalMinor" | "refundedMinor">,
  rule: EarningRule,
  multiplierPercent = 100,
): { points: number; keptMinor: number } {
  if (!statusCounts(facts.paymentStatus, rule)) return { points: 0, keptMinor: 0 };
  const keptMinor = eligibleAmountMinor(facts);
  if (keptMinor === 0 || keptMinor < rule.minOrderMinor) return { points: 0, keptMinor };
  const base = Math.floor((keptMinor * rule.points) / rule.perAmountMinor);
  return { points: Math.floor((base * multiplierPercent) / 100), keptMinor };
}

/** The tier whose multiplier an order earns at: the one the member held when it was paid; null: none (100%). */
export type EarningTier = { id: string; multiplierPercent: number } | null;

export interface LedgerCorrection {
  delta: number;
  kind: "earn_order" | "reverse";
  idempotencyKey: string;
  basis: OrderBasis;
  note: string;
}

/**
 * The rule and multiplier an order earns at: those frozen in its first earn entry (an entry from before tiers
 * multiplied reads as 100%), else the current rule and the tier the member holds now.
 */
function frozenTerms(entries: LedgerEntry[], currentRule: EarningRule, currentTier: EarningTier) {
  const firstEarn = entries.find((entry) => entry.kind === "earn_order");
  if (!firstEarn) return { rule: currentRule, multiplierPercent: currentTier?.multiplierPercent ?? 100, tierId: currentTier?.id ?? null };
  const basis = firstEarn.basis ?? {};
  const multiplierPercent = typeof basis.multiplierPercent === "number" ? basis.multiplierPercent : 100;
  return { rule: (basis.rule as EarningRule | undefined) ?? currentRule, multiplierPercent, tierId: typeof basis.tierId === "string" ? basis.tierId : null };
}

/**
 * The entry that brings an order's ledger lines to what the order deserves now, or null when they already do.
 * The rule and tier multiplier in force when the order first earned are reused, so a refund takes back exactly
 * what was given even after the merchant changed the rate or the member changed tier. `facts` is null when Ecwid
 * no longer has the order.
 */
export function reconcileOrder(input: {
  orderId: string;
  facts: OrderFacts | null;
  currentRule: EarningRule;
  currentTier?: EarningTier;
  entries: LedgerEntry[];
}): LedgerCorrection | null {
  const { orderId, facts, entries } = input;
  const { rule, multiplierPercent, tierId } = frozenTerms(entries, input.currentRule, input.currentTier ?? null);
  const { points: target, keptMinor } = facts ? pointsDeserved(facts, rule, multiplierPercent) : { points: 0, keptMinor: 0 };
  const granted = entries.reduce((sum, entry) => sum + entry.delta, 0);
  const delta = target - granted;
  if (delta === 0) return null;

  const state = facts ? facts.paymentStatus : "DELETED";
  return {
    delta,
    kind: delta > 0 ? "earn_order" : "reverse",
    idempotencyKey: entries.length === 0 ? `order:${orderId}:earn` : `order:${orderId}:step:${entries.length}`,
    basis: {
      rule,
      multiplierPercent,
      tierId,
      paymentStatus: state,
      eligibleMinor: facts?.eligibleMinor ?? 0,
      refundedMinor: facts?.refundedMinor ?? 0,
      keptMinor,
      deserved: target,
      grantedBefore: granted,
    },
    note: delta > 0 ? `Order ${orderId} (${state})` : `Order ${orderId} ${state.toLowerCase().replace(/_/g, " ")}: points taken back`,
  };
}
