import { Router } from "express";
import { storeUnavailable } from "../lib/errors.js";
import type { AdminSessionService } from "../modules/stores/admin-session.service.js";
import type { Storage } from "../storage/storage.port.js";

export interface AdminPageOptions {
  clientId: string;
  appUiCssUrl: string | null;
  appSdkUrl: string | null;
}

/**
 * GET /admin inside Ecwid's iframe. The encrypted `?payload=` is exchanged for a session here, on the
 * server; without it the page's script reads the legacy `#hex` fragment and asks /api/admin/session.
 * The session token is handed to the page's script, never put in a cookie (third-party inside the iframe).
 * A store whose data could not be read gets a page saying so instead of a dashboard that cannot load.
 */
export function adminPageRoutes(deps: { adminSessions: AdminSessionService; storage: Pick<Storage, "damage">; options: AdminPageOptions }): Router {
  const router = Router();
  router.get("/admin", async (req, res) => {
    const payload = typeof req.query.payload === "string" ? req.query.payload : null;
    const session = payload ? await deps.adminSessions.fromEncryptedPayload(payload) : null;
    if (session && deps.storage.damage().stores.includes(session.storeId)) throw storeUnavailable(session.storeId);
    res.set("Cache-Control", "no-store");
    res.render("admin", {
      clientId: deps.options.clientId,
      appUiCssUrl: deps.options.appUiCssUrl,
      appSdkUrl: deps.options.appSdkUrl,
      bootstrap: { session, appState: typeof req.query.app_state === "string" ? req.query.app_state : null },
    });
  });
  return router;
}
