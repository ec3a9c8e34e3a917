import type { EcwidOrder } from "../ecwid-emulator/wire-types.js";
import type { OrderReconciler } from "../modules/orders/order-reconciler.service.js";
import type { UnitOfWork } from "../storage/storage.port.js";
import type { DemoClock } from "./demo-clock.js";

export interface DemoOrderBookingDeps {
  storage: UnitOfWork<"orders">;
  reconciler: Pick<OrderReconciler, "reconcile">;
  clock: DemoClock;
}

/**
 * Books the seeded shop's orders through the same reconciliation as webhooks, oldest first; resolves to how many
 * changed the books. An order new to the books is booked at the time it was placed (the seed's orders are paid
 * then), so members join, points are issued and challenges complete on the days the overview charts, not all
 * on the day the demo started. An order already booked (a restart) is checked at today's time, as a late
 * webhook would be, which changes nothing.
 */
export async function bookDemoOrders({ storage, reconciler, clock }: DemoOrderBookingDeps, storeId: number, orders: Pick<EcwidOrder, "id" | "createTimestamp">[]): Promise<number> {
  let booked = 0;
  for (const order of [...orders].sort((a, b) => (a.createTimestamp ?? 0) - (b.createTimestamp ?? 0))) {
    const known = await storage.read(storeId, (tx) => tx.orders.get(storeId, order.id));
    const reconcile = () => reconciler.reconcile(storeId, order.id);
    const placedAt = known || order.createTimestamp === undefined ? null : new Date(order.createTimestamp * 1000);
    if ((await (placedAt ? clock.at(placedAt, reconcile) : reconcile())) === "corrected") booked += 1;
  }
  return booked;
}
