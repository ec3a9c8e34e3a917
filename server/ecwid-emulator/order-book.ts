import type { OrderInit } from "./api-types.js";
import { EcwidApiError } from "./ecwid-api-error.js";
import { formatEcwidDate, toDate } from "./ecwid-date.js";
import type { EmulatorState, OrderRecord, StoreRecord } from "./emulator-state.js";
import { roundMoney } from "./money.js";
import { buildOrder } from "./order-builder.js";
import { newPublicOrderId } from "./random-ids.js";
import type { EcwidOrder, EcwidRefund } from "./wire-types.js";

export type OrderPatch = Omit<OrderInit, "id" | "internalId" | "createDate">;

const AMOUNT_INPUTS = ["items", "subtotal", "tax", "shipping", "couponCode", "couponDiscount", "volumeDiscount", "discount"] as const;

/** By public id (any case), or by the internal numeric id. */
export function findOrder(store: StoreRecord, orderId: string | number): OrderRecord | undefined {
  const key = String(orderId);
  const direct = store.orders.get(key) ?? store.orders.get(key.toUpperCase());
  if (direct) return direct;
  const lower = key.toLowerCase();
  for (const record of store.orders.values()) {
    if (record.order.id.toLowerCase() === lower || String(record.order.internalId) === key) return record;
  }
  return undefined;
}

export function requireOrder(store: StoreRecord, orderId: string | number): OrderRecord {
  const record = findOrder(store, orderId);
  if (!record) throw new EcwidApiError(404, "ORDER_NOT_FOUND", `Order #${String(orderId)} not found`);
  return record;
}

/** Creates the order, or replaces the one with the same public id (keeping its internal id and creation date). */
export function putOrder(state: EmulatorState, store: StoreRecord, init: OrderInit = {}): EcwidOrder {
  const existing = init.id ? store.orders.get(init.id) : undefined;
  const id = init.id ?? freshPublicId(store);
  const internalId = init.internalId ?? existing?.order.internalId ?? state.nextId("order");
  const clash = [...store.orders.values()].find((r) => r.order.internalId === internalId && r.order.id !== id);
  if (clash) throw new Error(`Order ${clash.order.id} already has internal id ${internalId}`);
  const createDate = toDate(init.createDate) ?? (existing ? new Date(existing.order.createTimestamp * 1000) : state.now());
  const order = buildOrder(state, store, init, { id, internalId, createDate }, existing?.order);
  store.orders.set(id, { init: structuredClone(init), order });
  store.deletedOrders.delete(id);
  return structuredClone(order);
}

/** Merges the patch into what the order was built from and bumps `updateDate`. */
export function updateOrder(state: EmulatorState, store: StoreRecord, orderId: string | number, patch: OrderPatch): EcwidOrder {
  const record = requireOrder(store, orderId);
  const init: OrderInit = { ...record.init, ...structuredClone(patch) };
  const touchesAmounts = AMOUNT_INPUTS.some((key) => key in patch);
  if (touchesAmounts && !("total" in patch)) delete init.total;
  if ("items" in patch && !("subtotal" in patch)) delete init.subtotal;
  if (!("updateDate" in patch)) delete init.updateDate;
  const before = record.order;
  const identity = { id: before.id, internalId: before.internalId, createDate: new Date(before.createTimestamp * 1000) };
  record.order = buildOrder(state, store, init, identity, before);
  record.init = init;
  record.previous = { paymentStatus: before.paymentStatus, fulfillmentStatus: before.fulfillmentStatus };
  return structuredClone(record.order);
}

export interface RefundOptions {
  reason?: string;
  source?: EcwidRefund["source"];
}

/** Appends a refund; the order becomes PARTIALLY_REFUNDED, or REFUNDED once everything is given back. */
export function refundOrder(state: EmulatorState, store: StoreRecord, orderId: string | number, amount: number, options: RefundOptions = {}): EcwidOrder {
  const { order } = requireOrder(store, orderId);
  const precision = store.profile.currencyPrecision;
  const refund = roundMoney(amount, precision);
  const remaining = roundMoney(order.total - order.refundedAmount, precision);
  if (!(refund > 0) || refund > remaining) throw new Error(`Refund of ${amount} is not within 0..${remaining} for order ${order.id}`);
  const refunds: EcwidRefund[] = [...order.refunds, { date: formatEcwidDate(state.now()), source: options.source ?? "API", reason: options.reason ?? "", amount: refund }];
  const paymentStatus = refund === remaining ? "REFUNDED" : "PARTIALLY_REFUNDED";
  return updateOrder(state, store, order.id, { refunds, paymentStatus });
}

/** Keeps a tombstone so an `order.deleted` webhook can still be built. */
export function deleteOrder(store: StoreRecord, orderId: string | number): void {
  const record = requireOrder(store, orderId);
  store.orders.delete(record.order.id);
  store.deletedOrders.set(record.order.id, record.order);
}

function freshPublicId(store: StoreRecord): string {
  let id = newPublicOrderId();
  while (store.orders.has(id) || store.deletedOrders.has(id)) id = newPublicOrderId();
  return id;
}
