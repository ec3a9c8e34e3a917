import { z } from "zod";

/** The body Ecwid POSTs to the webhook URL (CONTRACT §3.3). Only eventCreated and eventId are signed. */
export const webhookEventSchema = z.object({
  eventId: z.string().min(1).max(200),
  eventCreated: z.number().int().positive(),
  storeId: z.number().int().positive(),
  entityId: z.union([z.number(), z.string()]).transform(String),
  eventType: z.string().min(1).max(100),
  data: z
    .record(z.string(), z.unknown())
    .nullish()
    .transform((data) => data ?? null),
});
export type WebhookEvent = z.infer<typeof webhookEventSchema>;
