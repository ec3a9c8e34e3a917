import type { OrderFetch, OrderSnapshotStore, SnapshotOrder } from "../../modules/simulations/order-snapshot.js";

/** Order snapshots in Maps: the memory storage's, gone with the process. Copies go in and out, as files and rows would. */
export function createMemoryOrderSnapshotStore(): OrderSnapshotStore {
  const fetches = new Map<number, OrderFetch>();
  const generations = new Map<number, Map<string, Map<string, SnapshotOrder>>>();
  const ofStore = (storeId: number) => generations.get(storeId) ?? generations.set(storeId, new Map()).get(storeId)!;
  return {
    async fetchOf(storeId) {
      const fetch = fetches.get(storeId);
      return fetch ? structuredClone(fetch) : null;
    },
    async saveFetch(storeId, fetch) {
      fetches.set(storeId, structuredClone(fetch));
    },
    async putOrders(storeId, generation, orders) {
      const store = ofStore(storeId);
      const held = store.get(generation) ?? store.set(generation, new Map()).get(generation)!;
      for (const order of orders) held.set(order.orderId, structuredClone(order));
    },
    async orders(storeId, generation) {
      return [...(generations.get(storeId)?.get(generation)?.values() ?? [])].map((order) => structuredClone(order));
    },
    async keepOnly(storeId, keep) {
      const store = generations.get(storeId);
      for (const generation of store?.keys() ?? []) if (!keep.includes(generation)) store!.delete(generation);
    },
    async purge(storeId) {
      fetches.delete(storeId);
      generations.delete(storeId);
    },
  };
}
