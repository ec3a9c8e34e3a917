import type { OrderReconciler } from "../modules/orders/order-reconciler.service.js";
import type { UnitOfWork } from "../storage/storage.port.js";
import type { EventHandler } from "./inbox-worker.js";

/**
 * order.created / order.updated / order.deleted: reconcile by the public `data.orderId`, never by the internal
 * entityId. An event without data (order.deleted's body is unverified) is matched through our own records.
 */
export function orderEventHandler(reconciler: OrderReconciler, storage: UnitOfWork<"orders">): EventHandler {
  return async (event) => {
    const fromData = event.data?.orderId;
    let orderId = typeof fromData === "string" || typeof fromData === "number" ? String(fromData) : null;
    const internalId = Number(event.entityId);
    if (!orderId && Number.isInteger(internalId) && internalId > 0) {
      const record = await storage.read(event.storeId, (tx) => tx.orders.findByInternalId(event.storeId, internalId));
      orderId = record?.orderId ?? null;
    }
    if (orderId) await reconciler.reconcile(event.storeId, orderId);
  };
}
