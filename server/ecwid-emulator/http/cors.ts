import type { RequestHandler } from "express";

/**
 * Ecwid's REST API answers cross-origin XHRs (the JS SDK calls it from the app's own domain),
 * so a standalone emulator on another port must too. Preflights end here, before any token check.
 */
export const allowCrossOrigin: RequestHandler = (req, res, next) => {
  res.set({
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, PUT, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": "Authorization, Content-Type, X-Requested-With",
    "Access-Control-Expose-Headers": "Retry-After",
  });
  if (req.method === "OPTIONS") {
    res.sendStatus(204);
    return;
  }
  next();
};
