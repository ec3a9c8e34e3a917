/** Tells listeners in this process that something keyed by `K` changed: a cache to drop, a sleeping worker to wake. */
export interface ChangeSignal<K> {
  notify(key: K): void;
  /** Returns the way to stop listening. */
  listen(listener: (key: K) => void): () => void;
}

export function createChangeSignal<K>(): ChangeSignal<K> {
  const listeners = new Set<(key: K) => void>();
  return {
    notify(key) {
      for (const listener of listeners) listener(key);
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
