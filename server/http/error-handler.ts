import type { ErrorRequestHandler, RequestHandler } from "express";
import { AppError, type ErrorCode } from "../lib/errors.js";
import { EcwidApiError } from "../ecwid/ecwid-api-error.js";
import { PayloadError } from "../ecwid/iframe-payload.js";

const statusByCode: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  store_not_installed: 403,
  not_found: 404,
  conflict: 409,
  idempotency_key_reused: 422,
  insufficient_points: 409,
  invalid_code: 401,
  rate_limited: 429,
  upstream_failed: 502,
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
  const bodyError = error as { type?: string; status?: number };
  if (bodyError.type === "entity.parse.failed") return { status: 400, code: "malformed_json", message: "The request body is not valid JSON" };
  if (bodyError.type === "entity.too.large") return { status: 413, code: "too_large", message: "The request body is too large" };
  return { status: 500, code: "internal", message: "Something went wrong on our side" };
}

/** The one place errors become responses: JSON `{ code, message }` for APIs, a plain page for browsers. */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const mapped = mapError(error);
  if (mapped.status >= 500) req.log.error({ err: error }, "request failed");
  else req.log.info({ code: mapped.code, status: mapped.status }, "request refused");
  if (res.headersSent) return;
  if (req.accepts(["json", "html"]) === "html" && !req.path.startsWith("/api/")) {
    res.status(mapped.status).render("error", { title: "Something needs attention", message: mapped.message, code: mapped.code });
    return;
  }
  res.status(mapped.status).json({ ...mapped.extra, code: mapped.code, message: mapped.message });
};

export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json({ code: "not_found", message: `No route for ${req.method} ${req.path}` });
};
