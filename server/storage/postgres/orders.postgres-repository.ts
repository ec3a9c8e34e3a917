import type { OrderRecord, OrderRecordRepository } from "../../modules/orders/order-record.js";
import { first, iso, run, type Queryable } from "./sql-values.js";
import type { TransactionScope } from "../transaction-scope.js";

interface OrderRow {
  store_id: number;
  order_id: string;
  internal_id: number | null;
  member_id: string;
  payment_status: string;
  counted: boolean;
  eligible_minor: number;
  placed_at: Date;
  revision: number;
  updated_at: Date;
}

const COLUMNS = "store_id, order_id, internal_id, member_id, payment_status, counted, eligible_minor, placed_at, revision, updated_at";

const toRecord = (row: OrderRow): OrderRecord => ({
  orderId: row.order_id,
  internalId: row.internal_id,
  storeId: row.store_id,
  memberId: row.member_id,
  paymentStatus: row.payment_status,
  counted: row.counted,
  eligibleMinor: row.eligible_minor,
  placedAt: iso(row.placed_at),
  revision: row.revision,
  updatedAt: iso(row.updated_at),
});

/** Saves the record, replacing the order's earlier one (which keeps its place in the member's list). */
async function saveOrderRow(db: Queryable, record: OrderRecord): Promise<void> {
  await run(
    db,
    `INSERT INTO order_records (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (store_id, order_id) DO UPDATE SET internal_id = EXCLUDED.internal_id, member_id = EXCLUDED.member_id,
       payment_status = EXCLUDED.payment_status, counted = EXCLUDED.counted, eligible_minor = EXCLUDED.eligible_minor,
       placed_at = EXCLUDED.placed_at, revision = EXCLUDED.revision, updated_at = EXCLUDED.updated_at`,
    [
      record.storeId,
      record.orderId,
      record.internalId,
      record.memberId,
      record.paymentStatus,
      record.counted,
      record.eligibleMinor,
      record.placedAt,
      record.revision,
      record.updatedAt,
    ],
  );
}

export function createOrderRecordRepository(db: Queryable, scope: TransactionScope): OrderRecordRepository {
  const findOne = async (where: string, values: unknown[]) => {
    const row = await first<OrderRow>(db, `SELECT ${COLUMNS} FROM order_records WHERE store_id = $1 AND ${where}`, values);
    return row ? toRecord(row) : null;
  };
  return {
    async get(storeId, orderId) {
      scope.check(storeId);
      return findOne("order_id = $2", [storeId, orderId]);
    },
    async save(storeId, record) {
      scope.checkRecord(storeId, "an order record", record.storeId);
      await saveOrderRow(db, record);
    },
    async listForMember(storeId, memberId) {
      scope.check(storeId);
      return (await run<OrderRow>(db, `SELECT ${COLUMNS} FROM order_records WHERE store_id = $1 AND member_id = $2 ORDER BY seq`, [storeId, memberId])).map(toRecord);
    },
    async findByInternalId(storeId, internalId) {
      scope.check(storeId);
      return findOne("internal_id = $2 ORDER BY seq DESC LIMIT 1", [storeId, internalId]);
    },
  };
}
