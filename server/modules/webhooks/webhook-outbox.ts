import { newId } from "../../lib/ids.js";
import type { StoreTransaction } from "../../storage/storage.port.js";
import type { Member } from "../members/member.js";
import type { DeliveredEventType, WebhookDelivery, WebhookEventType } from "./webhook-endpoint.js";

/** What every event's `data` says of the member it is about. */
export interface MemberRef {
  id: string;
  email: string | null;
  customerId: number | null;
}

export const memberRef = (member: Pick<Member, "id" | "email" | "customerId">): MemberRef => ({ id: member.id, email: member.email, customerId: member.customerId });

/** The body every endpoint receives, signed as it is (README, "Outgoing webhooks"). */
export interface WebhookEventBody {
  /** Unique per event: a receiver de-duplicates by it (a delivery may arrive more than once). */
  id: string;
  type: DeliveredEventType;
  createdAt: string;
  storeId: number;
  data: Record<string, unknown>;
}

export type EventTx = Pick<StoreTransaction, "webhooks">;

/**
 * Records the event for every enabled endpoint subscribed to its type, inside the unit of work that makes the
 * change (the outbox): it is sent only if that change is committed, and is never lost once it is. A store
 * without such endpoints records nothing.
 */
export async function recordWebhookEvent(tx: EventTx, storeId: number, type: WebhookEventType, data: Record<string, unknown>, at: Date): Promise<void> {
  const endpoints = (await tx.webhooks.listEndpoints(storeId)).filter((endpoint) => endpoint.enabled && endpoint.events.includes(type));
  if (endpoints.length === 0) return;
  const body = eventBody(storeId, type, data, at);
  for (const endpoint of endpoints) await tx.webhooks.saveDelivery(storeId, newDelivery(storeId, endpoint.id, body));
}

export const eventBody = (storeId: number, type: DeliveredEventType, data: Record<string, unknown>, at: Date): WebhookEventBody => ({
  id: newId("evt"),
  type,
  createdAt: at.toISOString(),
  storeId,
  data,
});

/** A delivery of `body` to the endpoint, to be tried at once. */
export function newDelivery(storeId: number, endpointId: string, body: WebhookEventBody): WebhookDelivery {
  return {
    id: newId("whd"),
    storeId,
    endpointId,
    eventId: body.id,
    eventType: body.type,
    body: JSON.stringify(body),
    status: "pending",
    attempts: 0,
    availableAt: body.createdAt,
    createdAt: body.createdAt,
    lastAttemptAt: null,
    lastStatus: null,
    lastResponse: null,
    lastDurationMs: null,
    lastError: null,
  };
}
