/** The one error family: modules throw these; only the HTTP error handler maps them to statuses. */
export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthorized"
  | "forbidden"
  | "insufficient_scope"
  | "not_found"
  | "conflict"
  | "version_conflict"
  | "idempotency_key_reused"
  | "unstorable_text"
  | "store_not_installed"
  | "scope_missing"
  | "insufficient_points"
  | "limit_reached"
  | "not_available"
  | "already_completed"
  | "pending_review"
  | "already_decided"
  | "birthday_locked"
  | "leaderboard_off"
  | "ecwid_unavailable"
  | "points_pending"
  | "invalid_code"
  | "rate_limited"
  | "upstream_failed"
  | "customer_groups_unavailable"
  | "store_unavailable"
  | "timed_out"
  | "import_rejected"
  | "payload_too_large"
  | "unsupported_media_type"
  | "internal";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError("bad_request", message, details);
export const unauthorized = (message: string) => new AppError("unauthorized", message);
export const forbidden = (message: string) => new AppError("forbidden", message);
export const notFound = (message: string) => new AppError("not_found", message);
export const conflict = (message: string) => new AppError("conflict", message);
/** A write sent with an If-Match that is no longer current; `current` is the thing as it is now. */
export const versionConflict = (message: string, current: unknown) => new AppError("version_conflict", message, { current });
/** Stored data that could not be read: refused (503, so Ecwid retries), never served half-read or started over empty. */
export const storeUnavailable = (storeId: number) =>
  new AppError("store_unavailable", `Questline could not read the data of store ${storeId}. Nothing was changed or deleted, and the problem was reported to support.`);
