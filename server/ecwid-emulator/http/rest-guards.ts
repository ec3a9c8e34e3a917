import type { Request, RequestHandler, Response } from "express";
import type { Fault } from "../api-types.js";
import { EcwidApiError } from "../ecwid-api-error.js";
import type { EmulatorState } from "../emulator-state.js";
import type { RateLimiter } from "../rate-limiter.js";
import { setRestStore, setRestToken, storeOf, tokenOf, tokenRecordOf } from "./request-context.js";

const FAULT_CODES: Record<number, string> = { 409: "CONSTRAINT_VIOLATION", 429: "RATE_LIMITED", 500: "INTERNAL_ERROR", 503: "SERVICE_UNAVAILABLE" };

const HANG_MS = 60_000;

/** A fault with `on` waits for its call; one without meets the next call, in the order they were queued. */
function takeFault(state: EmulatorState, method: string, path: string): Fault | undefined {
  const index = state.faults.findIndex((fault) => !fault.on || (fault.on.method.toUpperCase() === method && fault.on.path === path));
  return index < 0 ? undefined : state.faults.splice(index, 1)[0];
}

/** Answers with the next queued `failNext` fault before anything else looks at the request. */
export function injectFaults(state: EmulatorState): RequestHandler {
  return (req, res, next) => {
    const fault = takeFault(state, req.method, req.path);
    if (!fault) return next();
    if ("kind" in fault) {
      if (fault.kind === "reset") return void req.socket.destroy();
      if (fault.kind === "malformed-json") return void res.status(200).type("application/json").send('{"id":"QL-1","items":[{"name":"Te');
      if (fault.kind === "lost-call") return void holdThenDrop(req, res, fault.ms);
      if (fault.kind === "lost-answer") {
        // The endpoint does its work; whatever it answers goes nowhere.
        res.end = (() => res) as typeof res.end;
        holdThenDrop(req, res, fault.ms);
        return next();
      }
      const timer = setTimeout(next, fault.ms ?? HANG_MS);
      return void res.once("close", () => clearTimeout(timer));
    }
    const retryAfter = fault.retryAfter ?? (fault.status === 429 ? 1 : undefined);
    const headers: Record<string, string> = retryAfter === undefined ? {} : { "Retry-After": String(retryAfter) };
    next(new EcwidApiError(fault.status, FAULT_CODES[fault.status] ?? "INTERNAL_ERROR", "Injected fault (Ecwid emulator failNext)", headers));
  };
}

/** Keeps the caller waiting until it gives up (or `ms` pass), then drops the connection without an answer. */
function holdThenDrop(req: Request, res: Response, ms = HANG_MS): void {
  const timer = setTimeout(() => req.socket.destroy(), ms);
  res.once("close", () => clearTimeout(timer));
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
