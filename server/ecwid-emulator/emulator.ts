import type { Router } from "express";
import type {
  AdminFrameOptions,
  AuthorizeRequest,
  CheckoutInit,
  CouponInit,
  CustomerGroupInit,
  CustomerInit,
  EcwidEmulatorOptions,
  EncryptedPayloadOptions,
  Fault,
  HexPayloadOptions,
  OrderChange,
  OrderInit,
  OrderWebhookOptions,
  RequestLogEntry,
  RunningEmulator,
  StoreCredentials,
  StoreInit,
  WebhookEvent,
  WebhookInit,
  WebhookResult,
} from "./api-types.js";
import { categoryView, productView, putCategory, putProduct } from "./catalog-book.js";
import type { CategoryInit, EcwidCategory, EcwidProduct, ProductInit } from "./catalog-types.js";
import { cancel, markPaid, refund } from "./control-panel.js";
import { couponView, createCoupon } from "./coupon-book.js";
import { createGroup, customerView, putCustomer } from "./customer-book.js";
import { createEmulatorState, requireStore, resolveOptions } from "./emulator-state.js";
import { emulatorRouter } from "./http/emulator.router.js";
import { adminFrameUrl, encodeHexPayload, encryptIframePayload, iframePayloadFor } from "./iframe-payload-encoder.js";
import { listen } from "./listen.js";
import { decide } from "./oauth-flow.js";
import { deleteOrder, findOrder, putOrder, refundOrder, updateOrder, type OrderPatch, type RefundOptions } from "./order-book.js";
import { createRateLimiter } from "./rate-limiter.js";
import { checkout } from "./storefront-checkout.js";
import { addStore, currentCredentials, uninstall } from "./store-registry.js";
import { customerWebhook, orderWebhook, sendWebhook } from "./webhook-sender.js";
import type { EcwidCoupon, EcwidCustomer, EcwidCustomerGroup, EcwidOrder } from "./wire-types.js";

export interface EcwidEmulator {
  /** Mount anywhere; serves `/api/oauth/*` and `/api/v3/{storeId}/*` relative to the mount point. */
  readonly router: Router;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The emulator's clock. */
  now(): Date;
  /** Every OAuth and REST request received, oldest first. */
  readonly requests: RequestLogEntry[];
  clearRequests(): void;

  addStore(init?: Partial<StoreInit>): StoreCredentials;
  /** The store the consent page installs into; null shows a store picker. */
  signIn(storeId: number | null): void;
  uninstall(storeId: number): void;
  credentials(storeId: number): StoreCredentials;
  setSubscriptionStatus(storeId: number, status: "ACTIVE" | "TRIAL" | "SUSPENDED"): void;
  /** A plan without customer groups answers their endpoints, and a customer's group change, 403 `CUSTOMER_GROUPS_FEATURE_NOT_AVAILABLE`. */
  setCustomerGroupsFeature(storeId: number, available: boolean): void;
  /** The merchant's decision without the browser: returns the redirect URL Ecwid would send them to. */
  authorize(request: AuthorizeRequest): string;

  putOrder(storeId: number, init?: OrderInit): EcwidOrder;
  updateOrder(storeId: number, orderId: string | number, patch: OrderPatch): EcwidOrder;
  refundOrder(storeId: number, orderId: string | number, amount: number, options?: RefundOptions): EcwidOrder;
  deleteOrder(storeId: number, orderId: string | number): void;
  getOrder(storeId: number, orderId: string | number): EcwidOrder | undefined;
  getOrders(storeId: number): EcwidOrder[];

  putCustomer(storeId: number, init?: CustomerInit): EcwidCustomer;
  getCustomer(storeId: number, customerId: number): EcwidCustomer | undefined;
  getCustomers(storeId: number): EcwidCustomer[];
  putCustomerGroup(storeId: number, init: CustomerGroupInit): EcwidCustomerGroup;
  getCustomerGroups(storeId: number): EcwidCustomerGroup[];
  putCoupon(storeId: number, init: CouponInit): EcwidCoupon;
  getCoupons(storeId: number): EcwidCoupon[];
  putCategory(storeId: number, init: CategoryInit): EcwidCategory;
  getCategories(storeId: number): EcwidCategory[];
  /** Creates the product, or replaces the one with the same id. */
  putProduct(storeId: number, init: ProductInit): EcwidProduct;
  getProducts(storeId: number): EcwidProduct[];
  getStorage(storeId: number): Record<string, string>;
  setStorage(storeId: number, key: string, value: string): void;

  /** What a shopper does in the storefront; the order event goes to the `webhookUrl` option, signed. */
  readonly storefront: {
    checkout(storeId: number, init: CheckoutInit): Promise<OrderChange>;
  };
  /** What a merchant does to an order in the control panel; each change sends `order.updated` to the `webhookUrl` option. */
  readonly controlPanel: {
    markPaid(storeId: number, orderId: string): Promise<OrderChange>;
    /** Part or all of what is left; `amount` in the store currency, as Ecwid writes amounts. */
    refund(storeId: number, orderId: string, amount: number, reason?: string): Promise<OrderChange>;
    cancel(storeId: number, orderId: string): Promise<OrderChange>;
  };

  /** The next `count` REST calls meet this fault (a 429 gets `Retry-After: 1` unless given). */
  failNext(count: number, fault: Fault): void;
  /** Faults queued by `failNext` that no call has met yet. */
  faultsLeft(): number;

  sendWebhook(init: WebhookInit): Promise<WebhookResult>;
  orderWebhook(storeId: number, orderId: string | number, eventType: "order.created" | "order.updated" | "order.deleted", options?: OrderWebhookOptions): WebhookEvent;
  customerWebhook(storeId: number, customerId: number, eventType: "customer.created" | "customer.updated" | "customer.deleted", email?: string): WebhookEvent;

  encryptedPayload(storeId: number, options?: EncryptedPayloadOptions): string;
  hexFragmentPayload(storeId: number, options?: HexPayloadOptions): string;
  adminFrameUrl(storeId: number, iframeUrl: string, options?: AdminFrameOptions): string;

  listen(port?: number): Promise<RunningEmulator>;
}

export function createEcwidEmulator(options: EcwidEmulatorOptions): EcwidEmulator {
  const state = createEmulatorState(resolveOptions(options));
  const router = emulatorRouter(state, createRateLimiter(state.options.rateLimitPerMinute, state.now));
  const store = (storeId: number) => requireStore(state, storeId);

  return {
    router,
    clientId: state.options.clientId,
    clientSecret: state.options.clientSecret,
    now: () => state.now(),
    requests: state.requests,
    clearRequests: () => void state.requests.splice(0),

    addStore: (init) => addStore(state, init),
    signIn(storeId) {
      if (storeId !== null) store(storeId);
      state.signedInStoreId = storeId;
    },
    uninstall: (storeId) => uninstall(state, storeId),
    credentials: (storeId) => currentCredentials(state, storeId),
    setSubscriptionStatus(storeId, status) {
      store(storeId).subscriptionStatus = status;
    },
    setCustomerGroupsFeature(storeId, available) {
      store(storeId).customerGroupsFeature = available;
    },
    authorize: (request) => decide(state, request),

    putOrder: (storeId, init) => putOrder(state, store(storeId), init),
    updateOrder: (storeId, orderId, patch) => updateOrder(state, store(storeId), orderId, patch),
    refundOrder: (storeId, orderId, amount, refundOptions) => refundOrder(state, store(storeId), orderId, amount, refundOptions),
    deleteOrder: (storeId, orderId) => deleteOrder(store(storeId), orderId),
    getOrder(storeId, orderId) {
      const record = findOrder(store(storeId), orderId);
      return record ? structuredClone(record.order) : undefined;
    },
    getOrders: (storeId) => [...store(storeId).orders.values()].map((r) => structuredClone(r.order)),

    putCustomer(storeId, init = {}) {
      const s = store(storeId);
      return customerView(s, putCustomer(state, s, init));
    },
    getCustomer(storeId, customerId) {
      const s = store(storeId);
      const record = s.customers.get(customerId);
      return record ? customerView(s, record) : undefined;
    },
    getCustomers(storeId) {
      const s = store(storeId);
      return [...s.customers.values()].map((c) => customerView(s, c));
    },
    putCustomerGroup(storeId, init) {
      const s = store(storeId);
      if (init.id !== undefined) s.groups.delete(init.id);
      return structuredClone(createGroup(state, s, init));
    },
    getCustomerGroups: (storeId) => [...store(storeId).groups.values()].map((g) => structuredClone(g)),
    putCoupon(storeId, init) {
      const s = store(storeId);
      if (init.id !== undefined) s.coupons.delete(init.id);
      return couponView(s, createCoupon(state, s, init), state.now());
    },
    getCoupons(storeId) {
      const s = store(storeId);
      return [...s.coupons.values()].map((c) => couponView(s, c, state.now()));
    },
    putCategory: (storeId, init) => putCategory(state, store(storeId), init),
    getCategories(storeId) {
      const s = store(storeId);
      return [...s.categories.values()].map((c) => categoryView(s, c, { withProductIds: false }));
    },
    putProduct: (storeId, init) => putProduct(state, store(storeId), init),
    getProducts: (storeId) => [...store(storeId).products.values()].map((p) => productView(p)),
    getStorage: (storeId) => Object.fromEntries(store(storeId).storage),
    setStorage(storeId, key, value) {
      store(storeId).storage.set(key, value);
    },

    storefront: { checkout: (storeId, init) => checkout(state, storeId, init) },
    controlPanel: {
      markPaid: (storeId, orderId) => markPaid(state, storeId, orderId),
      refund: (storeId, orderId, amount, reason) => refund(state, storeId, orderId, amount, reason),
      cancel: (storeId, orderId) => cancel(state, storeId, orderId),
    },

    failNext(count, fault) {
      for (let i = 0; i < count; i += 1) state.faults.push({ ...fault });
    },
    faultsLeft: () => state.faults.length,

    sendWebhook: (init) => sendWebhook(state, init),
    orderWebhook: (storeId, orderId, eventType, webhookOptions) => orderWebhook(state, storeId, orderId, eventType, webhookOptions),
    customerWebhook: (storeId, customerId, eventType, email) => customerWebhook(state, storeId, customerId, eventType, email),

    encryptedPayload(storeId, { secret, ...payloadOptions } = {}) {
      return encryptIframePayload(iframePayloadFor(state, storeId, payloadOptions), secret ?? state.options.clientSecret);
    },
    hexFragmentPayload: (storeId, payloadOptions) => encodeHexPayload(iframePayloadFor(state, storeId, payloadOptions)),
    adminFrameUrl: (storeId, iframeUrl, frameOptions) => adminFrameUrl(state, storeId, iframeUrl, frameOptions),

    listen: (port = 0) => listen(router, port),
  };
}
