import type { WebhookDelivery, WebhookEndpoint, WebhookQueue, WebhookRepository } from "../../modules/webhooks/webhook-endpoint.js";
import { column, jsonb, PgTable, timestamp, timestampOrNull } from "./pg-table.js";
import { checkPage, run, type Queryable } from "./sql-values.js";
import type { TransactionScope } from "../transaction-scope.js";
import type pg from "pg";
import type { OpenGuard } from "./open-guard.js";

const endpointsTable = new PgTable<WebhookEndpoint>({
  table: "webhook_endpoints",
  key: "id",
  fields: {
    storeId: column("store_id"),
    id: column("id"),
    url: column("url"),
    description: column("description"),
    events: jsonb("events"),
    enabled: column("enabled"),
    sealedSecret: column("sealed_secret"),
    failingSince: timestampOrNull("failing_since"),
    disabledReason: column("disabled_reason"),
    createdAt: timestamp("created_at"),
    updatedAt: timestamp("updated_at"),
  },
});

const deliveriesTable = new PgTable<WebhookDelivery>({
  table: "webhook_deliveries",
  key: "id",
  fields: {
    storeId: column("store_id"),
    id: column("id"),
    endpointId: column("endpoint_id"),
    eventId: column("event_id"),
    eventType: column("event_type"),
    body: column("body"),
    status: column("status"),
    attempts: column("attempts"),
    availableAt: timestamp("available_at"),
    createdAt: timestamp("created_at"),
    lastAttemptAt: timestampOrNull("last_attempt_at"),
    lastStatus: column("last_status"),
    lastResponse: column("last_response"),
    lastDurationMs: column("last_duration_ms"),
    lastError: column("last_error"),
  },
});

/** Endpoints and deliveries inside one store transaction. */
export function createWebhookRepository(db: Queryable, scope: TransactionScope): WebhookRepository {
  const count = async (sql: string, values: unknown[]) => (await run(db, sql, values)).length;
  return {
    async listEndpoints(storeId) {
      scope.check(storeId);
      return endpointsTable.findMany(db, "true", [storeId]);
    },
    async getEndpoint(storeId, endpointId) {
      scope.check(storeId);
      return endpointsTable.get(db, storeId, endpointId);
    },
    async saveEndpoint(storeId, endpoint) {
      scope.checkRecord(storeId, "a webhook endpoint", endpoint.storeId);
      await endpointsTable.insert(db, endpoint, "replace");
    },
    async deleteEndpoint(storeId, endpointId) {
      scope.check(storeId);
      await run(db, "DELETE FROM webhook_deliveries WHERE store_id = $1 AND endpoint_id = $2", [storeId, endpointId]);
      return (await count("DELETE FROM webhook_endpoints WHERE store_id = $1 AND id = $2 RETURNING id", [storeId, endpointId])) === 1;
    },
    async saveDelivery(storeId, delivery) {
      scope.checkRecord(storeId, "a webhook delivery", delivery.storeId);
      await deliveriesTable.insert(db, delivery, "replace");
    },
    async getDelivery(storeId, deliveryId) {
      scope.check(storeId);
      return deliveriesTable.get(db, storeId, deliveryId);
    },
    async dueDeliveries(storeId, now, limit) {
      scope.check(storeId);
      checkPage({ limit, offset: 0 });
      const rows = await run(
        db,
        `SELECT ${deliveriesTable.columns} FROM webhook_deliveries WHERE store_id = $1 AND status = 'pending' AND available_at <= $2 ORDER BY available_at, seq LIMIT $3`,
        [storeId, now, limit],
      );
      return rows.map((row) => deliveriesTable.toDomain(row));
    },
    async listDeliveries(storeId, endpointId, limit) {
      scope.check(storeId);
      checkPage({ limit, offset: 0 });
      return (await deliveriesTable.page(db, storeId, { limit, offset: 0 }, { where: "endpoint_id = $2", values: [endpointId], orderBy: "seq DESC" })).items;
    },
    async moveDeliveries(storeId, endpointId, from, to, now) {
      scope.check(storeId);
      return count("UPDATE webhook_deliveries SET status = $4, available_at = $5 WHERE store_id = $1 AND endpoint_id = $2 AND status = $3 RETURNING id", [
        storeId,
        endpointId,
        from,
        to,
        now,
      ]);
    },
    async pruneDeliveries(storeId, cutoff) {
      scope.check(storeId);
      return count("DELETE FROM webhook_deliveries WHERE store_id = $1 AND status IN ('succeeded', 'failed') AND created_at < $2 RETURNING id", [storeId, cutoff]);
    },
  };
}

/** The stores whose deliveries are due, read from the queue's partial index. */
export function createWebhookQueue(pool: pg.Pool, guard: OpenGuard): WebhookQueue {
  return {
    async storesWithDue(now, limit) {
      guard.assertOpen();
      const rows = await run<{ store_id: string }>(
        pool,
        "SELECT DISTINCT store_id FROM (SELECT store_id FROM webhook_deliveries WHERE status = 'pending' AND available_at <= $1 ORDER BY available_at LIMIT 1000) AS due LIMIT $2",
        [now, limit],
      );
      return rows.map((row) => Number(row.store_id));
    },
  };
}
