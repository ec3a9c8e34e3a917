import { orderActions, type EcwidOrder, type PaymentStatus } from "../ecwid-emulator/index.js";

/** The demo shop sells in US dollars; its dates are shown in the store's time zone, UTC. */
const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const placed = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export const formatDollars = (amount: number): string => dollars.format(amount);

const PAYMENT_TONES: Partial<Record<PaymentStatus, string>> = {
  PAID: "paid",
  AWAITING_PAYMENT: "waiting",
  PARTIALLY_REFUNDED: "refunded",
  REFUNDED: "refunded",
  CANCELLED: "cancelled",
};

/** `AWAITING_PAYMENT` reads "Awaiting payment", as Ecwid's control panel writes it. */
const sentenceCase = (status: string): string => status.charAt(0) + status.slice(1).toLowerCase().replace(/_/g, " ");

/** One order as the demo control panel's order list shows it. */
export function orderCard(order: EcwidOrder) {
  const left = order.total - order.refundedAmount;
  return {
    id: order.id,
    placedAt: placed.format(new Date(order.createTimestamp * 1000)),
    customer: order.customerId === undefined ? "Guest" : (order.billingPerson.name ?? order.email),
    email: order.email,
    items: order.items.map((item) => `${item.quantity} × ${item.name}`).join(", "),
    total: formatDollars(order.total),
    refunded: order.refundedAmount > 0 ? formatDollars(order.refundedAmount) : null,
    /** What is left to refund, as the refund field's starting value. */
    left: left.toFixed(2),
    payment: { label: sentenceCase(order.paymentStatus), tone: PAYMENT_TONES[order.paymentStatus] ?? "other" },
    fulfillment: sentenceCase(order.fulfillmentStatus),
    actions: orderActions(order),
  };
}

export type OrderCard = ReturnType<typeof orderCard>;

/** Newest first, as Ecwid lists them. */
export const orderCards = (orders: EcwidOrder[]): OrderCard[] => [...orders].sort((a, b) => b.createTimestamp - a.createTimestamp || b.internalId - a.internalId).map(orderCard);
