import { requestJson } from "./api.js";
import type { AdminSession } from "../modules/stores/admin-session.service.js";

export interface Bootstrap {
  clientId?: string;
  sdk?: boolean;
  session?: AdminSession | null;
}

/** What the server rendered into `<script type="application/json" id="bootstrap">`. */
export function readBootstrap(): Bootstrap {
  try {
    return (JSON.parse(document.getElementById("bootstrap")?.textContent ?? "{}") as Bootstrap | null) ?? {};
  } catch {
    return {};
  }
}

/** Hex-encoded UTF-8 JSON, as in Ecwid's legacy `#<hex>` fragment; null when it is not that. */
export function decodeHexJson(hex: string): Record<string, unknown> | null {
  if (!/^(?:[0-9a-f]{2})+$/i.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/**
 * The legacy payload, read the way EcwidApp.getPayload() does (CONTRACT §2.2): the URL fragment, else the
 * `devpayload` query parameter. A fragment starting with "/" is the dashboard's own page address, not a payload.
 */
export function readLegacyPayload(location: Location = window.location) {
  const fragment = location.hash.replace(/^#/, "");
  const hex = (fragment.startsWith("/") ? "" : fragment) || new URLSearchParams(location.search).get("devpayload") || "";
  if (!hex) return { found: false, credentials: null };
  const payload = decodeHexJson(hex);
  const storeId = Number(payload?.store_id);
  const accessToken = payload?.access_token;
  if (!Number.isInteger(storeId) || storeId <= 0 || typeof accessToken !== "string" || !accessToken) return { found: true, credentials: null };
  const lang = typeof payload?.lang === "string" ? payload.lang : undefined;
  return { found: true, credentials: { storeId, accessToken, lang } };
}

/** Drops the payload from the address bar so the token does not linger in history. */
function forgetLegacyPayload() {
  const url = new URL(window.location.href);
  url.hash = "";
  url.searchParams.delete("devpayload");
  history.replaceState(history.state, "", url.pathname + url.search);
}

export type Opened = { session: AdminSession } | { problem: "missing" | "unreadable" };

/**
 * The session for this page: the one the server made from `?payload=`, else one exchanged for the legacy
 * payload's store id and token. The token stays in memory; it is never stored.
 */
export async function openSession(bootstrap: Bootstrap): Promise<Opened> {
  if (bootstrap.session?.token) return { session: bootstrap.session };
  const { found, credentials } = readLegacyPayload();
  if (!found) return { problem: "missing" };
  forgetLegacyPayload();
  if (!credentials) return { problem: "unreadable" };
  return { session: (await requestJson<AdminSession>("/api/admin/session", { method: "POST", body: credentials })).value };
}
