import type { Storage, UnitOfWork } from "../../storage/storage.port.js";

/** Finished deliveries (delivered, or given up) are kept this long for the dashboard, then deleted. */
export const DELIVERY_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** Deletes every store's finished deliveries older than the retention; how many. Waiting and paused deliveries stay. */
export async function pruneWebhookDeliveries(storage: UnitOfWork<"webhooks"> & Pick<Storage, "storeIds">, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - DELIVERY_RETENTION_MS).toISOString();
  let pruned = 0;
  for (const storeId of await storage.storeIds()) pruned += await storage.transaction(storeId, (tx) => tx.webhooks.pruneDeliveries(storeId, cutoff));
  return pruned;
}
