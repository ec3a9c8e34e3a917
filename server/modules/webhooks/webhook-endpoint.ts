import { z } from "zod";

/** The events a merchant's endpoint may subscribe to. */
export const WEBHOOK_EVENT_TYPES = ["member.points_changed", "reward.redeemed", "tier.changed", "referral.qualified", "challenge.completed"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
/** What "Send test event" sends; no endpoint subscribes to it. */
export const TEST_EVENT_TYPE = "webhook.test";
const DELIVERED_TYPES = [...WEBHOOK_EVENT_TYPES, TEST_EVENT_TYPE] as const;
export type DeliveredEventType = (typeof DELIVERED_TYPES)[number];

/** A store holds at most this many endpoints. */
export const MAX_ENDPOINTS = 10;

/**
 * A merchant's receiver of outgoing events. The signing secret is kept sealed (secret-box) and shown once;
 * `failingSince` is the first failure since the last success, and a day of it disables the endpoint.
 */
export const webhookEndpointSchema = z.object({
  id: z.string(),
  storeId: z.number().int(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  enabled: z.boolean(),
  sealedSecret: z.string(),
  failingSince: z.string().nullable(),
  /** Why it is off: the merchant's switch, or a day of failed deliveries. */
  disabledReason: z.enum(["merchant", "failing"]).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

export const DELIVERY_STATUSES = ["pending", "paused", "succeeded", "failed"] as const;

/**
 * One event for one endpoint: the queue's entry and its last outcome. `body` is the exact JSON sent (signed as
 * it is); `availableAt` is when it may next be tried (a sender holding it pushes it out by its lease).
 */
export const webhookDeliverySchema = z.object({
  id: z.string(),
  storeId: z.number().int(),
  endpointId: z.string(),
  eventId: z.string(),
  eventType: z.enum(DELIVERED_TYPES),
  body: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  availableAt: z.string(),
  createdAt: z.string(),
  lastAttemptAt: z.string().nullable(),
  /** The HTTP status of the last answer; null when there was none (refused address, network error, timeout). */
  lastStatus: z.number().int().nullable(),
  /** The start of the last answer's body, a few hundred characters at most. */
  lastResponse: z.string().nullable(),
  lastDurationMs: z.number().int().nullable(),
  lastError: z.string().nullable(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

/** A store's endpoints and their deliveries, changed in the store's units of work. */
export interface WebhookRepository {
  /** Oldest first. */
  listEndpoints(storeId: number): Promise<WebhookEndpoint[]>;
  getEndpoint(storeId: number, endpointId: string): Promise<WebhookEndpoint | null>;
  /** Inserts the endpoint or replaces the one with its id. */
  saveEndpoint(storeId: number, endpoint: WebhookEndpoint): Promise<void>;
  /** Deletes the endpoint and its deliveries; false when there was none. */
  deleteEndpoint(storeId: number, endpointId: string): Promise<boolean>;
  /** Inserts a delivery or replaces the one with its id. */
  saveDelivery(storeId: number, delivery: WebhookDelivery): Promise<void>;
  getDelivery(storeId: number, deliveryId: string): Promise<WebhookDelivery | null>;
  /** Pending deliveries available at `now`, oldest first, at most `limit`. */
  dueDeliveries(storeId: number, now: string, limit: number): Promise<WebhookDelivery[]>;
  /** The endpoint's deliveries, newest first, at most `limit`. */
  listDeliveries(storeId: number, endpointId: string, limit: number): Promise<WebhookDelivery[]>;
  /** Moves the endpoint's deliveries from `from` to `to` (pending ⇄ paused), available from `now`; how many. */
  moveDeliveries(storeId: number, endpointId: string, from: "pending" | "paused", to: "pending" | "paused", now: string): Promise<number>;
  /** Deletes finished deliveries (succeeded, failed) created before `cutoff`; how many. */
  pruneDeliveries(storeId: number, cutoff: string): Promise<number>;
}

/** Across stores: where deliveries are due, so a sender knows which stores to open. */
export interface WebhookQueue {
  /** Stores holding a pending delivery available at `now`, at most `limit`. */
  storesWithDue(now: Date, limit: number): Promise<number[]>;
}
