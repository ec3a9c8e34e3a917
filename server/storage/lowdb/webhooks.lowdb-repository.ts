import type { WebhookDelivery, WebhookEndpoint, WebhookRepository } from "../../modules/webhooks/webhook-endpoint.js";
import { Table } from "./table.js";
import { checkPage } from "./time-ordered-log.js";
import { type TransactionScope } from "../transaction-scope.js";
import type { UndoRecorder } from "./undo-log.js";

export const webhookEndpointTable = (rows: WebhookEndpoint[]) => new Table(rows, { what: "webhook endpoint", key: (endpoint) => endpoint.id });

/** Deliveries by id, grouped by endpoint and by status (the queue reads the pending ones). */
export const webhookDeliveryTable = (rows: WebhookDelivery[]) =>
  new Table(rows, { what: "webhook delivery", key: (delivery) => delivery.id, groups: { endpoint: (delivery) => delivery.endpointId, status: (delivery) => delivery.status } });

export type WebhookEndpointTable = ReturnType<typeof webhookEndpointTable>;
export type WebhookDeliveryTable = ReturnType<typeof webhookDeliveryTable>;

/** Whether the store holds a pending delivery available at `now` (ISO). */
export const hasDueDelivery = (deliveries: WebhookDeliveryTable, now: string): boolean => deliveries.group("status", "pending").some((delivery) => delivery.availableAt <= now);

export function createWebhookRepository(scope: TransactionScope, endpoints: WebhookEndpointTable, deliveries: WebhookDeliveryTable, undo: UndoRecorder): WebhookRepository {
  return {
    async listEndpoints(storeId) {
      scope.check(storeId);
      return endpoints.filter(() => true);
    },
    async getEndpoint(storeId, endpointId) {
      scope.check(storeId);
      return endpoints.get(endpointId);
    },
    async saveEndpoint(storeId, endpoint) {
      scope.checkRecord(storeId, "a webhook endpoint", endpoint.storeId);
      endpoints.save(endpoint, undo);
    },
    async deleteEndpoint(storeId, endpointId) {
      scope.check(storeId);
      if (!endpoints.get(endpointId)) return false;
      endpoints.retain((endpoint) => endpoint.id !== endpointId, undo);
      deliveries.retain((delivery) => delivery.endpointId !== endpointId, undo);
      return true;
    },
    async saveDelivery(storeId, delivery) {
      scope.checkRecord(storeId, "a webhook delivery", delivery.storeId);
      deliveries.save(delivery, undo);
    },
    async getDelivery(storeId, deliveryId) {
      scope.check(storeId);
      return deliveries.get(deliveryId);
    },
    async dueDeliveries(storeId, now, limit) {
      scope.check(storeId);
      checkPage({ limit, offset: 0 });
      const due = deliveries.group("status", "pending").filter((delivery) => delivery.availableAt <= now);
      return due.sort((a, b) => a.availableAt.localeCompare(b.availableAt)).slice(0, limit);
    },
    async listDeliveries(storeId, endpointId, limit) {
      scope.check(storeId);
      checkPage({ limit, offset: 0 });
      return deliveries.group("endpoint", endpointId).reverse().slice(0, limit);
    },
    async moveDeliveries(storeId, endpointId, from, to, now) {
      scope.check(storeId);
      const moving = deliveries.group("endpoint", endpointId).filter((delivery) => delivery.status === from);
      for (const delivery of moving) deliveries.replace({ ...delivery, status: to, availableAt: now }, undo);
      return moving.length;
    },
    async pruneDeliveries(storeId, cutoff) {
      scope.check(storeId);
      const finished = (delivery: WebhookDelivery) => (delivery.status === "succeeded" || delivery.status === "failed") && delivery.createdAt < cutoff;
      const pruned = deliveries.filter(finished).length;
      if (pruned > 0) deliveries.retain((delivery) => !finished(delivery), undo);
      return pruned;
    },
  };
}
