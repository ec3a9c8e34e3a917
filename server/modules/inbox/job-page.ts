import { pendingInboxEvent, type InboxEvent, type InboxRepository } from "./inbox-event.js";

/**
 * Queues one page of a background job (an order import, a program measurement) as an inbox event, so it is
 * durable, leased to one worker at a time and taken again after a crash. A page queued twice is stored once.
 */
export function queueJobPage(inbox: InboxRepository, page: Pick<InboxEvent, "eventId" | "storeId" | "eventType" | "entityId" | "data">, now: Date): Promise<{ created: boolean }> {
  return inbox.add(page.storeId, pendingInboxEvent({ ...page, eventCreated: Math.floor(now.getTime() / 1000) }, now));
}
