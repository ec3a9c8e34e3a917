import { Router, type ErrorRequestHandler } from "express";
import { EcwidApiError } from "../ecwid-api-error.js";
import type { EmulatorState } from "../emulator-state.js";
import type { RateLimiter } from "../rate-limiter.js";
import { readTextBody } from "./body-readers.js";
import { catalogRoutes } from "./catalog.routes.js";
import { allowCrossOrigin } from "./cors.js";
import { couponsRoutes } from "./coupons.routes.js";
import { customerGroupsRoutes } from "./customer-groups.routes.js";
import { customersRoutes } from "./customers.routes.js";
import { ordersRoutes } from "./orders.routes.js";
import { authenticate, findStore, injectFaults, limitRate } from "./rest-guards.js";
import { storageRoutes } from "./storage.routes.js";
import { storeRoutes } from "./store.routes.js";

/** REST v3 under `/api/v3/{storeId}`: CORS, faults, store, token, rate limit, then the endpoint's scope check. */
export function restRouter(state: EmulatorState, limiter: RateLimiter): Router {
  const router = Router({ mergeParams: true });
  router.use(allowCrossOrigin, injectFaults(state), findStore(state), authenticate(state), limitRate(limiter), readTextBody);
  router.use(storeRoutes(state), ordersRoutes(), customersRoutes(state), customerGroupsRoutes(state), couponsRoutes(state), catalogRoutes(), storageRoutes());
  router.use((req) => {
    throw new EcwidApiError(404, "WRONG_URL", `The Ecwid emulator does not serve ${req.method} ${req.path}`);
  });
  router.use(restErrors);
  return router;
}

const restErrors: ErrorRequestHandler = (err: unknown, _req, res, next) => {
  if (res.headersSent) return next(err);
  if (err instanceof EcwidApiError) {
    res.set(err.headers).status(err.status).json(err.toBody());
    return;
  }
  const status = (err as { status?: unknown }).status;
  if (typeof status === "number" && status >= 400 && status < 500) {
    res.status(status).json({ errorMessage: (err as Error).message, errorCode: "WRONG_PARAMETER" });
    return;
  }
  res.status(500).json({ errorMessage: err instanceof Error ? err.message : "Internal error", errorCode: "INTERNAL_ERROR" });
};
