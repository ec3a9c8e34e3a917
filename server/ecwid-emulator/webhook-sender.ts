import { randomUUID } from "node:crypto";
import { signWebhook } from "../ecwid/webhook-signature.js";
import type { OrderWebhookOptions, WebhookDelivery, WebhookEvent, WebhookInit, WebhookResult } from "./api-types.js";
import { unixSeconds } from "./ecwid-date.js";
import { requireStore, type EmulatorState } from "./emulator-state.js";
import { findOrder } from "./order-book.js";

// Ecwid gives up on a response after 10 s (CONTRACT §3.5).
const RESPONSE_TIMEOUT_MS = 10_000;

/** POSTs a signed event the way Ecwid does (CONTRACT §3.3, §3.4) and reports how the app answered. */
export async function sendWebhook(state: EmulatorState, init: WebhookInit): Promise<WebhookResult> {
  const eventId = init.eventId ?? randomUUID();
  const eventCreated = init.eventCreated ?? unixSeconds(state.now());
  const body = {
    eventId,
    eventCreated,
    storeId: init.storeId,
    entityId: init.entityId ?? defaultEntityId(init),
    eventType: init.eventType,
    ...(init.data === undefined ? {} : { data: init.data }),
  };
  const url = new URL(init.url);
  url.searchParams.set(init.queryParamName ?? "eventtype", init.eventType);
  const headers: Record<string, string> = { "Content-Type": "application/json; charset=UTF-8", "Cache-Control": "no-cache" };
  const signature = init.signature === undefined ? signWebhook(eventCreated, eventId, state.options.clientSecret) : init.signature;
  if (signature !== null) headers["X-Ecwid-Webhook-Signature"] = signature;

  const response = await fetch(url, {
    method: "POST",
    headers,
    body: JSON.stringify(body),
    redirect: "manual",
    signal: AbortSignal.timeout(RESPONSE_TIMEOUT_MS),
  });
  const text = await response.text();
  return { status: response.status, body: parseMaybeJson(text), eventId, eventCreated };
}

/**
 * After any change to an order, whatever made it (checkout, control panel, API), Ecwid sends the event to the
 * app's webhookUrl (CONTRACT §3.2); an uninstalled app gets none. Failures are reported, not retried.
 */
export async function deliverOrderEvent(state: EmulatorState, storeId: number, orderId: string, eventType: "order.created" | "order.updated"): Promise<WebhookDelivery | null> {
  const url = state.options.webhookUrl;
  if (!url || !requireStore(state, storeId).installed) return null;
  const eventId = randomUUID();
  try {
    const { status } = await sendWebhook(state, { url, eventId, ...orderWebhook(state, storeId, orderId, eventType) });
    return { eventType, eventId, status };
  } catch {
    return { eventType, eventId, status: null };
  }
}

/** `application.*` carry the store id as a string, `profile.*` as a number (CONTRACT §3.3). */
function defaultEntityId(init: WebhookInit): number | string {
  if (init.eventType.startsWith("application.")) return String(init.storeId);
  if (init.eventType.startsWith("profile.")) return init.storeId;
  throw new Error(`sendWebhook needs an entityId for ${init.eventType}`);
}

function parseMaybeJson(text: string): unknown {
  if (!text) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * An order event built from the order's current state: `entityId` is the internal id, `data.orderId` the
 * public one. The old statuses default to those before the last `updateOrder`/`refundOrder`.
 */
export function orderWebhook(
  state: EmulatorState,
  storeId: number,
  orderId: string | number,
  eventType: "order.created" | "order.updated" | "order.deleted",
  options: OrderWebhookOptions = {},
): WebhookEvent {
  const store = requireStore(state, storeId);
  const record = findOrder(store, orderId);
  const order = record?.order ?? store.deletedOrders.get(String(orderId));
  if (!order) throw new Error(`Store ${storeId} has no order ${String(orderId)}`);
  if (eventType === "order.deleted") return { storeId, eventType, entityId: order.internalId, data: { orderId: order.id } };
  const data: Record<string, unknown> = { orderId: order.id };
  if (eventType === "order.updated") {
    data.oldPaymentStatus = options.oldPaymentStatus ?? record?.previous?.paymentStatus ?? order.paymentStatus;
  }
  data.newPaymentStatus = order.paymentStatus;
  if (eventType === "order.updated") {
    data.oldFulfillmentStatus = options.oldFulfillmentStatus ?? record?.previous?.fulfillmentStatus ?? order.fulfillmentStatus;
  }
  data.newFulfillmentStatus = order.fulfillmentStatus;
  return { storeId, eventType, entityId: order.internalId, data };
}

export function customerWebhook(
  state: EmulatorState,
  storeId: number,
  customerId: number,
  eventType: "customer.created" | "customer.updated" | "customer.deleted",
  email?: string,
): WebhookEvent {
  const customer = requireStore(state, storeId).customers.get(customerId);
  const customerEmail = email ?? customer?.email;
  if (customerEmail === undefined) throw new Error(`Store ${storeId} has no customer ${customerId}; pass the email`);
  return { storeId, eventType, entityId: customerId, data: { customerEmail } };
}
