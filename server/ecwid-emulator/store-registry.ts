import { ECWID_SCOPES } from "../config.js";
import type { StoreCredentials, StoreInit } from "./api-types.js";
import { requireStore, type EmulatorState, type StoreRecord, type TokenRecord } from "./emulator-state.js";
import { newPublicToken, newSecretToken } from "./random-ids.js";

/** What this app is registered with (CONTRACT §1.5); granted when a store is added without scopes. */
export const DEFAULT_APP_SCOPES: readonly string[] = ECWID_SCOPES;

const CURRENCY_PREFIXES: Record<string, string> = { USD: "$", EUR: "€", GBP: "£", AUD: "A$", CAD: "C$", JPY: "¥", INR: "₹" };

/** `read_store_profile` is always granted, even when not asked for (CONTRACT §1.2). */
export function withBaseScope(scopes: readonly string[]): string[] {
  return [...new Set(["read_store_profile", ...scopes])];
}

export function addStore(state: EmulatorState, init: Partial<StoreInit> = {}): StoreCredentials {
  const storeId = init.storeId ?? pickFreeStoreId(state);
  if (state.stores.has(storeId)) throw new Error(`The Ecwid emulator already has store ${storeId}`);
  const currency = init.currency ?? "USD";
  const store: StoreRecord = {
    storeId,
    profile: {
      storeName: init.storeName ?? `Store ${storeId}`,
      ownerEmail: init.ownerEmail ?? `owner${storeId}@example.com`,
      currency,
      currencyPrecision: init.currencyPrecision ?? (currency === "JPY" ? 0 : 2),
      currencyPrefix: init.currencyPrefix ?? CURRENCY_PREFIXES[currency] ?? "",
      currencySuffix: init.currencySuffix ?? (CURRENCY_PREFIXES[currency] ? "" : ` ${currency}`),
      lang: init.lang ?? "en",
      timeZone: init.timeZone ?? "UTC",
      ...(init.storeUrl === undefined ? {} : { storeUrl: init.storeUrl }),
    },
    scopes: withBaseScope(init.scopes ?? DEFAULT_APP_SCOPES),
    installed: true,
    installedAt: state.now(),
    subscriptionStatus: "ACTIVE",
    customerGroupsFeature: true,
    orders: new Map(),
    deletedOrders: new Map(),
    customers: new Map(),
    groups: new Map([[0, { id: 0, name: "General" }]]),
    coupons: new Map(),
    products: new Map(),
    categories: new Map(),
    storage: new Map(),
  };
  state.stores.set(storeId, store);
  return issueTokens(state, storeId, store.scopes);
}

function pickFreeStoreId(state: EmulatorState): number {
  let storeId = 10_001;
  while (state.stores.has(storeId)) storeId += 1;
  return storeId;
}

/** A fresh secret token, plus a public one when `public_storefront` is granted (CONTRACT §1.4). */
export function issueTokens(state: EmulatorState, storeId: number, scopes: readonly string[]): StoreCredentials {
  const scopeSet = new Set(scopes);
  const secret: TokenRecord = { value: newSecretToken(), storeId, kind: "secret", scopes: scopeSet, disabled: false };
  state.tokens.set(secret.value, secret);
  if (!scopeSet.has("public_storefront")) return { storeId, accessToken: secret.value };
  const pub: TokenRecord = { value: newPublicToken(), storeId, kind: "public", scopes: scopeSet, disabled: false };
  state.tokens.set(pub.value, pub);
  return { storeId, accessToken: secret.value, publicToken: pub.value };
}

/** The newest working tokens of a store. */
export function currentCredentials(state: EmulatorState, storeId: number): StoreCredentials {
  requireStore(state, storeId);
  let accessToken: string | undefined;
  let publicToken: string | undefined;
  for (const token of state.tokens.values()) {
    if (token.storeId !== storeId || token.disabled) continue;
    if (token.kind === "secret") accessToken = token.value;
    else publicToken = token.value;
  }
  if (!accessToken) throw new Error(`Store ${storeId} has no working token: the app is not installed`);
  return publicToken ? { storeId, accessToken, publicToken } : { storeId, accessToken };
}

export function disableTokens(state: EmulatorState, values: readonly string[]): void {
  for (const value of values) {
    const token = state.tokens.get(value);
    if (token) token.disabled = true;
  }
}

export function uninstall(state: EmulatorState, storeId: number): void {
  const store = requireStore(state, storeId);
  store.installed = false;
  for (const token of state.tokens.values()) if (token.storeId === storeId) token.disabled = true;
}
