import type { OrderInit, OrderItemInit } from "./api-types.js";
import { couponView, requireCoupon } from "./coupon-book.js";
import { findCustomerByEmail, nameFromEmail, splitName } from "./customer-book.js";
import { formatEcwidDate, toDate, unixSeconds } from "./ecwid-date.js";
import type { CustomerRecord, EmulatorState, StoreRecord } from "./emulator-state.js";
import { roundMoney } from "./money.js";
import type { DiscountType, EcwidOrder, EcwidOrderItem } from "./wire-types.js";

export interface OrderIdentity {
  id: string;
  internalId: number;
  createDate: Date;
}

const DEFAULT_ITEM: OrderItemInit = { name: "Trail Mug", price: 19.99, quantity: 1, sku: "MUG-01" };

/** Builds a complete order the way Ecwid reports it; every amount not given in `init` is derived from the others. */
export function buildOrder(state: EmulatorState, store: StoreRecord, init: OrderInit, identity: OrderIdentity, previous?: EcwidOrder): EcwidOrder {
  const money = (n: number) => roundMoney(n, store.profile.currencyPrecision);
  const now = state.now();
  const customer = resolveCustomer(store, init);
  const email = init.email ?? customer?.email ?? "shopper@example.com";
  const customerId = customer?.id ?? (typeof init.customerId === "number" ? init.customerId : undefined);
  const itemInits = init.items ?? (init.subtotal !== undefined ? [{ name: "Item", price: init.subtotal }] : [DEFAULT_ITEM]);
  const subtotal = money(init.subtotal ?? itemInits.reduce((sum, i) => sum + i.price * (i.quantity ?? 1), 0));
  const shipping = money(init.shipping ?? 0);
  const tax = money(init.tax ?? 0);
  const coupon = init.couponCode ? requireCoupon(store, init.couponCode) : undefined;
  const couponDiscount = money(init.couponDiscount ?? (coupon ? couponAmount(coupon.discountType, coupon.discount, subtotal, shipping) : 0));
  const volumeDiscount = money(init.volumeDiscount ?? 0);
  const discount = money(init.discount ?? couponDiscount + volumeDiscount);
  const total = money(init.total ?? Math.max(0, subtotal - discount + shipping + tax));
  const refunds = init.refunds ?? [];
  const items = itemInits.map((item, index) =>
    buildItem(state, item, previous?.items[index], coupon ? money((couponDiscount * item.price * (item.quantity ?? 1)) / (subtotal || 1)) : 0),
  );
  const billingPerson = init.billingPerson ?? customer?.billingPerson ?? splitName(nameFromEmail(email));
  const group = customer ? store.groups.get(customer.customerGroupId) : undefined;
  const updateDate = toDate(init.updateDate) ?? now;
  const extraFields = init.extraFields ?? {};

  return structuredClone({
    id: identity.id,
    internalId: identity.internalId,
    orderNumber: identity.internalId,
    vendorOrderNumber: identity.id,
    publicUid: identity.id,
    email,
    ...(customerId !== undefined ? { customerId } : {}),
    ...(customer ? { customerGroupId: customer.customerGroupId, customerGroup: group?.name ?? "General" } : {}),
    acceptMarketing: init.acceptMarketing ?? customer?.acceptMarketing ?? false,
    lang: init.lang ?? store.profile.lang,
    paymentStatus: init.paymentStatus ?? "PAID",
    fulfillmentStatus: init.fulfillmentStatus ?? "AWAITING_PROCESSING",
    paymentMethod: init.paymentMethod ?? "Credit or debit card",
    total,
    totalWithoutTax: money(total - tax),
    subtotal,
    subtotalWithoutTax: subtotal,
    usdTotal: total,
    tax,
    discount,
    couponDiscount,
    volumeDiscount,
    membershipBasedDiscount: 0,
    totalAndMembershipBasedDiscount: 0,
    ...(coupon ? { discountCoupon: couponView(store, coupon, now) } : {}),
    discountInfo: [],
    customDiscount: [],
    refundedAmount: money(refunds.reduce((sum, r) => sum + r.amount, 0)),
    refunds,
    ...(items.some((i) => i.isShippingRequired) || shipping > 0
      ? {
          shippingOptionInfo: {
            shippingMethodName: init.shippingMethodName ?? "Standard shipping",
            shippingRate: shipping,
            shippingRateWithoutTax: shipping,
            isPickup: false,
            fulfillmentType: "SHIPPING" as const,
          },
        }
      : {}),
    items,
    billingPerson,
    shippingPerson: init.shippingPerson ?? billingPerson,
    extraFields,
    orderExtraFields: Object.entries(extraFields).map(([id, value], index) => ({
      id,
      value,
      customerInputType: "",
      title: "",
      orderDetailsDisplaySection: "",
      orderBy: String(index),
    })),
    createDate: formatEcwidDate(identity.createDate),
    updateDate: formatEcwidDate(updateDate),
    createTimestamp: unixSeconds(identity.createDate),
    updateTimestamp: unixSeconds(updateDate),
    pricesIncludeTax: false,
    hidden: false,
    privateAdminNotes: init.privateAdminNotes ?? "",
    ...(init.refererId ? { refererId: init.refererId } : {}),
  });
}

function buildItem(state: EmulatorState, item: OrderItemInit, previous: EcwidOrderItem | undefined, couponShare: number): EcwidOrderItem {
  const shippable = item.isShippingRequired ?? true;
  return {
    id: previous?.id ?? state.nextId("item"),
    productId: item.productId ?? previous?.productId ?? state.nextId("product"),
    categoryId: item.categoryId ?? 0,
    name: item.name,
    sku: item.sku ?? "",
    price: item.price,
    productPrice: item.price,
    priceWithoutTax: item.price,
    quantity: item.quantity ?? 1,
    tax: 0,
    shipping: 0,
    isShippingRequired: shippable,
    digital: !shippable,
    couponApplied: couponShare > 0,
    couponAmount: couponShare,
    selectedOptions: [],
    taxes: [],
    discounts: [],
  };
}

function couponAmount(type: DiscountType, discount: number, subtotal: number, shipping: number): number {
  const percent = (subtotal * discount) / 100;
  switch (type) {
    case "ABS":
      return Math.min(discount, subtotal);
    case "PERCENT":
      return percent;
    case "SHIPPING":
      return shipping;
    case "ABS_AND_SHIPPING":
      return Math.min(discount, subtotal) + shipping;
    case "PERCENT_AND_SHIPPING":
      return percent + shipping;
  }
}

function resolveCustomer(store: StoreRecord, init: OrderInit): CustomerRecord | undefined {
  if (init.customerId === null) return undefined;
  if (typeof init.customerId === "number") return store.customers.get(init.customerId);
  return init.email ? findCustomerByEmail(store, init.email) : undefined;
}
