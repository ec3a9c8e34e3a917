import { z } from "zod";
import { MAX_ENDPOINTS, WEBHOOK_EVENT_TYPES, webhookDeliverySchema, webhookEndpointSchema } from "./webhook-endpoint.js";

const events = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1)
  .max(WEBHOOK_EVENT_TYPES.length)
  .refine((list) => new Set(list).size === list.length, { message: "each event once" });

/** `POST /api/admin/webhook-endpoints`: where to send which events. */
export const endpointCreateSchema = z.strictObject({
  url: z.url().max(2000),
  description: z.string().trim().max(200).default(""),
  events,
  enabled: z.boolean().default(true),
});
export type EndpointCreate = z.infer<typeof endpointCreateSchema>;

/** `PATCH /api/admin/webhook-endpoints/:id`: any of the fields; turning `enabled` on resumes paused deliveries. */
export const endpointUpdateSchema = z.strictObject({
  url: z.url().max(2000).optional(),
  description: z.string().trim().max(200).optional(),
  events: events.optional(),
  enabled: z.boolean().optional(),
});
export type EndpointUpdate = z.infer<typeof endpointUpdateSchema>;

export const endpointParamsSchema = z.object({ endpointId: z.string().min(1).max(64) });

/** An endpoint as the merchant reads it: never its secret, which is shown once (create, roll). */
export const endpointViewSchema = webhookEndpointSchema.omit({ sealedSecret: true, storeId: true });
export type EndpointView = z.infer<typeof endpointViewSchema>;

export const endpointListSchema = z.object({ items: z.array(endpointViewSchema), limit: z.literal(MAX_ENDPOINTS) });
export type EndpointList = z.infer<typeof endpointListSchema>;

/** The answer to a create or a roll: the endpoint and its signing secret, shown this once. */
export const endpointWithSecretSchema = z.object({ endpoint: endpointViewSchema, secret: z.string() });
export type EndpointWithSecret = z.infer<typeof endpointWithSecretSchema>;

/** A delivery as the dashboard lists it: the event and its last answer, not the body. */
export const deliveryViewSchema = webhookDeliverySchema.omit({ storeId: true, body: true });
export type DeliveryView = z.infer<typeof deliveryViewSchema>;
export const deliveryListSchema = z.object({ items: z.array(deliveryViewSchema) });
export type DeliveryList = z.infer<typeof deliveryListSchema>;
