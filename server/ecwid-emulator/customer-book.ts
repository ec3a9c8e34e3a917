import type { CustomerGroupInit, CustomerInit } from "./api-types.js";
import { EcwidApiError, wrongParameter } from "./ecwid-api-error.js";
import { formatEcwidDate, toDate } from "./ecwid-date.js";
import type { CustomerRecord, EmulatorState, StoreRecord } from "./emulator-state.js";
import { roundMoney } from "./money.js";
import type { EcwidCustomer, EcwidCustomerGroup, EcwidPerson } from "./wire-types.js";

export interface CustomerPatch {
  email?: string;
  billingPerson?: EcwidPerson;
  customerGroupId?: number;
  acceptMarketing?: boolean;
  lang?: string;
  privateAdminNotes?: string;
  taxId?: string;
  taxExempt?: boolean;
  b2b_b2c?: "b2c" | "b2b";
  shippingAddresses?: unknown[];
  contacts?: unknown[];
  externalReferenceId?: string;
}

export function findCustomerByEmail(store: StoreRecord, email: string): CustomerRecord | undefined {
  const wanted = email.toLowerCase();
  return [...store.customers.values()].find((c) => c.email.toLowerCase() === wanted);
}

export function requireCustomer(store: StoreRecord, id: string | number): CustomerRecord {
  const customer = /^\d+$/.test(String(id)) ? store.customers.get(Number(id)) : undefined;
  if (!customer) throw new EcwidApiError(404, "CUSTOMER_NOT_FOUND", `Customer ${String(id)} is not found`);
  return customer;
}

export function requireGroup(store: StoreRecord, id: string | number): EcwidCustomerGroup {
  const group = /^\d+$/.test(String(id)) ? store.groups.get(Number(id)) : undefined;
  if (!group) throw new EcwidApiError(404, "CUSTOMER_GROUP_NOT_FOUND", `Customer group ${String(id)} is not found`);
  return group;
}

export function putCustomer(state: EmulatorState, store: StoreRecord, init: CustomerInit): CustomerRecord {
  const id = init.id ?? state.nextId("customer");
  const email = init.email ?? `customer${id}@example.com`;
  const sameEmail = findCustomerByEmail(store, email);
  if (sameEmail && sameEmail.id !== id) throw new Error(`Customer ${sameEmail.id} already has the email ${email}`);
  const groupId = init.customerGroupId ?? 0;
  if (!store.groups.has(groupId)) throw wrongParameter(`Customer group ${groupId} is not found`);
  const registered = toDate(init.registered) ?? state.now();
  const name = init.name ?? init.billingPerson?.name ?? nameFromEmail(email);
  const record: CustomerRecord = {
    id,
    email,
    registered: formatEcwidDate(registered),
    updated: formatEcwidDate(state.now()),
    customerGroupId: groupId,
    billingPerson: { ...splitName(name), ...init.billingPerson },
    shippingAddresses: [],
    contacts: [{ id: id * 10, contact: email, type: "EMAIL", default: true, orderBy: 0, timestamp: formatEcwidDate(registered) }],
    taxId: "",
    taxIdValid: false,
    taxExempt: false,
    b2b_b2c: "b2c",
    acceptMarketing: init.acceptMarketing ?? false,
    lang: init.lang ?? store.profile.lang,
    privateAdminNotes: "",
    favorites: [],
    extrafields: [],
    ...(init.externalReferenceId ? { externalReferenceId: init.externalReferenceId } : {}),
  };
  store.customers.set(id, record);
  return record;
}

/** A plan without customer groups refuses them (CONTRACT §4.3, §4.8). */
export function assertGroupsFeature(store: StoreRecord): void {
  if (!store.customerGroupsFeature) throw new EcwidApiError(403, "CUSTOMER_GROUPS_FEATURE_NOT_AVAILABLE", "Customer groups are not available on the store's current plan");
}

export function updateCustomer(state: EmulatorState, store: StoreRecord, customer: CustomerRecord, patch: CustomerPatch): void {
  if (patch.customerGroupId !== undefined) assertGroupsFeature(store);
  if (patch.customerGroupId !== undefined && !store.groups.has(patch.customerGroupId)) {
    throw wrongParameter(`Customer group ${patch.customerGroupId} is not found`);
  }
  const { billingPerson, ...rest } = patch;
  Object.assign(customer, rest);
  if (billingPerson) customer.billingPerson = { ...customer.billingPerson, ...billingPerson };
  customer.updated = formatEcwidDate(state.now());
}

export function customerView(store: StoreRecord, customer: CustomerRecord): EcwidCustomer {
  const precision = store.profile.currencyPrecision;
  const orders = [...store.orders.values()]
    .map((r) => r.order)
    .filter((o) => o.customerId === customer.id && o.paymentStatus !== "INCOMPLETE" && o.paymentStatus !== "CANCELLED")
    .sort((a, b) => a.createTimestamp - b.createTimestamp);
  const salesValue = roundMoney(
    orders.reduce((sum, o) => sum + o.total, 0),
    precision,
  );
  const group = store.groups.get(customer.customerGroupId);
  return structuredClone({
    ...customer,
    customerGroupName: group?.name ?? "General",
    stats: {
      numberOfOrders: orders.length,
      salesValue,
      averageOrderValue: orders.length ? roundMoney(salesValue / orders.length, precision) : 0,
      ...(orders.length ? { firstOrderDate: orders[0]?.createDate, lastOrderDate: orders.at(-1)?.createDate } : {}),
    },
  });
}

export function createGroup(state: EmulatorState, store: StoreRecord, init: CustomerGroupInit): EcwidCustomerGroup {
  const id = init.id ?? state.nextId("group");
  if (store.groups.has(id)) throw new EcwidApiError(409, "CONSTRAINT_VIOLATION", `Customer group ${id} already exists`);
  const group: EcwidCustomerGroup = {
    id,
    name: init.name,
    ...(init.externalReferenceId ? { externalReferenceId: init.externalReferenceId } : {}),
  };
  store.groups.set(id, group);
  return group;
}

export function assertEditableGroup(group: EcwidCustomerGroup): void {
  if (group.id === 0) throw wrongParameter("The General customer group cannot be changed");
}

/** Members of a deleted group fall back to General. */
export function deleteGroup(state: EmulatorState, store: StoreRecord, group: EcwidCustomerGroup): void {
  assertEditableGroup(group);
  store.groups.delete(group.id);
  for (const customer of store.customers.values()) {
    if (customer.customerGroupId === group.id) {
      customer.customerGroupId = 0;
      customer.updated = formatEcwidDate(state.now());
    }
  }
}

export function nameFromEmail(email: string): string {
  const local = email.split("@")[0] ?? "customer";
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join(" ");
}

export function splitName(name: string): EcwidPerson {
  const [firstName = "", ...rest] = name.trim().split(/\s+/);
  return { name, firstName, lastName: rest.join(" ") };
}
