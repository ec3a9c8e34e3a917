/**
 * Guards the repositories handed to one transaction: they serve only the transaction's store,
 * and only until the transaction ends.
 */
export class TransactionScope {
  #open = true;

  constructor(readonly storeId: number) {}

  check(storeId: number): void {
    if (!this.#open) throw new Error(`the transaction on store ${this.storeId} has ended`);
    if (storeId !== this.storeId) throw new Error(`a transaction on store ${this.storeId} cannot touch store ${storeId}`);
  }

  /** The record itself must belong to the store too. */
  checkRecord(storeId: number, what: string, recordStoreId: number): void {
    this.check(storeId);
    if (recordStoreId !== storeId) throw new Error(`${what} of store ${recordStoreId} cannot be written to store ${storeId}`);
  }

  end(): void {
    this.#open = false;
  }
}
