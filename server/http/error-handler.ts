import type { ErrorRequestHandler, RequestHandler } from "express";
import { AppError, type ErrorCode } from "../lib/errors.js";
import { EcwidApiError } from "../ecwid/ecwid-api-error.js";
import { PayloadError } from "../ecwid/iframe-payload.js";

const statusByCode: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  insufficient_scope: 403,
  store_not_installed: 403,
  scope_missing: 403,
  not_found: 404,
  conflict: 409,
  version_conflict: 412,
  idempotency_key_reused: 422,
  unstorable_text: 400,
  insufficient_points: 409,
  limit_reached: 409,
  not_available: 409,
  already_completed: 409,
  pending_review: 409,
  already_decided: 409,
  birthday_locked: 409,
  leaderboard_off: 404,
  ecwid_unavailable: 503,
  points_pending: 409,
  invalid_code: 401,
  rate_limited: 429,
  upstream_failed: 502,
  customer_groups_unavailable: 409,
  store_unavailable: 503,
  timed_out: 503,
  import_rejected: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
};

interface Mapped {
  status: number;
  code: string;
  message: string;
  /** Extra machine-readable fields an AppError carries (e.g. attemptsLeft). */
  extra?: Record<string, unknown>;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function mapError(error: unknown): Mapped {
  if (error instanceof AppError) {
    return { status: statusByCode[error.code], code: error.code, message: error.message, ...(isPlainObject(error.details) ? { extra: error.details } : {}) };
  }
  if (error instanceof PayloadError) return { status: 401, code: "invalid_payload", message: error.message };
  if (error instanceof EcwidApiError) {
    if (error.status === 403 || error.status === 401) return { status: 401, code: "ecwid_token_rejected", message: "Ecwid did not accept the store's token" };
    return { status: 502, code: "upstream_failed", message: "Ecwid could not be reached; please try again" };
  }
  if (isLockTimeout(error))
    return {
      status: 503,
      code: "busy",
      message: "The store is busy with another change (e.g. an import); try again in a moment",
      extra: { retryAfterSeconds: BUSY_RETRY_SECONDS },
    };
  return mapTransportError(error) ?? { status: 500, code: "internal", message: "Something went wrong on our side" };
}

/**
 * PostgreSQL's lock_not_available (55P03): a write waited the lock timeout for its store's lock while another unit of
 * work held it. Nothing was written, so the caller may simply send it again. (lowdb's writers queue without a limit.)
 */
const isLockTimeout = (error: unknown) => error instanceof Error && (error as Error & { code?: unknown }).code === "55P03";
const BUSY_RETRY_SECONDS = 5;

type BodyError = Error & { status: number; type?: unknown; charset?: unknown; encoding?: unknown };

const bodyErrorByType = new Map<string, (error: BodyError) => Omit<Mapped, "status">>([
  ["entity.parse.failed", () => ({ code: "malformed_json", message: "The request body is not valid JSON" })],
  ["entity.too.large", () => ({ code: "too_large", message: "The request body is too large" })],
  ["charset.unsupported", (error) => ({ code: "unsupported_charset", message: `The charset ${quoted(error.charset)} is not supported; send UTF-8` })],
  ["encoding.unsupported", (error) => ({ code: "unsupported_encoding", message: `The Content-Encoding ${quoted(error.encoding)} is not supported` })],
]);

const quoted = (value: unknown) => JSON.stringify(String(value ?? "").slice(0, 40));

/**
 * What the client sent could not be read: body-parser's errors (zlib's too, wrapped by it) and the router's
 * URIError for an undecodable path parameter already carry a 4xx `status`, which is kept.
 */
function mapTransportError(error: unknown): Mapped | null {
  if (!(error instanceof Error)) return null;
  const bodyError = error as BodyError;
  if (typeof bodyError.status !== "number" || bodyError.status < 400 || bodyError.status > 499) return null;
  const known = typeof bodyError.type === "string" ? bodyErrorByType.get(bodyError.type) : undefined;
  if (known) return { status: bodyError.status, ...known(bodyError) };
  if (error instanceof URIError) return { status: bodyError.status, code: "malformed_path", message: "The request path is not valid percent-encoded UTF-8" };
  return { status: bodyError.status, code: "malformed_body", message: "The request body could not be read" };
}

/** The one place errors become responses: JSON `{ code, message }` for APIs, a plain page for browsers. */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const mapped = mapError(error);
  // A store's damaged data is logged once, at error level, when the storage finds it; each refusal is not a new failure.
  if (mapped.status >= 500 && mapped.code !== "store_unavailable") req.log.error({ err: error }, "request failed");
  else req.log.info({ code: mapped.code, status: mapped.status }, "request refused");
  if (res.headersSent) return;
  // A rate limit says how long until it lets the caller in again.
  if (typeof mapped.extra?.retryAfterSeconds === "number") res.set("Retry-After", String(mapped.extra.retryAfterSeconds));
  if (req.accepts(["json", "html"]) === "html" && !req.path.startsWith("/api/")) {
    res.status(mapped.status).render("error", { title: "Something needs attention", message: mapped.message, code: mapped.code });
    return;
  }
  res.status(mapped.status).json({ ...mapped.extra, code: mapped.code, message: mapped.message });
};

export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json({ code: "not_found", message: `No route for ${req.method} ${req.path}` });
};
