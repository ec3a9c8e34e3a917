import type { RequestHandler } from "express";
import { EcwidApiError } from "../ecwid-api-error.js";
import type { EmulatorState } from "../emulator-state.js";
import type { RateLimiter } from "../rate-limiter.js";
import { setRestStore, setRestToken, storeOf, tokenOf, tokenRecordOf } from "./request-context.js";

const FAULT_CODES: Record<number, string> = { 429: "RATE_LIMITED", 500: "INTERNAL_ERROR", 503: "SERVICE_UNAVAILABLE" };

const HANG_MS = 60_000;

/** Answers with the next queued `failNext` fault before anything else looks at the request. */
export function injectFaults(state: EmulatorState): RequestHandler {
  return (req, res, next) => {
    const fault = state.faults.shift();
    if (!fault) return next();
    if ("kind" in fault) {
      if (fault.kind === "reset") return void req.socket.destroy();
      if (fault.kind === "malformed-json") return void res.status(200).type("application/json").send('{"id":"QL-1","items":[{"name":"Te');
      const timer = setTimeout(next, fault.ms ?? HANG_MS);
      return void res.once("close", () => clearTimeout(timer));
    }
    const retryAfter = fault.retryAfter ?? (fault.status === 429 ? 1 : undefined);
    const headers: Record<string, string> = retryAfter === undefined ? {} : { "Retry-After": String(retryAfter) };
    next(new EcwidApiError(fault.status, FAULT_CODES[fault.status] ?? "INTERNAL_ERROR", "Injected fault (Ecwid emulator failNext)", headers));
  };
}

export function findStore(state: EmulatorState): RequestHandler {
  return (req, res, next) => {
    const raw = String(req.params.storeId ?? "");
    const store = /^\d+$/.test(raw) ? state.stores.get(Number(raw)) : undefined;
    if (!store) return next(new EcwidApiError(404, "STORE_NOT_FOUND", `Store ${raw} not found`));
    setRestStore(res, store);
    next();
  };
}

/** Invalid, disabled, or another store's token: 403 INVALID_API_TOKEN, never 401 (CONTRACT §4.3). */
export function authenticate(state: EmulatorState): RequestHandler {
  return (req, res, next) => {
    const value = tokenOf(req);
    const token = value ? state.tokens.get(value) : undefined;
    const store = storeOf(res);
    if (!token || token.disabled || token.storeId !== store.storeId) {
      return next(new EcwidApiError(403, "INVALID_API_TOKEN", value ? "Invalid access token" : "Access token is missing"));
    }
    setRestToken(res, token);
    next();
  };
}

export function limitRate(limiter: RateLimiter): RequestHandler {
  return (_req, res, next) => {
    const decision = limiter.take(tokenRecordOf(res).value);
    if (decision.allowed) return next();
    const headers = { "Retry-After": String(decision.retryAfterSeconds) };
    next(new EcwidApiError(429, "RATE_LIMITED", "Too many requests: the limit is per token per minute", headers));
  };
}

/**
 * Every listed scope is needed. Public tokens only pass where `publicTokenAllowed` is set,
 * since they reach little beyond the storefront (CONTRACT §4.5).
 */
export function requireScopes(scopes: string[], { publicTokenAllowed = false } = {}): RequestHandler {
  return (_req, res, next) => {
    const token = tokenRecordOf(res);
    if (token.kind === "public" && !publicTokenAllowed) {
      return next(new EcwidApiError(403, "INSUFFICIENT_APP_SCOPE", "A public token cannot be used for this request"));
    }
    const missing = scopes.filter((scope) => !token.scopes.has(scope));
    if (missing.length) return next(new EcwidApiError(403, "INSUFFICIENT_APP_SCOPE", `Missing access scopes: ${missing.join(", ")}`));
    next();
  };
}
