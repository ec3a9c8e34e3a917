import type { Member } from "../members/member.js";
import { heldTier } from "../tiers/held-tier.rules.js";
import type { ProgramSettings } from "../settings/program-settings.js";
import { decimalOf, textCell } from "./csv-cell.rules.js";

/** The header of members.csv, named so an import can read the file back by column name. */
export const MEMBER_COLUMNS = [
  "member_id",
  "email",
  "customer_id",
  "balance_points",
  "tier",
  "lifetime_spend",
  "lifetime_spend_minor",
  "currency",
  "paid_orders",
  "first_order_at",
  "last_order_at",
  "created_at",
  "language",
  "unsubscribed_at",
] as const;

export type MemberRow = Record<(typeof MEMBER_COLUMNS)[number], string | number>;

export interface MemberRowContext {
  tiers: ProgramSettings["tiers"];
  currency: string;
  currencyPrecision: number;
  now: Date;
}

/** One member as a row: the tier held now by name, lifetime spend both as the currency's decimal and in minor units. */
export function memberRow(member: Member, context: MemberRowContext): MemberRow {
  const { stats } = member;
  return {
    member_id: textCell(member.id),
    email: textCell(member.email),
    customer_id: member.customerId ?? "",
    balance_points: member.balance,
    tier: textCell(heldTier(context.tiers, member.tier, context.now)?.name ?? null),
    lifetime_spend: decimalOf(stats.lifetimeSpendMinor, context.currencyPrecision),
    lifetime_spend_minor: stats.lifetimeSpendMinor,
    currency: textCell(context.currency),
    paid_orders: stats.paidOrders,
    first_order_at: stats.firstOrderAt ?? "",
    last_order_at: stats.lastOrderAt ?? "",
    created_at: member.createdAt,
    language: member.lang ?? "",
    unsubscribed_at: member.unsubscribedAt ?? "",
  };
}
