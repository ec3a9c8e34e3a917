import type { EcwidOrder } from "../../ecwid/wire-types.js";
import { toMinorUnits } from "../../lib/money.js";
import { personName } from "../members/member-name.rules.js";
import type { OrderItem } from "./order-record.js";

/** An Ecwid order reduced to integers, converted once with the store's currency precision. */
export interface OrderFacts {
  orderId: string;
  internalId: number | null;
  customerId: number | null;
  email: string | null;
  paymentStatus: string;
  /** Subtotal after discounts, without shipping and tax. */
  eligibleMinor: number;
  totalMinor: number;
  refundedMinor: number;
  placedAt: string;
  /** Ecwid's updateTimestamp (UNIX seconds): tells a stale snapshot from a fresh one. */
  revision: number;
  couponCode: string | null;
  /** The order's extra fields by id: `extraFields`, and the `orderExtraFields[]` list for any id it lacks. */
  extraFields: Record<string, unknown>;
  /** The storefront language the order was placed in, as Ecwid names it (`nl`, `nb_NO`...); null when not said. */
  lang: string | null;
  items: OrderItem[];
  /** The billing person's "First Last" (member-name.rules.ts); null when the order names nobody. */
  name: string | null;
}

function refunded(order: EcwidOrder): number {
  if (order.refundedAmount !== undefined) return order.refundedAmount;
  return (order.refunds ?? []).reduce((sum, refund) => sum + (refund.amount ?? 0), 0);
}

function placedAt(order: EcwidOrder, fallback: Date): string {
  if (order.createTimestamp) return new Date(order.createTimestamp * 1000).toISOString();
  const parsed = order.createDate ? Date.parse(order.createDate.replace(" ", "T").replace(" ", "")) : Number.NaN;
  return Number.isNaN(parsed) ? fallback.toISOString() : new Date(parsed).toISOString();
}

export function orderFacts(order: EcwidOrder, precision: number, now: Date): OrderFacts {
  const minor = (amount: number) => toMinorUnits(amount, precision);
  const beforeDiscount = minor(order.subtotalWithoutTax ?? order.subtotal);
  return {
    orderId: order.id,
    internalId: order.internalId ?? null,
    customerId: order.customerId && order.customerId > 0 ? order.customerId : null,
    email: order.email?.trim() ? order.email : null,
    paymentStatus: order.paymentStatus,
    eligibleMinor: Math.max(0, beforeDiscount - minor(order.discount ?? 0)),
    totalMinor: minor(order.total),
    refundedMinor: Math.max(0, minor(refunded(order))),
    placedAt: placedAt(order, now),
    revision: order.updateTimestamp ?? 0,
    couponCode: order.discountCoupon?.code ?? null,
    extraFields: { ...Object.fromEntries((order.orderExtraFields ?? []).map((field) => [field.id, field.value])), ...order.extraFields },
    lang: order.lang?.trim() ? order.lang : null,
    items: (order.items ?? []).map((item) => ({ productId: item.productId ?? 0, categoryId: item.categoryId ?? 0, quantity: Math.max(0, item.quantity ?? 1) })),
    name: personName(order.billingPerson),
  };
}
