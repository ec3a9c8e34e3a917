import { z } from "zod";

/** `GET /api/admin/program/proofs`: the review queue (pending, oldest first) or decided proofs. */
export const proofQuerySchema = z.strictObject({
  status: z.enum(["pending", "approved", "rejected"]).default("pending"),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** `POST /api/admin/program/proofs/:id/reject`: the reason the shopper reads in the widget. */
export const proofRejectionSchema = z.strictObject({ reason: z.string().trim().min(1).max(300) });

/** A proof as the dashboard lists it. */
export const proofViewSchema = z.object({
  id: z.string(),
  challengeId: z.string(),
  /** The challenge's title now; its id when the challenge was since removed. */
  challengeTitle: z.string(),
  prompt: z.string().nullable(),
  member: z.object({ id: z.string(), email: z.string().nullable() }),
  status: z.enum(["pending", "approved", "rejected"]),
  link: z.string().nullable(),
  /** `GET /api/admin/program/proofs/:id/photo` answers the image (Bearer, as every admin call); null without a photo or once decided. */
  photoPath: z.string().nullable(),
  sentAt: z.string(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
});
export type ProofView = z.infer<typeof proofViewSchema>;
export const proofListSchema = z.object({ total: z.number().int(), items: z.array(proofViewSchema) });
export type ProofList = z.infer<typeof proofListSchema>;
