import { Router } from "express";
import type { EmulatorState } from "../emulator-state.js";
import type { RateLimiter } from "../rate-limiter.js";
import { oauthRoutes } from "./oauth.routes.js";
import { requestLog } from "./request-log.js";
import { restRouter } from "./rest.router.js";

/** Everything Ecwid serves, with paths relative to wherever the host mounts it. */
export function emulatorRouter(state: EmulatorState, limiter: RateLimiter): Router {
  const router = Router();
  router.use(requestLog(state));
  router.use("/api/oauth", oauthRoutes(state));
  router.use("/api/v3/:storeId", restRouter(state, limiter));
  return router;
}
