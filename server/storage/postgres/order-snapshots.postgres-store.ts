import type pg from "pg";
import type { OrderFetch, OrderSnapshotStore, SnapshotOrder } from "../../modules/simulations/order-snapshot.js";
import type { OpenGuard } from "./open-guard.js";
import { checkStoreId, first, iso, json, run } from "./sql-values.js";

interface SnapshotRow {
  order_id: string;
  customer_id: string | null;
  email: string | null;
  payment_status: string;
  eligible_minor: string;
  total_minor: string;
  refunded_minor: string;
  placed_at: Date;
  recorded_member_id: string | null;
  recorded_points: string;
}

const COLUMNS = ["order_id", "customer_id", "email", "payment_status", "eligible_minor", "total_minor", "refunded_minor", "placed_at", "recorded_member_id", "recorded_points"];

const values = (order: SnapshotOrder) => [
  order.orderId,
  order.customerId,
  order.email,
  order.paymentStatus,
  order.eligibleMinor,
  order.totalMinor,
  order.refundedMinor,
  order.placedAt,
  order.recorded.memberId,
  order.recorded.points,
];

const fromRow = (row: SnapshotRow): SnapshotOrder => ({
  orderId: row.order_id,
  customerId: row.customer_id === null ? null : Number(row.customer_id),
  email: row.email,
  paymentStatus: row.payment_status,
  eligibleMinor: Number(row.eligible_minor),
  totalMinor: Number(row.total_minor),
  refundedMinor: Number(row.refunded_minor),
  placedAt: iso(row.placed_at),
  recorded: { memberId: row.recorded_member_id, points: Number(row.recorded_points) },
});

/** Order snapshots as rows of `order_fetches` and `snapshot_orders` (migration 022), outside the store transactions. */
export function createOrderSnapshotStore(pool: pg.Pool, guard: OpenGuard): OrderSnapshotStore {
  const open = (storeId: number) => {
    guard.assertOpen();
    checkStoreId(storeId);
  };
  return {
    async fetchOf(storeId) {
      open(storeId);
      return (await first<{ state: OrderFetch }>(pool, "SELECT state FROM order_fetches WHERE store_id = $1", [storeId]))?.state ?? null;
    },
    async saveFetch(storeId, fetch) {
      open(storeId);
      await run(pool, "INSERT INTO order_fetches (store_id, state) VALUES ($1, $2) ON CONFLICT (store_id) DO UPDATE SET state = EXCLUDED.state", [storeId, json(fetch)]);
    },
    async putOrders(storeId, generation, orders) {
      open(storeId);
      if (orders.length === 0) return;
      const width = COLUMNS.length + 2;
      const rows = orders.map((_, index) => `(${Array.from({ length: width }, (__, column) => `$${index * width + column + 1}`).join(", ")})`);
      const updates = COLUMNS.slice(1).map((column) => `${column} = EXCLUDED.${column}`);
      await run(
        pool,
        `INSERT INTO snapshot_orders (store_id, generation, ${COLUMNS.join(", ")}) VALUES ${rows.join(", ")}
         ON CONFLICT (store_id, generation, order_id) DO UPDATE SET ${updates.join(", ")}`,
        orders.flatMap((order) => [storeId, generation, ...values(order)]),
      );
    },
    async orders(storeId, generation) {
      open(storeId);
      const rows = await run<SnapshotRow>(pool, `SELECT ${COLUMNS.join(", ")} FROM snapshot_orders WHERE store_id = $1 AND generation = $2`, [storeId, generation]);
      return rows.map(fromRow);
    },
    async keepOnly(storeId, keep) {
      open(storeId);
      await run(pool, "DELETE FROM snapshot_orders WHERE store_id = $1 AND NOT (generation = ANY($2::text[]))", [storeId, keep]);
    },
    async purge(storeId) {
      open(storeId);
      await run(pool, "DELETE FROM snapshot_orders WHERE store_id = $1", [storeId]);
      await run(pool, "DELETE FROM order_fetches WHERE store_id = $1", [storeId]);
    },
  };
}
