import { Router } from "express";
import { emailKindSchema, emailPreviewQuerySchema } from "../modules/emails/email-preview.js";
import type { EmailService } from "../modules/emails/email.service.js";
import { adminOf } from "./admin-auth.js";
import { parseInput } from "./validate.js";

/** `GET /emails/:kind/preview?lang=`: an email with sample facts, for the dashboard (mounted behind requireAdmin). */
export function adminEmailRoutes(deps: { emails: EmailService }): Router {
  const router = Router();
  router.get("/emails/:kind/preview", async (req, res) => {
    const kind = parseInput(emailKindSchema, req.params.kind);
    const { lang } = parseInput(emailPreviewQuerySchema, req.query);
    res.set("Cache-Control", "no-store");
    res.json(await deps.emails.preview(adminOf(res.locals).storeId, kind, lang));
  });
  return router;
}
