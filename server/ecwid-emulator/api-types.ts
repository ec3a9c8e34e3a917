import type { ApplicationLimit, CouponStatus, DiscountType, EcwidOrder, EcwidPerson, EcwidRefund, FulfillmentStatus, PaymentStatus, UsesLimit } from "./wire-types.js";

export interface EcwidEmulatorOptions {
  clientId: string;
  clientSecret: string;
  /** Requests per token per rolling minute; null turns the limit off. Default 600 (CONTRACT §4.4). */
  rateLimitPerMinute?: number | null;
  now?: () => Date;
  /** Whether the OAuth redirect echoes `state` (UNVERIFIED in CONTRACT §1.2). Default true. */
  oauthEchoesState?: boolean;
  /** Whether the OAuth redirect carries `store_id` (UNVERIFIED in CONTRACT §1.3). Default true. */
  oauthRedirectIncludesStoreId?: boolean;
  /**
   * The app's registered webhookUrl (CONTRACT §3.1): storefront checkouts and control-panel changes send their
   * signed order events there. Without it they change the state only.
   */
  webhookUrl?: string;
}

export interface StoreInit {
  storeId: number;
  storeName: string;
  ownerEmail: string;
  currency: string;
  currencyPrecision: number;
  currencyPrefix: string;
  currencySuffix: string;
  lang: string;
  /** IANA time zone the profile names (`formatsAndUnits.timezone`). */
  timeZone: string;
  /** The storefront's address the profile names (`generalInfo.storeUrl`); default: the starter site's products page. */
  storeUrl?: string;
  scopes: string[];
}

export interface StoreCredentials {
  storeId: number;
  accessToken: string;
  publicToken?: string;
}

export interface AuthorizeRequest {
  storeId: number;
  redirectUri: string;
  state?: string;
  /** Space-separated or a list; default: the scopes the store was created with. */
  scope?: string | string[];
  approve: boolean;
}

export interface OrderItemInit {
  name: string;
  price: number;
  quantity?: number;
  sku?: string;
  productId?: number;
  categoryId?: number;
  isShippingRequired?: boolean;
}

export interface OrderInit {
  /** Public id such as `K8XTQ`; generated when absent. */
  id?: string;
  internalId?: number;
  email?: string;
  /** A number links a registered customer; null makes a guest order. Absent: looked up by email. */
  customerId?: number | null;
  paymentStatus?: PaymentStatus;
  fulfillmentStatus?: FulfillmentStatus;
  paymentMethod?: string;
  items?: OrderItemInit[];
  subtotal?: number;
  tax?: number;
  shipping?: number;
  shippingMethodName?: string;
  /** Promotions other than the coupon; adds to `discount`. */
  volumeDiscount?: number;
  couponDiscount?: number;
  discount?: number;
  total?: number;
  /** Code of a coupon already in the store (see `putCoupon`). */
  couponCode?: string;
  refunds?: EcwidRefund[];
  extraFields?: Record<string, string>;
  billingPerson?: EcwidPerson;
  shippingPerson?: EcwidPerson;
  acceptMarketing?: boolean;
  lang?: string;
  refererId?: string;
  privateAdminNotes?: string;
  createDate?: Date | string;
  updateDate?: Date | string;
}

export interface CustomerInit {
  id?: number;
  email?: string;
  name?: string;
  customerGroupId?: number;
  billingPerson?: EcwidPerson;
  acceptMarketing?: boolean;
  lang?: string;
  registered?: Date | string;
  externalReferenceId?: string;
}

export interface CustomerGroupInit {
  id?: number;
  name: string;
  externalReferenceId?: string;
}

export interface CouponInit {
  id?: number;
  name?: string;
  code: string;
  discountType?: DiscountType;
  status?: Extract<CouponStatus, "ACTIVE" | "PAUSED">;
  discount?: number;
  launchDate?: Date | string;
  expirationDate?: Date | string;
  totalLimit?: number;
  usesLimit?: UsesLimit;
  applicationLimit?: ApplicationLimit;
  catalogLimit?: { products?: number[]; categories?: number[] };
  shippingLimit?: { shippingMethods?: string[] };
}

export interface RequestLogEntry {
  method: string;
  /** Path relative to the emulator's mount point, without the query string. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** 0 until the response head is written. */
  status: number;
  /** The token the request presented (header or query), if any. */
  token?: string;
  at: Date;
}

/**
 * What the emulator plays instead of answering a REST call: an error status, or a transport fault
 * (`hang` holds the request unanswered for `ms`, default a minute, then answers it; `reset` drops the
 * connection; `malformed-json` answers 200 with a JSON body cut short; `lost-call` holds the request until
 * the caller gives up or `ms` pass, then drops it unprocessed; `lost-answer` processes the request (a
 * coupon is made) but never answers, dropping the connection when the caller gives up or `ms` pass).
 * With `on`, only a call with that method and path (relative to `/api/v3/{storeId}`) meets the fault.
 */
export type Fault = (
  | { status: 409 | 429 | 500 | 503; retryAfter?: number }
  | { kind: "hang"; ms?: number }
  | { kind: "reset" }
  | { kind: "malformed-json" }
  | { kind: "lost-call"; ms?: number }
  | { kind: "lost-answer"; ms?: number }
) & { on?: { method: string; path: string } };

export interface WebhookInit {
  url: string;
  storeId: number;
  eventType: string;
  entityId?: number | string;
  data?: Record<string, unknown>;
  eventId?: string;
  eventCreated?: number;
  /** Overrides the computed signature; null sends no signature header. */
  signature?: string | null;
  queryParamName?: "eventtype" | "eventType";
}

export type WebhookEvent = Omit<WebhookInit, "url">;

export interface WebhookResult {
  status: number;
  body: unknown;
  eventId: string;
  eventCreated: number;
}

/** A shopper's checkout in the storefront: catalog products, so names, SKUs, prices and categories come from the catalog. */
export interface CheckoutInit {
  email: string;
  /** A number is the logged-in customer; null a guest checkout. Absent: the customer with that email, if any. */
  customerId?: number | null;
  items: { productId: number; quantity?: number }[];
  /** PAID for a card payment, AWAITING_PAYMENT for one made later (e.g. a bank transfer). Default PAID. */
  paymentStatus?: "PAID" | "AWAITING_PAYMENT";
  paymentMethod?: string;
  couponCode?: string;
  shipping?: number;
  extraFields?: Record<string, string>;
  lang?: string;
}

/** How Ecwid's delivery of an event to the app's webhookUrl went. */
export interface WebhookDelivery {
  eventType: string;
  eventId: string;
  /** The app's answer; null when it could not be reached (Ecwid would retry later, the emulator does not). */
  status: number | null;
}

export interface OrderChange {
  order: EcwidOrder;
  /** Null without a webhookUrl, or for a store whose app is uninstalled. */
  webhook: WebhookDelivery | null;
}

export interface OrderWebhookOptions {
  oldPaymentStatus?: PaymentStatus;
  oldFulfillmentStatus?: FulfillmentStatus;
}

export interface EncryptedPayloadOptions {
  /** Encrypt with another secret, e.g. to prove the app rejects it. Default: the emulator's client secret. */
  secret?: string;
  lang?: string;
  viewMode?: "PAGE" | "POPUP" | "INLINE";
  accessToken?: string;
}

export interface HexPayloadOptions {
  lang?: string;
  viewMode?: "PAGE" | "POPUP" | "INLINE";
  accessToken?: string;
  appState?: string;
}

export interface AdminFrameOptions extends EncryptedPayloadOptions {
  mode?: "query" | "fragment";
  appState?: string;
}

export interface RunningEmulator {
  url: string;
  close(): Promise<void>;
}
