import type { RequestHandler, Response } from "express";
import type { Metrics } from "../lib/metrics.js";
import type { RequestStep } from "./every-request.js";

/** The label of a request nobody routed (404s, probes): one series, whatever the path. */
export const UNMATCHED_ROUTE = "unmatched";

declare module "express-serve-static-core" {
  interface Locals {
    /** The pattern the router handling this request is mounted at. */
    routePrefix?: string;
    /** A name for a response that no route declares. */
    routeLabel?: string;
  }
}

/**
 * Marks the requests a router mounted at `pattern` handles, so the metric can name the route as declared
 * (`/api/storefront/:storeId/me`): Express keeps only the matched values of a mount path, never its pattern.
 */
export function mountedAt(pattern: string): RequestHandler {
  return (_req, res, next) => {
    res.locals.routePrefix = pattern;
    next();
  };
}

/** For responses no route declares but the code still knows by name (static files). */
export function labelRoute(res: Response, label: string): void {
  res.locals.routeLabel = label;
}

/**
 * Times every request under a label fixed by the code: the route pattern that answered, never a value from
 * the URL, so no caller can add a series.
 */
export function routeMetrics(metrics: Metrics): RequestStep {
  return (req, res) => {
    const stop = metrics.httpRequests.startTimer();
    // "finish" comes once per answer: `on` spares the wrapper `once` builds for each request.
    res.on("finish", () => {
      const { locals } = res;
      const path = req.route?.path;
      const route = locals.routeLabel ?? (typeof path === "string" ? `${locals.routePrefix ?? ""}${path}` : UNMATCHED_ROUTE);
      stop({ route, status: String(res.statusCode) });
    });
  };
}
