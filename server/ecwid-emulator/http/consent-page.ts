import type { AuthorizeParams } from "../oauth-flow.js";

export interface ConsentPageInput {
  clientId: string;
  params: AuthorizeParams;
  /** The store signed in to the fake control panel, or every store to choose from. */
  signedIn: { storeId: number; storeName: string } | null;
  stores: { storeId: number; storeName: string }[];
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

const hidden = (name: string, value: string): string => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;

const STYLE = `body{font-family:system-ui,sans-serif;background:#f4f6f8;margin:0;padding:48px 16px;color:#1d2129}
main{max-width:460px;margin:auto;background:#fff;border-radius:8px;padding:32px;box-shadow:0 2px 12px #0001}
h1{font-size:20px;margin:0 0 8px}ul{padding-left:20px;color:#444}select{width:100%;padding:8px;margin:8px 0 16px}
.actions{display:flex;gap:12px;margin-top:24px}button{flex:1;padding:12px;border-radius:6px;border:1px solid #0a7cff;font-size:15px;cursor:pointer}
.approve{background:#0a7cff;color:#fff}.deny{background:#fff;color:#0a7cff}.note{font-size:12px;color:#888;margin-top:24px}`;

/** The fake Ecwid permission dialog: Approve and Deny post back to the authorize endpoint. */
export function renderConsentPage({ clientId, params, signedIn, stores }: ConsentPageInput): string {
  const storePicker = signedIn
    ? `<p>Store: <strong>${escapeHtml(signedIn.storeName)}</strong> (#${signedIn.storeId})</p>${hidden("store_id", String(signedIn.storeId))}`
    : `<label for="store_id">Sign in to a store</label><select id="store_id" name="store_id">${stores
        .map((s) => `<option value="${s.storeId}">${escapeHtml(s.storeName)} (#${s.storeId})</option>`)
        .join("")}</select>`;
  const disabled = !signedIn && stores.length === 0 ? " disabled" : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Install ${escapeHtml(clientId)} — Ecwid emulator</title><style>${STYLE}</style></head>
<body><main>
<h1>Install “${escapeHtml(clientId)}”?</h1>
<form method="post" action="authorize">
${storePicker}
<p>The app asks for access to:</p>
<ul>${params.scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join("")}</ul>
${hidden("client_id", clientId)}${hidden("response_type", "code")}${hidden("redirect_uri", params.redirectUri)}${hidden("scope", params.scopes.join(" "))}${params.state ? hidden("state", params.state) : ""}
<div class="actions">
<button class="deny" type="submit" name="decision" value="deny">Deny</button>
<button class="approve" type="submit" name="decision" value="approve"${disabled}>Approve</button>
</div>
</form>
<p class="note">Ecwid emulator: this stands in for the Ecwid control panel's permission dialog.</p>
</main></body></html>`;
}

export function renderConsentError(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ecwid emulator — error</title><style>${STYLE}</style></head>
<body><main><h1>Cannot install this app</h1><p>${escapeHtml(message)}</p></main></body></html>`;
}
