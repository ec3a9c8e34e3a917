import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Runs tasks one at a time per key, as a promise chain per key; tasks on different keys run
 * concurrently. A task that asks again for a key its own call chain already holds would wait on
 * itself forever, so that is refused with an error instead of hanging.
 */
export class KeyedMutex<K> {
  readonly #tails = new Map<K, Promise<void>>();
  readonly #holders = new Map<K, symbol>();
  readonly #held = new AsyncLocalStorage<ReadonlyMap<K, symbol>>();

  async run<T>(key: K, task: () => Promise<T>): Promise<T> {
    const held = this.#held.getStore();
    const mine = held?.get(key);
    if (mine !== undefined && this.#holders.get(key) === mine) {
      throw new Error(`lock "${String(key)}" is already held by this call chain (a nested transaction on the same store?)`);
    }
    const previous = this.#tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => released);
    this.#tails.set(key, tail);
    await previous;
    const token = Symbol(String(key));
    this.#holders.set(key, token);
    try {
      return await this.#held.run(new Map(held).set(key, token), task);
    } finally {
      this.#holders.delete(key);
      release();
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }

  /** Resolves once every task queued so far has finished. */
  async idle(): Promise<void> {
    await Promise.all(this.#tails.values());
  }
}
