import { Router } from "express";
import type { AdminSessionService } from "../modules/stores/admin-session.service.js";

export interface AdminPageOptions {
  clientId: string;
  appUiCssUrl: string | null;
  appSdkUrl: string | null;
}

/**
 * GET /admin inside Ecwid's iframe. The encrypted `?payload=` is exchanged for a session here, on the
 * server; without it the page's script reads the legacy `#hex` fragment and asks /api/admin/session.
 * The session token is handed to the page's script, never put in a cookie (third-party inside the iframe).
 */
export function adminPageRoutes(deps: { adminSessions: AdminSessionService; options: AdminPageOptions }): Router {
  const router = Router();
  router.get("/admin", async (req, res) => {
    const payload = typeof req.query.payload === "string" ? req.query.payload : null;
    const session = payload ? await deps.adminSessions.fromEncryptedPayload(payload) : null;
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
