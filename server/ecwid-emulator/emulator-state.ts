import type { EcwidEmulatorOptions, Fault, OrderInit, RequestLogEntry, StoreInit } from "./api-types.js";
import type { EcwidCategory, EcwidProduct } from "./catalog-types.js";
import type { EcwidCoupon, EcwidCustomer, EcwidCustomerGroup, EcwidOrder, FulfillmentStatus, PaymentStatus } from "./wire-types.js";

export interface ResolvedOptions {
  clientId: string;
  clientSecret: string;
  rateLimitPerMinute: number | null;
  now: () => Date;
  oauthEchoesState: boolean;
  oauthRedirectIncludesStoreId: boolean;
  webhookUrl: string | null;
}

export interface OrderRecord {
  /** What the caller asked for; amounts absent here are derived again on every rebuild. */
  init: OrderInit;
  order: EcwidOrder;
  previous?: { paymentStatus: PaymentStatus; fulfillmentStatus: FulfillmentStatus };
}

export type CouponRecord = Omit<EcwidCoupon, "orderCount">;

/** Counts and translations are derived when read. */
export type CategoryRecord = Omit<EcwidCategory, "productCount" | "productIds">;

/** Stats and the group name are derived when read, so they never go stale. */
export type CustomerRecord = Omit<EcwidCustomer, "stats" | "customerGroupName">;

export interface StoreRecord {
  storeId: number;
  profile: Omit<StoreInit, "storeId" | "scopes">;
  scopes: string[];
  installed: boolean;
  installedAt: Date;
  subscriptionStatus: "ACTIVE" | "TRIAL" | "SUSPENDED";
  /** Whether the store's plan has customer groups (`CUSTOMER_GROUPS` in the profile's `availableFeatures`). */
  customerGroupsFeature: boolean;
  orders: Map<string, OrderRecord>;
  deletedOrders: Map<string, EcwidOrder>;
  customers: Map<number, CustomerRecord>;
  groups: Map<number, EcwidCustomerGroup>;
  coupons: Map<number, CouponRecord>;
  products: Map<number, EcwidProduct>;
  categories: Map<number, CategoryRecord>;
  storage: Map<string, string>;
}

export interface TokenRecord {
  value: string;
  storeId: number;
  kind: "secret" | "public";
  scopes: ReadonlySet<string>;
  disabled: boolean;
}

export interface AuthCodeRecord {
  code: string;
  storeId: number;
  redirectUri: string;
  scopes: string[];
  expiresAt: number;
  issuedTokens: string[] | null;
}

type Sequence = "order" | "item" | "product" | "category" | "customer" | "group" | "coupon";

const SEQUENCE_STARTS: Record<Sequence, number> = {
  order: 516483480,
  item: 1828115500,
  product: 692730700,
  category: 172786200,
  customer: 270919550,
  group: 9367000,
  coupon: 358845000,
};

export interface EmulatorState {
  options: ResolvedOptions;
  stores: Map<number, StoreRecord>;
  tokens: Map<string, TokenRecord>;
  codes: Map<string, AuthCodeRecord>;
  signedInStoreId: number | null;
  requests: RequestLogEntry[];
  faults: Fault[];
  now(): Date;
  nextId(sequence: Sequence): number;
}

export function resolveOptions(options: EcwidEmulatorOptions): ResolvedOptions {
  if (!options.clientId || !options.clientSecret) throw new Error("The Ecwid emulator needs a clientId and a clientSecret");
  return {
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    rateLimitPerMinute: options.rateLimitPerMinute === undefined ? 600 : options.rateLimitPerMinute,
    now: options.now ?? (() => new Date()),
    oauthEchoesState: options.oauthEchoesState ?? true,
    oauthRedirectIncludesStoreId: options.oauthRedirectIncludesStoreId ?? true,
    webhookUrl: options.webhookUrl ?? null,
  };
}

export function createEmulatorState(options: ResolvedOptions): EmulatorState {
  const counters = new Map<Sequence, number>();
  return {
    options,
    stores: new Map(),
    tokens: new Map(),
    codes: new Map(),
    signedInStoreId: null,
    requests: [],
    faults: [],
    now: () => options.now(),
    nextId(sequence) {
      const next = (counters.get(sequence) ?? SEQUENCE_STARTS[sequence]) + 1;
      counters.set(sequence, next);
      return next;
    },
  };
}

/** For the control API: a missing store is a mistake in the test, so it throws. */
export function requireStore(state: EmulatorState, storeId: number): StoreRecord {
  const store = state.stores.get(storeId);
  if (!store) throw new Error(`The Ecwid emulator has no store ${storeId}; call addStore first`);
  return store;
}
