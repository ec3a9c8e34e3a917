import type { OrderRecord, OrderRecordRepository } from "../../modules/orders/order-record.js";
import { Table } from "./table.js";
import { type TransactionScope } from "../transaction-scope.js";
import type { UndoRecorder } from "./undo-log.js";

/** One store's order records, by public id, internal id (the latest saved wins) and member. */
export const orderTable = (rows: OrderRecord[]) =>
  new Table(rows, {
    what: "order record",
    key: (record) => record.orderId,
    groups: { internalId: (record) => record.internalId, member: (record) => record.memberId },
  });

export type OrderTable = ReturnType<typeof orderTable>;

export function createOrderRecordRepository(scope: TransactionScope, orders: OrderTable, undo: UndoRecorder): OrderRecordRepository {
  return {
    async get(storeId, orderId) {
      scope.check(storeId);
      return orders.get(orderId);
    },
    async save(storeId, record) {
      scope.checkRecord(storeId, "an order record", record.storeId);
      orders.save(record, undo);
    },
    async listForMember(storeId, memberId) {
      scope.check(storeId);
      return orders.group("member", memberId);
    },
    async findByInternalId(storeId, internalId) {
      scope.check(storeId);
      return orders.group("internalId", internalId).at(-1) ?? null;
    },
  };
}
