import { Router } from "express";
import type { SharedRecord, Storage } from "../storage/storage.port.js";

const unreadableReason: Record<SharedRecord, string> = {
  installs: "the install records could not be read, so no store can be served",
  receipts: "the record of webhooks already taken could not be read, so webhooks and OAuth installs are refused",
  referralCodes: "the referral codes could not be read, so no code is issued and no referral link is followed",
};

/** Liveness says the process answers; readiness says its storage does too. */
export function healthRoutes(storage: Storage): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.json({ ok: true });
  });
  // Damaged stores are listed without making the app unready, since every other store serves; a damaged shared record makes it unready.
  router.get("/readyz", async (_req, res) => {
    try {
      await storage.ping();
    } catch {
      res.status(503).json({ ok: false, storage: storage.kind });
      return;
    }
    const { stores, shared } = storage.damage();
    const ok = shared.length === 0;
    const problems = ok ? {} : { unreadable: shared, reason: shared.map((record) => unreadableReason[record]).join("; ") };
    res.status(ok ? 200 : 503).json({ ok, storage: storage.kind, damagedStores: stores, ...problems });
  });
  return router;
}
