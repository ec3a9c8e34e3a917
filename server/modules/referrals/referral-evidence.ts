import type { EcwidClient } from "../../ecwid/ecwid-client.js";
import { formatEcwidDate } from "../../ecwid/ecwid-date.js";
import type { EcwidOrder } from "../../ecwid/wire-types.js";
import type { Referral } from "./referral.js";
import { addressKey } from "./referral-identity.rules.js";

/** Orders read per question; a friend or ambassador with more than this is judged on the newest. */
const PAGE = 100;
/** Ecwid's statuses of an order that was paid, whatever happened after (CONTRACT §4.6). */
const PAID_STATUSES = ["PAID", "PARTIALLY_REFUNDED", "REFUNDED"];

/** What Ecwid says about a friend's order and the two people behind it. */
export interface EcwidEvidence {
  /** Where the friend's order ships (keyed hash); null for a pickup or a download. */
  addressKey: string | null;
  /** When the friend's order was placed, by Ecwid. */
  placedAt: string;
  /** The friend's paid orders placed before this one, by email or Ecwid customer. */
  earlierPaidOrders: string[];
  /** Where the ambassador's own orders ship (keyed hashes). */
  ambassadorAddressKeys: string[];
}

type Search = Pick<EcwidClient, "getOrder" | "searchOrders">;
export interface Person {
  email: string | null;
  customerId: number | null;
}

/**
 * Asks Ecwid, outside any transaction: the friend's order (where it ships), the friend's earlier paid orders by
 * email and by customer (Ecwid's books, which may hold orders from before Questline), and the ambassador's orders
 * (where they ship). Null when Ecwid no longer has the friend's order: its reconciliation cancels the referral.
 */
export async function gatherEvidence(
  ecwid: Search,
  storeId: number,
  token: string,
  referral: Referral,
  ambassador: Person,
  secret: string,
  paidStatuses: string[],
): Promise<EcwidEvidence | null> {
  const order = await ecwid.getOrder(storeId, token, referral.orderId);
  if (!order) return null;
  const placed = order.createTimestamp ?? Math.floor(Date.parse(referral.createdAt) / 1000);
  const statuses = [...new Set([...PAID_STATUSES, ...paidStatuses])].join(",");
  const friend = { email: referral.friendEmail ?? order.email ?? null, customerId: referral.friendCustomerId };
  const earlier = (await ordersOf(ecwid, storeId, token, friend, { paymentStatus: statuses, createdTo: formatEcwidDate(new Date(placed * 1000)) })).filter(
    (other) => other.id !== order.id && (other.createTimestamp ?? 0) < placed,
  );
  const own = await ordersOf(ecwid, storeId, token, ambassador, {});
  const keys = own.filter((other) => other.id !== order.id).map((other) => addressKey(other.shippingPerson, secret));
  return {
    addressKey: addressKey(order.shippingPerson, secret),
    placedAt: new Date(placed * 1000).toISOString(),
    earlierPaidOrders: earlier.map((other) => other.id),
    ambassadorAddressKeys: [...new Set(keys.filter((key): key is string => key !== null))],
  };
}

/** A person's orders by email and by Ecwid customer id, newest first, each order once. */
async function ordersOf(ecwid: Search, storeId: number, token: string, person: Person, filters: Record<string, string>): Promise<EcwidOrder[]> {
  const pages = await Promise.all([
    person.email ? ecwid.searchOrders(storeId, token, { ...filters, email: person.email, limit: PAGE }) : null,
    person.customerId ? ecwid.searchOrders(storeId, token, { ...filters, customerId: person.customerId, limit: PAGE }) : null,
  ]);
  const byId = new Map<string, EcwidOrder>();
  for (const page of pages) for (const order of page?.items ?? []) byId.set(order.id, order);
  return [...byId.values()];
}
