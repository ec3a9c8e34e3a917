import { Router, type Response } from "express";
import type { UnsubscribePage, UnsubscribeService } from "../modules/emails/unsubscribe.service.js";

/**
 * The unsubscribe link of every program email. GET asks (a mail scanner following links unsubscribes nobody),
 * POST does it: the page's button, and mail clients' one-click POST (RFC 8058, body `List-Unsubscribe=One-Click`,
 * not read: the token in the path is all the proof there is). A bad token is a 400 page, never an error.
 */
export function emailUnsubscribeRoutes(unsubscribe: UnsubscribeService): Router {
  const router = Router();
  const show = (res: Response, token: string, page: UnsubscribePage) => {
    res.status(page.status === "invalid" ? 400 : 200).set("Cache-Control", "no-store");
    res.render("email/unsubscribe", { page, action: `/email/unsubscribe/${encodeURIComponent(token)}` });
  };
  router.get("/email/unsubscribe/:token", async (req, res) => {
    show(res, req.params.token, await unsubscribe.page(req.params.token));
  });
  router.post("/email/unsubscribe/:token", async (req, res) => {
    show(res, req.params.token, await unsubscribe.unsubscribe(req.params.token));
  });
  return router;
}
