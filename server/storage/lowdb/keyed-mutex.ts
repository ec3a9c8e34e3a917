/**
 * Runs tasks one at a time per key, as a promise chain per key; tasks on different keys run
 * concurrently. A task that asks again for a key it holds waits on itself forever: callers refuse
 * that where they can (`NestedUnitGuard`).
 */
export class KeyedMutex<K> {
  readonly #tails = new Map<K, Promise<void>>();

  async run<T>(key: K, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => released);
    this.#tails.set(key, tail);
    await previous;
    try {
      return await task();
    } finally {
      release();
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }

  /** Resolves once every task queued so far has finished. */
  async idle(): Promise<void> {
    await Promise.all(this.#tails.values());
  }
}
