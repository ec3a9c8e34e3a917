import { dateRange, listParam, numberParam, numberRange, type Query } from "./list-query.js";
import type { StoreRecord } from "./emulator-state.js";
import type { EcwidOrder } from "./wire-types.js";

/** `GET /orders` filters (CONTRACT §4.6), newest first. */
export function searchOrders(store: StoreRecord, query: Query): EcwidOrder[] {
  const ids = listParam(query, "ids")?.map((id) => id.toLowerCase());
  const email = query.email?.toLowerCase();
  const customerId = numberParam(query, "customerId");
  const paymentStatuses = listParam(query, "paymentStatus");
  const fulfillmentStatuses = listParam(query, "fulfillmentStatus");
  const couponCode = query.couponCode?.toLowerCase();
  const keywords = query.keywords?.toLowerCase();
  const inTotal = numberRange(query, "total");
  const inCreated = dateRange(query, "created");
  const inUpdated = dateRange(query, "updated");

  return [...store.orders.values()]
    .map((record) => record.order)
    .filter(
      (o) =>
        (!ids || ids.includes(o.id.toLowerCase()) || ids.includes(String(o.internalId))) &&
        (!email || o.email.toLowerCase() === email) &&
        (customerId === undefined || o.customerId === customerId) &&
        (!paymentStatuses || paymentStatuses.includes(o.paymentStatus)) &&
        (!fulfillmentStatuses || fulfillmentStatuses.includes(o.fulfillmentStatus)) &&
        (!couponCode || o.discountCoupon?.code.toLowerCase() === couponCode) &&
        (!keywords || matchesKeywords(o, keywords)) &&
        inTotal(o.total) &&
        inCreated(o.createTimestamp * 1000) &&
        inUpdated(o.updateTimestamp * 1000),
    )
    .sort((a, b) => b.createTimestamp - a.createTimestamp || b.internalId - a.internalId);
}

function matchesKeywords(order: EcwidOrder, keywords: string): boolean {
  const haystack = [order.id, order.email, order.billingPerson.name ?? "", ...order.items.map((i) => `${i.name} ${i.sku}`)];
  return haystack.some((text) => text.toLowerCase().includes(keywords));
}
