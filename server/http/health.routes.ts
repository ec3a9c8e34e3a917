import { Router } from "express";
import type { Storage } from "../storage/storage.port.js";

/** Liveness says the process answers; readiness says its storage does too. */
export function healthRoutes(storage: Storage): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.json({ ok: true });
  });
  router.get("/readyz", async (_req, res) => {
    try {
      await storage.ping();
      res.json({ ok: true, storage: storage.kind });
    } catch {
      res.status(503).json({ ok: false, storage: storage.kind });
    }
  });
  return router;
}
