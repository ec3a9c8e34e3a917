import type { OrderRecordRepository } from "../../modules/orders/order-record.js";
import type { OrderTable } from "./order-table.js";
import { type TransactionScope } from "../transaction-scope.js";
import { copy, copyOrNull } from "./copy.js";
import type { UndoRecorder } from "./undo-log.js";

export function createOrderRecordRepository(scope: TransactionScope, orders: OrderTable, undo: UndoRecorder): OrderRecordRepository {
  return {
    async get(storeId, orderId) {
      scope.check(storeId);
      return copyOrNull(orders.get(orderId));
    },
    async save(storeId, record) {
      scope.checkRecord(storeId, "an order record", record.storeId);
      orders.save(copy(record), undo);
    },
    async listForMember(storeId, memberId) {
      scope.check(storeId);
      return orders.forMember(memberId).map(copy);
    },
    async findByInternalId(storeId, internalId) {
      scope.check(storeId);
      return copyOrNull(orders.findByInternalId(internalId));
    },
  };
}
