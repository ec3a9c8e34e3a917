import { Router } from "express";
import { z } from "zod";
import { emailKindSchema, emailPreviewQuerySchema } from "../modules/emails/email-preview.js";
import type { EmailService } from "../modules/emails/email.service.js";
import { adminOf } from "./admin-auth.js";
import { describeRoute } from "./openapi/route-doc.js";
import { parseInput } from "./validate.js";

const emailParams = z.object({ kind: emailKindSchema });

/** `GET /emails/:kind/preview?lang=`: an email with sample facts, for the dashboard (mounted behind requireAdmin). */
export function adminEmailRoutes(deps: { emails: EmailService }): Router {
  const router = Router();
  router.get(
    "/emails/:kind/preview",
    describeRoute({ tag: "Emails", summary: "An email as shoppers would get it, with sample facts", params: emailParams, query: emailPreviewQuerySchema }),
    async (req, res) => {
      const { kind } = parseInput(emailParams, req.params);
      const { lang } = parseInput(emailPreviewQuerySchema, req.query);
      res.set("Cache-Control", "no-store");
      res.json(await deps.emails.preview(adminOf(res.locals).storeId, kind, lang));
    },
  );
  return router;
}
