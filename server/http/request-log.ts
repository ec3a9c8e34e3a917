import { IncomingMessage } from "node:http";
import { newId } from "../lib/ids.js";
import type { Logger } from "../lib/logger.js";
import type { RequestStep } from "./every-request.js";

/** Ids of the requests that bring none: one random id per process, then a count, so no random bytes are drawn per request. */
const processId = newId("req");
let served = 0;
const nextRequestId = () => `${processId}${(++served).toString(36)}`;

/** Where a request keeps what its logger is made of. */
const LOG_STATE: unique symbol = Symbol("request log");

interface LogState {
  logger: Logger;
  line: { id: string; method: string | undefined; path: string };
  child?: Logger;
}

declare module "http" {
  interface IncomingMessage {
    id: string;
    /** The app's logger bound to this request's id, method and path, for a route's own lines. */
    log: Logger;
    [LOG_STATE]?: LogState;
  }
}

/**
 * `req.log`, defined once for every request: defining it on each request (with its own getter) gave each one
 * an object shape of its own, which made every later property read of a request in Express slower.
 */
function defineRequestLogger(): void {
  if (Object.hasOwn(IncomingMessage.prototype, "log")) return;
  Object.defineProperty(IncomingMessage.prototype, "log", {
    configurable: true,
    get(this: IncomingMessage): Logger {
      const state = this[LOG_STATE];
      if (!state) throw new Error("req.log is made by the requestLog middleware, which this request has not passed");
      return (state.child ??= state.logger.child({ req: state.line }));
    },
  });
}

/**
 * One line per request once it is answered (or aborted), carrying an id the caller may give in
 * X-Request-Id and that the answer carries back. Query strings carry Ecwid's payload and OAuth codes,
 * request headers carry tokens, response headers the OAuth nonce cookie and state: the line holds only
 * the method, path and status. Nothing is built per request that a line does not need: `req.log` is made
 * the first time a route logs.
 */
export function requestLog(logger: Logger, options: { skip: (path: string) => boolean; debug: (path: string) => boolean }): RequestStep {
  defineRequestLogger();
  return (req, res) => {
    const given = req.headers["x-request-id"];
    const id = (typeof given === "string" && given.slice(0, 64)) || nextRequestId();
    res.setHeader("X-Request-Id", id);
    req.id = id;
    const started = Date.now();
    const query = req.url.indexOf("?");
    const path = query === -1 ? req.url : req.url.slice(0, query);
    const line = { id, method: req.method, path };
    req[LOG_STATE] = { logger, line };
    if (!options.skip(path)) {
      // "close" comes once per answer: `on` spares the wrapper `once` builds for each request.
      res.on("close", () => {
        const fields = { req: line, res: { statusCode: res.statusCode }, responseTime: Date.now() - started };
        const message = res.writableFinished ? "request completed" : "request aborted";
        if (options.debug(path)) logger.debug(fields, message);
        else logger.info(fields, message);
      });
    }
  };
}
