import { customerView } from "./customer-book.js";
import { wrongParameter } from "./ecwid-api-error.js";
import { listParam, type Query } from "./list-query.js";
import type { StoreRecord } from "./emulator-state.js";
import type { EcwidCustomer } from "./wire-types.js";

export type CustomerListItem = EcwidCustomer & { name: string; totalOrderCount: number };

const SORTS: Record<string, (a: CustomerListItem, b: CustomerListItem) => number> = {
  NAME_ASC: (a, b) => a.name.localeCompare(b.name),
  NAME_DESC: (a, b) => b.name.localeCompare(a.name),
  EMAIL_ASC: (a, b) => a.email.localeCompare(b.email),
  EMAIL_DESC: (a, b) => b.email.localeCompare(a.email),
  ORDER_COUNT_ASC: (a, b) => a.totalOrderCount - b.totalOrderCount,
  ORDER_COUNT_DESC: (a, b) => b.totalOrderCount - a.totalOrderCount,
  REGISTERED_DATE_ASC: (a, b) => a.registered.localeCompare(b.registered) || a.id - b.id,
  REGISTERED_DATE_DESC: (a, b) => b.registered.localeCompare(a.registered) || b.id - a.id,
  UPDATED_DATE_ASC: (a, b) => a.updated.localeCompare(b.updated),
  UPDATED_DATE_DESC: (a, b) => b.updated.localeCompare(a.updated),
  SALES_VALUE_ASC: (a, b) => a.stats.salesValue - b.stats.salesValue,
  SALES_VALUE_DESC: (a, b) => b.stats.salesValue - a.stats.salesValue,
};

/** `GET /customers` filters (CONTRACT §4.7); `email` is a substring match unless `useExactEmailMatch=true`. */
export function searchCustomers(store: StoreRecord, query: Query): CustomerListItem[] {
  const email = query.email?.toLowerCase();
  const exactEmail = query.useExactEmailMatch === "true";
  const keyword = (query.keyword ?? query.name)?.toLowerCase();
  const groupIds = (listParam(query, "customerGroupIds") ?? listParam(query, "customerGroup"))?.map(Number);
  const sort = SORTS[query.sortBy ?? "REGISTERED_DATE_DESC"];
  if (!sort) throw wrongParameter(`Wrong parameter 'sortBy' value: ${query.sortBy}`);

  return [...store.customers.values()]
    .map((record): CustomerListItem => {
      const customer = customerView(store, record);
      return { ...customer, name: customer.billingPerson.name ?? "", totalOrderCount: customer.stats.numberOfOrders };
    })
    .filter(
      (c) =>
        (!email || (exactEmail ? c.email.toLowerCase() === email : c.email.toLowerCase().includes(email))) &&
        (!keyword || c.email.toLowerCase().includes(keyword) || c.name.toLowerCase().includes(keyword)) &&
        (!groupIds || groupIds.includes(c.customerGroupId)),
    )
    .sort(sort);
}
