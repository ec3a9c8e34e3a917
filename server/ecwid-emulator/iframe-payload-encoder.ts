import { createCipheriv, randomBytes } from "node:crypto";
import type { AdminFrameOptions, HexPayloadOptions } from "./api-types.js";
import { requireStore, type EmulatorState } from "./emulator-state.js";
import { currentCredentials } from "./store-registry.js";

/**
 * The inverse of `decryptIframePayload` (CONTRACT §2.2): AES-128-CBC keyed by the first 16 characters
 * of the client secret, IV prepended, url-safe base64 without padding.
 */
export function encryptIframePayload(payload: object, clientSecret: string, iv: Buffer = randomBytes(16)): string {
  const key = Buffer.from(clientSecret.slice(0, 16), "utf8");
  if (key.length !== 16) throw new Error("The client secret must be at least 16 characters to key AES-128");
  if (iv.length !== 16) throw new Error("The IV must be 16 bytes");
  const cipher = createCipheriv("aes-128-cbc", key, iv);
  return Buffer.concat([iv, cipher.update(JSON.stringify(payload), "utf8"), cipher.final()]).toString("base64url");
}

/** The legacy `#<hex>` fragment form: plain JSON as hex, unauthenticated. */
export function encodeHexPayload(payload: object): string {
  return Buffer.from(JSON.stringify(payload), "utf8").toString("hex");
}

/** The store context Ecwid hands the app page; `app_state` only travels inside the payload in the hex form. */
export function iframePayloadFor(state: EmulatorState, storeId: number, options: HexPayloadOptions = {}): Record<string, unknown> {
  const store = requireStore(state, storeId);
  const credentials = currentCredentials(state, storeId);
  return {
    store_id: storeId,
    lang: options.lang ?? store.profile.lang,
    access_token: options.accessToken ?? credentials.accessToken,
    view_mode: options.viewMode ?? "PAGE",
    ...(credentials.publicToken ? { public_token: credentials.publicToken } : {}),
    ...(options.appState === undefined ? {} : { app_state: options.appState }),
  };
}

/** The URL Ecwid loads in the admin iframe, in the encrypted query form (default) or the legacy fragment form. */
export function adminFrameUrl(state: EmulatorState, storeId: number, iframeUrl: string, options: AdminFrameOptions = {}): string {
  const { mode = "query", appState, secret, ...payloadOptions } = options;
  const url = new URL(iframeUrl);
  if (mode === "fragment") {
    url.hash = encodeHexPayload(iframePayloadFor(state, storeId, { ...payloadOptions, appState }));
    return url.toString();
  }
  const payload = encryptIframePayload(iframePayloadFor(state, storeId, payloadOptions), secret ?? state.options.clientSecret);
  url.searchParams.set("payload", payload);
  if (appState !== undefined) url.searchParams.set("app_state", appState);
  url.searchParams.set("cache-killer", randomBytes(6).toString("hex"));
  return url.toString();
}
