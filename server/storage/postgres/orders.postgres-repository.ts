import type { OrderRecord, OrderRecordRepository } from "../../modules/orders/order-record.js";
import { column, jsonb, PgTable, timestamp } from "./pg-table.js";
import type { Queryable } from "./sql-values.js";
import type { TransactionScope } from "../transaction-scope.js";

export const orderRecordsTable = new PgTable<OrderRecord>({
  table: "order_records",
  key: "orderId",
  fields: {
    storeId: column("store_id"),
    orderId: column("order_id"),
    internalId: column("internal_id"),
    memberId: column("member_id"),
    paymentStatus: column("payment_status"),
    counted: column("counted"),
    eligibleMinor: column("eligible_minor"),
    items: jsonb("items"),
    placedAt: timestamp("placed_at"),
    revision: column("revision"),
    updatedAt: timestamp("updated_at"),
  },
});

export function createOrderRecordRepository(db: Queryable, scope: TransactionScope): OrderRecordRepository {
  return {
    async get(storeId, orderId) {
      scope.check(storeId);
      return orderRecordsTable.get(db, storeId, orderId);
    },
    /** Replaces the order's earlier record, which keeps its place in the member's list. */
    async save(storeId, record) {
      scope.checkRecord(storeId, "an order record", record.storeId);
      await orderRecordsTable.insert(db, record, "replace");
    },
    async listForMember(storeId, memberId) {
      scope.check(storeId);
      return orderRecordsTable.findMany(db, "member_id = $2", [storeId, memberId]);
    },
    async findByInternalId(storeId, internalId) {
      scope.check(storeId);
      return orderRecordsTable.findOne(db, "internal_id = $2 ORDER BY seq DESC LIMIT 1", [storeId, internalId]);
    },
  };
}
