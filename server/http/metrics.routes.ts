import { Router } from "express";
import { unauthorized } from "../lib/errors.js";
import type { Metrics } from "../lib/metrics.js";
import { safeEqual } from "../lib/secret-box.js";

/**
 * GET /metrics for Prometheus, only with `Authorization: Bearer $METRICS_TOKEN`. Without a configured token the
 * route does not exist (404): what the process counts is nobody else's business.
 */
export function metricsRoutes(metrics: Metrics, token: string | null): Router {
  const router = Router();
  if (!token) return router;
  router.get("/metrics", async (req, res) => {
    const presented = /^Bearer\s+(.+)$/i.exec(req.get("authorization") ?? "")?.[1];
    if (!presented || !safeEqual(presented, token)) {
      res.set("WWW-Authenticate", 'Bearer realm="metrics"');
      throw unauthorized("GET /metrics needs Authorization: Bearer with the METRICS_TOKEN");
    }
    res.set("Content-Type", metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
  return router;
}
