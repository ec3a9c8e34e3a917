import { z } from "zod";
import { LANGUAGES } from "../settings/program-settings.js";
import { EMAIL_KINDS } from "./email-templates.js";

export const emailKindSchema = z.enum(EMAIL_KINDS);

/** `GET /api/admin/emails/:kind/preview?lang=`: which email, in which language (the store's when not given). */
export const emailPreviewQuerySchema = z.object({ lang: z.enum(LANGUAGES).optional() });

/** An email as the shopper would get it, filled with sample facts, for the dashboard to show. */
export const emailPreviewSchema = z.object({
  kind: emailKindSchema,
  lang: z.enum(LANGUAGES),
  /** Whether the merchant's switch for this email is on. */
  enabled: z.boolean(),
  subject: z.string(),
  /** A whole HTML document: show it in a sandboxed iframe (`srcdoc`). */
  html: z.string(),
  text: z.string(),
});
export type EmailPreview = z.infer<typeof emailPreviewSchema>;
