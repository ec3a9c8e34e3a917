import type { OrderRecord } from "../orders/order-record.js";
import { addLocalMonths } from "../program/period.rules.js";
import type { MemberTier } from "./member-tier.js";
import type { Membership } from "./tier-schema.js";

type PaidTier = NonNullable<MemberTier["paid"]>;
type Grant = PaidTier["grants"][number];

/** The membership an order buys (the first of the program's whose product it holds) and its months: one period per unit. */
export function membershipBought(memberships: Membership[], order: Pick<OrderRecord, "items">): { membership: Membership; months: number } | null {
  for (const membership of memberships) {
    const units = order.items.reduce((sum, item) => sum + (item.productId === membership.productId ? item.quantity : 0), 0);
    if (units > 0) return { membership, months: membership.months * units };
  }
  return null;
}

/** When grants run out, each starting at its purchase or at the end of the one before, whichever is later. */
export function paidUntil(grants: Grant[], timeZone: string): Date | null {
  let until: Date | null = null;
  for (const grant of [...grants].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.orderId.localeCompare(b.orderId))) {
    const start: Date = until && until.getTime() > Date.parse(grant.at) ? until : new Date(grant.at);
    until = addLocalMonths(start, grant.months, timeZone);
  }
  return until;
}

export type MembershipChange = "bought" | "renewed" | "refunded";

/**
 * The paid tier once an order is reconciled, and why it changed (null: it did not). A counted order buying a
 * membership adds its grant once (by order id): a renewal of a running pass extends it from its end, a pass bought
 * while none runs (or a different one) starts now. An order no longer counted (refunded, cancelled, deleted)
 * takes its grant back; the rest run on without it, and with none left the paid tier ends.
 */
export function paidTierAfter(
  paid: PaidTier | null,
  memberships: Membership[],
  order: Pick<OrderRecord, "orderId" | "counted" | "items" | "placedAt">,
  timeZone: string,
): { paid: PaidTier | null; change: MembershipChange | null } {
  const granted = paid?.grants.some((grant) => grant.orderId === order.orderId) ?? false;
  if (!order.counted) {
    if (!paid || !granted) return { paid, change: null };
    const grants = paid.grants.filter((grant) => grant.orderId !== order.orderId);
    const until = paidUntil(grants, timeZone);
    return { paid: until ? { ...paid, grants, until: until.toISOString() } : null, change: "refunded" };
  }
  const bought = granted ? null : membershipBought(memberships, order);
  if (!bought) return { paid, change: null };
  const grant: Grant = { orderId: order.orderId, months: bought.months, at: order.placedAt };
  const running = paid !== null && paid.membershipId === bought.membership.id && Date.parse(paid.until) > Date.parse(order.placedAt);
  const grants = running ? [...paid.grants, grant] : [grant];
  const until = paidUntil(grants, timeZone)!;
  return {
    paid: { tierId: bought.membership.tierId, membershipId: bought.membership.id, until: until.toISOString(), grants },
    change: running ? "renewed" : "bought",
  };
}
