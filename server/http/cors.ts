import type { RequestHandler } from "express";

/**
 * Open CORS for the storefront API: merchants embed their shop on any domain. It authenticates with
 * bearer tokens, never cookies, so credentials are not allowed and any origin is safe.
 */
export const openCors: RequestHandler = (req, res, next) => {
  res.set("Access-Control-Allow-Origin", "*");
  res.set("Vary", "Origin");
  if (req.method === "OPTIONS") {
    res.set("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    res.set("Access-Control-Allow-Headers", "Authorization, Content-Type, Idempotency-Key");
    res.set("Access-Control-Max-Age", "600");
    res.status(204).end();
    return;
  }
  next();
};
