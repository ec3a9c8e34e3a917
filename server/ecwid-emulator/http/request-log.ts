import type { RequestHandler } from "express";
import type { RequestLogEntry } from "../api-types.js";
import type { EmulatorState } from "../emulator-state.js";
import { queryOf, tokenOf } from "./request-context.js";

/** The newest requests are kept for tests to read; older ones go, so a long-running demo does not grow without bound. */
export const MAX_LOGGED_REQUESTS = 10_000;

/**
 * Records every request to an Ecwid endpoint. Status and body are filled in when the response head is written
 * (not on `finish`), so a test that has its response can already read a complete entry.
 */
export function requestLog(state: EmulatorState): RequestHandler {
  return (req, res, next) => {
    if (!/^\/api\/(oauth|v3)\//.test(req.path)) return next();
    const token = tokenOf(req);
    const entry: RequestLogEntry = {
      method: req.method,
      path: req.path,
      query: queryOf(req),
      body: undefined,
      status: 0,
      ...(token ? { token } : {}),
      at: state.now(),
    };
    state.requests.push(entry);
    if (state.requests.length > MAX_LOGGED_REQUESTS) state.requests.splice(0, state.requests.length - MAX_LOGGED_REQUESTS);
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
      entry.status = typeof args[0] === "number" ? args[0] : res.statusCode;
      entry.body = req.body;
      return writeHead.apply(this, args);
    } as typeof writeHead;
    next();
  };
}
