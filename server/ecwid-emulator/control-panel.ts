import { ActionRefused } from "./action-refused.js";
import type { OrderChange } from "./api-types.js";
import { requireStore, type EmulatorState } from "./emulator-state.js";
import { formatMoney, roundMoney } from "./money.js";
import { refundOrder, requireOrder, updateOrder } from "./order-book.js";
import { deliverOrderEvent } from "./webhook-sender.js";
import type { EcwidOrder, PaymentStatus } from "./wire-types.js";

const status = (paymentStatus: PaymentStatus) => paymentStatus.toLowerCase().replace(/_/g, " ");

/** What the control panel offers for an order in this payment status. */
export const orderActions = (order: Pick<EcwidOrder, "paymentStatus">) => ({
  markPaid: order.paymentStatus === "AWAITING_PAYMENT",
  refund: order.paymentStatus === "PAID" || order.paymentStatus === "PARTIALLY_REFUNDED",
  cancel: order.paymentStatus !== "CANCELLED" && order.paymentStatus !== "REFUNDED",
});

/** The merchant sets an unpaid order's payment status to Paid in the control panel; Ecwid sends `order.updated`. */
export async function markPaid(state: EmulatorState, storeId: number, orderId: string): Promise<OrderChange> {
  const store = requireStore(state, storeId);
  const { order } = requireOrder(store, orderId);
  if (!orderActions(order).markPaid) throw new ActionRefused(`Order ${order.id} is ${status(order.paymentStatus)}, not awaiting payment`);
  updateOrder(state, store, order.id, { paymentStatus: "PAID" });
  return changed(state, storeId, order.id);
}

/** The merchant refunds part or all of what is left of a paid order; a full refund makes it REFUNDED. */
export async function refund(state: EmulatorState, storeId: number, orderId: string, amount: number, reason = ""): Promise<OrderChange> {
  const store = requireStore(state, storeId);
  const { order } = requireOrder(store, orderId);
  if (!orderActions(order).refund) {
    throw new ActionRefused(`Order ${order.id} is ${status(order.paymentStatus)}: only a paid order can be refunded`);
  }
  const left = roundMoney(order.total - order.refundedAmount, store.profile.currencyPrecision);
  const rounded = roundMoney(amount, store.profile.currencyPrecision);
  if (!(rounded > 0) || rounded > left) {
    throw new ActionRefused(`A refund of order ${order.id} must be more than ${formatMoney(store.profile, 0)} and at most ${formatMoney(store.profile, left)}`);
  }
  refundOrder(state, store, order.id, rounded, { reason, source: "CP" });
  return changed(state, storeId, order.id);
}

/** The merchant cancels an order that is not cancelled or fully refunded yet. */
export async function cancel(state: EmulatorState, storeId: number, orderId: string): Promise<OrderChange> {
  const store = requireStore(state, storeId);
  const { order } = requireOrder(store, orderId);
  if (!orderActions(order).cancel) throw new ActionRefused(`Order ${order.id} is already ${status(order.paymentStatus)}`);
  updateOrder(state, store, order.id, { paymentStatus: "CANCELLED" });
  return changed(state, storeId, order.id);
}

async function changed(state: EmulatorState, storeId: number, orderId: string): Promise<OrderChange> {
  const webhook = await deliverOrderEvent(state, storeId, orderId, "order.updated");
  return { order: structuredClone(requireOrder(requireStore(state, storeId), orderId).order), webhook };
}
