import { ActionRefused } from "./action-refused.js";
import type { CheckoutInit, OrderChange, OrderItemInit } from "./api-types.js";
import { productView } from "./catalog-book.js";
import { couponView, findCoupon } from "./coupon-book.js";
import { findCustomerByEmail } from "./customer-book.js";
import { requireStore, type EmulatorState, type StoreRecord } from "./emulator-state.js";
import { putOrder } from "./order-book.js";
import { deliverOrderEvent } from "./webhook-sender.js";
import type { EcwidOrder } from "./wire-types.js";

const MAX_QUANTITY = 99;
/** Anyone can shop in the demo store: a cap keeps that from growing the emulator's memory without bound. */
export const MAX_STOREFRONT_ORDERS = 2_000;

/** A shopper places an order in the storefront: the order is made from catalog products, then Ecwid sends `order.created`. */
export async function checkout(state: EmulatorState, storeId: number, init: CheckoutInit): Promise<OrderChange> {
  const store = requireStore(state, storeId);
  if (init.items.length === 0) throw new ActionRefused("The cart is empty");
  if (store.orders.size >= MAX_STOREFRONT_ORDERS) throw new ActionRefused("This demo shop has taken all the orders it can hold; restart the demo to shop again");
  const items = init.items.map(({ productId, quantity = 1 }) => cartLine(store, productId, quantity, init.lang));
  if (init.couponCode) assertCouponApplies(state, store, init.couponCode, shopperOrders(store, init));
  const order = putOrder(state, store, {
    email: init.email,
    ...(init.customerId !== undefined ? { customerId: init.customerId } : {}),
    items,
    paymentStatus: init.paymentStatus ?? "PAID",
    paymentMethod: init.paymentMethod ?? (init.paymentStatus === "AWAITING_PAYMENT" ? "Bank transfer" : "Credit or debit card"),
    ...(init.couponCode ? { couponCode: init.couponCode } : {}),
    ...(init.shipping !== undefined ? { shipping: init.shipping } : {}),
    ...(init.extraFields ? { extraFields: init.extraFields } : {}),
    ...(init.lang ? { lang: init.lang } : {}),
  });
  return { order, webhook: await deliverOrderEvent(state, storeId, order.id, "order.created") };
}

function cartLine(store: StoreRecord, productId: number, quantity: number, lang: string | undefined): OrderItemInit {
  const product = store.products.get(productId);
  if (!product?.enabled) throw new ActionRefused(`Product ${productId} is not for sale in this store`);
  if (!product.inStock) throw new ActionRefused(`${product.name} is out of stock`);
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    throw new ActionRefused(`The quantity of ${product.name} must be a whole number from 1 to ${MAX_QUANTITY}`);
  }
  return {
    name: productView(product, lang).name,
    price: product.price,
    quantity,
    sku: product.sku,
    productId: product.id,
    categoryId: product.defaultCategoryId,
  };
}

/** Ecwid's statuses of an order that was paid, whatever happened after. */
const PAID = new Set(["PAID", "PARTIALLY_REFUNDED", "REFUNDED"]);

/** The orders already placed by the shopper checking out: by their email, or by the customer account they are signed in to. */
function shopperOrders(store: StoreRecord, init: CheckoutInit): EcwidOrder[] {
  const email = init.email.trim().toLowerCase();
  const customerId = init.customerId === undefined ? findCustomerByEmail(store, init.email)?.id : init.customerId;
  return [...store.orders.values()]
    .map((record) => record.order)
    .filter((order) => order.email.toLowerCase() === email || (typeof customerId === "number" && order.customerId === customerId));
}

/** A coupon's own terms (CONTRACT §4.9): active; for new customers only, or returning ones only; once per customer. */
function assertCouponApplies(state: EmulatorState, store: StoreRecord, code: string, before: EcwidOrder[]): void {
  const coupon = findCoupon(store, code);
  if (!coupon || couponView(store, coupon, state.now()).status !== "ACTIVE") throw new ActionRefused(`The coupon code ${code} cannot be used`);
  const boughtBefore = before.some((order) => PAID.has(order.paymentStatus));
  if (coupon.applicationLimit === "NEW_CUSTOMER_ONLY" && boughtBefore) throw new ActionRefused(`The coupon code ${code} is for new customers only`);
  if (coupon.applicationLimit === "REPEAT_CUSTOMER_ONLY" && !boughtBefore) throw new ActionRefused(`The coupon code ${code} is for returning customers only`);
  if (coupon.usesLimit === "ONCEPERCUSTOMER" && before.some((order) => order.discountCoupon?.id === coupon.id)) {
    throw new ActionRefused(`The coupon code ${code} was already used by this customer`);
  }
}
