import type { Storage, StoreTransaction, UnitOfWork } from "./storage.port.js";

/** The storage's unit of work, handing out only the named repositories. */
export function unitOfWork<K extends keyof StoreTransaction>(storage: Pick<Storage, "transaction" | "read">, ...names: K[]): UnitOfWork<K> {
  const pick = (tx: StoreTransaction) => Object.fromEntries(names.map((name) => [name, tx[name]])) as Pick<StoreTransaction, K>;
  return {
    transaction: (storeId, work) => storage.transaction(storeId, (tx) => work(pick(tx))),
    read: (storeId, work) => storage.read(storeId, (tx) => work(pick(tx))),
  };
}
