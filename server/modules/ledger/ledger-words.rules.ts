import type { LedgerEntry } from "./ledger-entry.js";
import { adjustBasisSchema, importBasisSchema, orderBasisSchema, taskBasisSchema, tierBirthdayBasisSchema, type OrderBasis } from "./ledger-basis.js";

/** Minor units of the store's currency as people read them, e.g. 4250 → "$42.50". */
export type MoneyWords = (minor: number) => string;

const ELIGIBLE = "after discounts, without shipping and tax";
const points = (n: number) => `${n} point${Math.abs(n) === 1 ? "" : "s"}`;
const statusWords = (status: string) => status.toLowerCase().replace(/_/g, " ");

function orderWords(entry: LedgerEntry, basis: OrderBasis, money: MoneyWords): string {
  const { rule, keptMinor, eligibleMinor, refundedMinor } = basis;
  const multiplied = basis.multiplierPercent !== undefined && basis.multiplierPercent !== 100 ? ` at ${basis.multiplierPercent}% for the member's tier` : "";
  const rate = `${points(rule.points)} per ${money(rule.perAmountMinor)}${multiplied}`;
  const kept = refundedMinor > 0 ? `${money(keptMinor)} kept of ${money(eligibleMinor)} eligible after ${money(refundedMinor)} refunded` : `${money(keptMinor)} eligible`;
  const underMinimum = basis.deserved === 0 && keptMinor > 0 && keptMinor < rule.minOrderMinor ? `, under the minimum of ${money(rule.minOrderMinor)}` : "";
  const shortfall = basis.shortfall ? `; ${points(basis.shortfall)} more than the balance held (shortfall)` : "";
  if (entry.delta > 0) return `${rate} on ${kept} (${ELIGIBLE})${underMinimum}`;
  const taken = `took back ${points(-entry.delta)}`;
  const left = keptMinor > 0 ? `; ${kept}, earning ${rate}${underMinimum}` : "";
  if (basis.paymentStatus === "DELETED") return `Order deleted in Ecwid: ${taken}${shortfall}`;
  if (refundedMinor > 0 && basis.paymentStatus.includes("REFUNDED")) return `Refund of ${money(refundedMinor)} ${taken}${left}${shortfall}`;
  return `Order ${statusWords(basis.paymentStatus)}: ${taken}${left}${shortfall}`;
}

/**
 * An entry's basis in words for the merchant, computed from its typed basis: the eligible amount, the
 * refunded share, the kept amount and the rule applied. An entry whose basis does not read as its kind's
 * (older entries, kinds without one) is explained by its note.
 */
export function explainEntry(entry: LedgerEntry, money: MoneyWords): string {
  if (entry.source.type === "order") {
    const basis = orderBasisSchema.safeParse(entry.basis);
    if (basis.success) return orderWords(entry, basis.data, money);
  }
  if (entry.source.type === "task") {
    const basis = taskBasisSchema.safeParse(entry.basis);
    if (basis.success) {
      const { goal, countFrom, title, periodKey } = basis.data;
      const target =
        goal.kind === "orders"
          ? `${goal.target} paid order${goal.target === 1 ? "" : "s"}`
          : goal.kind === "spend"
            ? `${money(goal.target)} spent (${ELIGIBLE})`
            : `${goal.kind.replace("_", " ")} ${goal.target}`;
      const period = periodKey && periodKey !== "once" ? ` (${periodKey})` : "";
      if (entry.kind === "reverse") return `Challenge '${title}' taken back${period}: the orders no longer reach ${target}`;
      return `Challenge '${title}' completed${period}: ${target}${countFrom ? ` counted from ${countFrom.slice(0, 10)}` : ""}`;
    }
  }
  if (entry.source.type === "tier") {
    const basis = tierBirthdayBasisSchema.safeParse(entry.basis);
    if (basis.success) return `Birthday points of the ${basis.data.tierName} tier (${basis.data.year}): ${points(basis.data.points)}`;
  }
  if (entry.source.type === "import") {
    const basis = importBasisSchema.safeParse(entry.basis);
    if (basis.success) return `Starting balance of ${points(basis.data.startingBalance)} imported from a CSV file by ${entry.actor}`;
  }
  if (entry.kind === "adjust") {
    const basis = adjustBasisSchema.safeParse(entry.basis);
    const shown = basis.success && basis.data.visibleToShopper ? "shown to the shopper" : "not shown to the shopper";
    return `Adjusted by ${entry.actor}: ${entry.note} (${shown})`;
  }
  return entry.note;
}

/** What a shopper may read of an entry beyond its kind: an adjustment's reason, when the merchant chose to show it. */
export function shopperNote(entry: LedgerEntry): string | null {
  if (entry.kind !== "adjust") return null;
  const basis = adjustBasisSchema.safeParse(entry.basis);
  return basis.success && basis.data.visibleToShopper ? entry.note : null;
}
