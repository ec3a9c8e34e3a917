/** The dashboard's only way to the server: JSON over fetch, errors as ApiError `{status, code, message, issues}`. */

export class ApiError extends Error {
  constructor(status, code, message, issues = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    /** A `validation_failed` answer's `[{ path, code, message, minimum?, maximum? }]`. */
    this.issues = issues;
  }
}

export async function requestJson(url, { method = "GET", body, token, headers = {} } = {}) {
  const init = { method, headers: { Accept: "application/json", ...headers }, credentials: "omit", cache: "no-store" };
  if (token) init.headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new ApiError(0, "network", "Questline could not be reached. Check your connection and try again.");
  }
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const issues = Array.isArray(data?.issues) ? data.issues : [];
    throw new ApiError(response.status, data?.code ?? `http_${response.status}`, data?.message ?? `The request failed (HTTP ${response.status}).`, issues);
  }
  return data;
}

/** A fresh key per submitted form: a retried request with the same key is applied once. */
export function newIdempotencyKey() {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

const query = (params) => new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== "")).toString();

/** The admin JSON API bound to one session token; a 401 anywhere calls `onUnauthorized`, a store whose data cannot be read `onUnavailable`. */
export function createAdminApi(token, { onUnauthorized, onUnavailable }) {
  const call = async (path, options = {}) => {
    try {
      return await requestJson(`/api/admin${path}`, { ...options, token });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) onUnauthorized(error);
      if (error instanceof ApiError && error.code === "store_unavailable") onUnavailable(error);
      throw error;
    }
  };
  const member = (id) => `/members/${encodeURIComponent(id)}`;
  const put = (body) => ({ method: "PUT", body });
  const post = (body = {}) => ({ method: "POST", body });
  return {
    store: () => call("/store"),
    members: ({ email, limit, offset }) => call(`/members?${query({ email, limit, offset })}`),
    ledger: (memberId, { limit, offset }) => call(`${member(memberId)}/ledger?${query({ limit, offset })}`),
    adjust: (memberId, { points, reason }, idempotencyKey) =>
      call(`${member(memberId)}/adjustments`, { method: "POST", body: { points, reason }, headers: { "Idempotency-Key": idempotencyKey } }),
    audit: ({ limit, offset }) => call(`/audit?${query({ limit, offset })}`),
    settings: () => call("/settings"),
    saveSettings: (settings) => call("/settings", put(settings)),
    startImport: ({ from, to }) => call("/backfills", post({ from, to })),
    imports: () => call("/backfills"),
    importJob: (id) => call(`/backfills/${encodeURIComponent(id)}`),
    inbox: () => call("/inbox"),
    retryEvent: (eventId) => call(`/inbox/${encodeURIComponent(eventId)}/retry`, post()),
  };
}
