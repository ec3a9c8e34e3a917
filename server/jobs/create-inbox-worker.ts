import type { Container } from "../container.js";
import { BACKFILL_EVENT } from "../modules/orders/backfill-job.js";
import { MEASUREMENT_EVENT } from "../modules/program/program-measurement.js";
import { ORDER_FETCH_EVENT } from "../modules/simulations/order-snapshot.js";
import { GROUP_WALK_EVENT } from "../modules/tiers/group-link-walk.service.js";
import { GROUP_MOVE_EVENT } from "../modules/tiers/group-move-queue.js";
import { InboxWorker, type InboxWorkerOptions } from "./inbox-worker.js";
import { orderEventHandler } from "./order-event.handler.js";

/** The worker with every event type the app acts on wired to its handler, woken when a webhook is queued here. */
export function createInboxWorker(
  container: Container,
  tuning: Partial<Pick<InboxWorkerOptions, "leaseMs" | "concurrency" | "perStoreLimit" | "idleMs" | "maxAttempts" | "requestsInFlight">> = {},
): InboxWorker {
  const onOrder = orderEventHandler(container.reconciler, container.storage);
  const worker = new InboxWorker({
    storage: container.storage,
    clock: container.clock,
    metrics: container.metrics,
    leaseMs: container.config.inboxLeaseMs,
    logger: container.logger.child({ component: "inbox" }),
    handlers: {
      "order.created": onOrder,
      "order.updated": onOrder,
      "order.deleted": onOrder,
      [BACKFILL_EVENT]: (event) => container.backfill.processPage(event),
      [MEASUREMENT_EVENT]: (event) => container.programMeasurements.processPage(event),
      [ORDER_FETCH_EVENT]: (event) => container.orderFetches.processPage(event),
      [GROUP_MOVE_EVENT]: (event) => container.groupMoves.processMove(event),
      [GROUP_WALK_EVENT]: (event) => container.groupLinkWalk.processPage(event),
    },
    ...tuning,
  });
  container.inboxQueued.listen(() => worker.wake());
  return worker;
}
