import type { AuthorizeRequest } from "./api-types.js";
import { requireStore, type EmulatorState } from "./emulator-state.js";
import { newAuthCode } from "./random-ids.js";
import { disableTokens, issueTokens, withBaseScope } from "./store-registry.js";

/** Scope names Ecwid documents (CONTRACT §1.5); asking for anything else is refused, as Ecwid does. */
export const KNOWN_SCOPES = new Set([
  "read_store_profile",
  "update_store_profile",
  "read_store_limits",
  "read_catalog",
  "update_catalog",
  "create_catalog",
  "read_orders",
  "update_orders",
  "create_orders",
  "read_customers",
  "update_customers",
  "create_customers",
  "read_discount_coupons",
  "update_discount_coupons",
  "create_discount_coupons",
  "customize_storefront",
  "add_to_cp",
  "add_shipping_method",
  "add_payment_method",
  "public_storefront",
  "customize_cart_calculation",
  "read_customers_extrafields",
  "update_customers_extrafields",
  "delete_customers_extrafields",
  "charge",
  "read_storefront_widget_pages",
  "allow_sso",
]);

// "A few minutes" in CONTRACT §1.3.
const CODE_LIFETIME_MS = 10 * 60_000;

/** Token endpoint failure; the body format is UNVERIFIED (CONTRACT §1.4), so it follows RFC 6749. */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

/** A malformed authorize request; Ecwid shows an error page instead of redirecting. */
export class ConsentError extends Error {}

export interface AuthorizeParams {
  redirectUri: string;
  scopes: string[];
  state?: string;
}

export function parseScopes(scope: string | string[] | undefined): string[] {
  const list = Array.isArray(scope) ? scope : (scope ?? "").split(/[\s+]+/);
  return list.map((s) => s.trim()).filter(Boolean);
}

export function validateAuthorizeParams(state: EmulatorState, params: Record<string, string | undefined>): AuthorizeParams {
  if (params.client_id !== state.options.clientId) throw new ConsentError("Unknown application: client_id does not match any app");
  if (params.response_type !== "code") throw new ConsentError("response_type must be 'code'");
  const redirectUri = params.redirect_uri;
  if (!redirectUri || !URL.canParse(redirectUri)) throw new ConsentError("redirect_uri is missing or is not an absolute URL");
  const scopes = parseScopes(params.scope);
  const unknown = scopes.filter((s) => !KNOWN_SCOPES.has(s));
  if (unknown.length) throw new ConsentError(`The application asks for scopes it is not allowed: ${unknown.join(", ")}`);
  return { redirectUri, scopes: withBaseScope(scopes), ...(params.state ? { state: params.state } : {}) };
}

/** The merchant's decision: issues a single-use code on approval and returns where the browser goes next. */
export function decide(state: EmulatorState, request: AuthorizeRequest): string {
  const store = requireStore(state, request.storeId);
  const target = new URL(request.redirectUri);
  const { oauthEchoesState, oauthRedirectIncludesStoreId } = state.options;
  if (!request.approve) {
    target.searchParams.set("error", "access_denied");
  } else {
    const scopes = request.scope === undefined ? store.scopes : withBaseScope(parseScopes(request.scope));
    const code = newAuthCode();
    state.codes.set(code, {
      code,
      storeId: store.storeId,
      redirectUri: request.redirectUri,
      scopes,
      expiresAt: state.now().getTime() + CODE_LIFETIME_MS,
      issuedTokens: null,
    });
    target.searchParams.set("code", code);
    if (oauthRedirectIncludesStoreId) target.searchParams.set("store_id", String(store.storeId));
  }
  if (oauthEchoesState && request.state) target.searchParams.set("state", request.state);
  return target.toString();
}

export interface TokenResponse {
  access_token: string;
  token_type: "Bearer";
  scope: string;
  store_id: number;
  email: string;
  public_token?: string;
}

export function exchangeCode(state: EmulatorState, params: Record<string, string | undefined>, pathStoreId?: string): TokenResponse {
  const { clientId, clientSecret } = state.options;
  for (const name of ["client_id", "client_secret", "code", "redirect_uri", "grant_type"]) {
    if (!params[name]) throw new OAuthError("invalid_request", `Missing parameter: ${name}`);
  }
  if (params.grant_type !== "authorization_code") throw new OAuthError("unsupported_grant_type", "grant_type must be authorization_code");
  if (params.client_id !== clientId || params.client_secret !== clientSecret) {
    throw new OAuthError("invalid_client", "Client authentication failed");
  }
  const record = state.codes.get(params.code ?? "");
  if (!record) throw new OAuthError("invalid_grant", "The authorization code is unknown");
  if (record.issuedTokens) {
    disableTokens(state, record.issuedTokens);
    throw new OAuthError("invalid_grant", "The authorization code was already used; the token it issued is now disabled");
  }
  if (record.expiresAt < state.now().getTime()) throw new OAuthError("invalid_grant", "The authorization code has expired");
  if (params.redirect_uri !== record.redirectUri) {
    throw new OAuthError("invalid_grant", "redirect_uri does not match the one used to authorize");
  }
  if (pathStoreId !== undefined && pathStoreId !== String(record.storeId)) {
    throw new OAuthError("invalid_grant", "The authorization code was issued for another store");
  }
  const store = requireStore(state, record.storeId);
  const credentials = issueTokens(state, store.storeId, record.scopes);
  record.issuedTokens = [credentials.accessToken, ...(credentials.publicToken ? [credentials.publicToken] : [])];
  if (!store.installed) store.installedAt = state.now();
  store.installed = true;
  store.scopes = record.scopes;
  return {
    access_token: credentials.accessToken,
    token_type: "Bearer",
    scope: record.scopes.join(" "),
    store_id: store.storeId,
    email: store.profile.ownerEmail,
    ...(credentials.publicToken ? { public_token: credentials.publicToken } : {}),
  };
}
