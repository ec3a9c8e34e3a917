import type { OrderRecord } from "../orders/order-record.js";
import { addLocalMonths } from "../program/period.rules.js";
import type { MemberTier } from "./member-tier.js";
import type { ProgramSettings } from "../settings/program-settings.js";
import { ladder } from "./ladder.rules.js";
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

type Tier = ProgramSettings["tiers"][number];

/** A grant with its pass and tier (a grant saved before they were kept belongs to the paid tier's own pass). */
export const grantsOf = (paid: PaidTier | null): Required<Grant>[] =>
  (paid?.grants ?? []).map((grant) => ({ ...grant, membershipId: grant.membershipId ?? paid!.membershipId, tierId: grant.tierId ?? paid!.tierId }));

/**
 * The paid tier the grants give at `now`: each pass's grants run one after the other (`paidUntil`); of the passes
 * still running, the one whose tier is highest on the ladder is held (a tier gone from the program ranks lowest), and
 * the grants of every running pass are kept so the next takes over when it ends. None running: null.
 */
export function paidTierAt(grants: Required<Grant>[], tiers: Tier[], now: Date, timeZone: string): PaidTier | null {
  const passes = new Map<string, Required<Grant>[]>();
  for (const grant of grants) passes.set(grant.membershipId, [...(passes.get(grant.membershipId) ?? []), grant]);
  const order = ladder(tiers).map((tier) => tier.id);
  const running = [...passes.values()]
    .map((passGrants) => ({ grants: passGrants, until: paidUntil(passGrants, timeZone)!, tierId: passGrants.at(-1)!.tierId, membershipId: passGrants[0]!.membershipId }))
    .filter((pass) => pass.until.getTime() > now.getTime())
    .sort((a, b) => order.indexOf(b.tierId) - order.indexOf(a.tierId) || b.until.getTime() - a.until.getTime());
  const best = running[0];
  if (!best) return null;
  return { tierId: best.tierId, membershipId: best.membershipId, until: best.until.toISOString(), grants: running.flatMap((pass) => pass.grants) };
}

/**
 * The paid tier once an order is reconciled at `now`, and why it changed (null: it did not). A counted order buying a
 * membership adds its grant once (by order id): a renewal of a running pass extends it from its end, a pass bought
 * while it does not run starts at its purchase, beside any other pass still running. An order no longer counted
 * (refunded, cancelled, deleted) takes its grant back; the rest run on without it, and with none left the paid tier ends.
 */
export function paidTierAfter(
  paid: PaidTier | null,
  program: { memberships: Membership[]; tiers: Tier[] },
  order: Pick<OrderRecord, "orderId" | "counted" | "items" | "placedAt">,
  now: Date,
  timeZone: string,
): { paid: PaidTier | null; change: MembershipChange | null } {
  const grants = grantsOf(paid);
  const granted = grants.some((grant) => grant.orderId === order.orderId);
  if (!order.counted) {
    if (!granted) return { paid, change: null };
    return {
      paid: paidTierAt(
        grants.filter((grant) => grant.orderId !== order.orderId),
        program.tiers,
        now,
        timeZone,
      ),
      change: "refunded",
    };
  }
  const bought = granted ? null : membershipBought(program.memberships, order);
  if (!bought) return { paid, change: null };
  const { membership } = bought;
  const passGrants = grants.filter((grant) => grant.membershipId === membership.id);
  const running = passGrants.length > 0 && paidUntil(passGrants, timeZone)!.getTime() > Date.parse(order.placedAt);
  // A lapsed pass's grants are done with: the new purchase starts it again.
  const kept = running ? grants : grants.filter((grant) => grant.membershipId !== membership.id);
  const grant = { orderId: order.orderId, months: bought.months, at: order.placedAt, membershipId: membership.id, tierId: membership.tierId };
  return { paid: paidTierAt([...kept, grant], program.tiers, now, timeZone), change: running ? "renewed" : "bought" };
}
