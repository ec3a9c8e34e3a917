import type { ChangeSignal } from "../lib/change-signal.js";
import type { Storage } from "./storage.port.js";

/**
 * The storage, telling `written` of the store after each of its transactions (and purges) in this process
 * ends, committed or not, before the caller hears of it: answers kept from that store's data are dropped
 * before anyone can ask again.
 */
export function signalStoreWrites(storage: Storage, written: ChangeSignal<number>): Storage {
  const after = async <T>(storeId: number, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } finally {
      written.notify(storeId);
    }
  };
  // Built on the storage itself (not a copy of its own fields), so whatever it inherits stays reachable.
  const signalling: Pick<Storage, "transaction" | "purgeStoreData"> = {
    transaction: (storeId, work) => after(storeId, () => storage.transaction(storeId, work)),
    purgeStoreData: (storeId) => after(storeId, () => storage.purgeStoreData(storeId)),
  };
  return Object.assign(Object.create(storage) as Storage, signalling);
}
