/**
 * Values kept for `ttlMs` from when they were asked for, each built once however many callers ask at the
 * same time. A build that fails is not kept. `forget` drops a key at once (its data changed here); other
 * processes sharing the storage see a change when their copy expires.
 */
export class ExpiringCache<K, V> {
  readonly #entries = new Map<K, { value: Promise<V>; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
    /** Past this many keys, expired ones are swept before another is added. */
    private readonly sweepAbove = 10_000,
  ) {}

  /** `keep` says whether a built value may be kept (callers already waiting for the build get it either way). */
  get(key: K, build: () => Promise<V>, keep: (value: V) => boolean = () => true): Promise<V> {
    const at = this.now();
    const kept = this.#entries.get(key);
    if (kept && kept.expiresAt > at) return kept.value;
    if (this.#entries.size >= this.sweepAbove) this.#sweep(at);
    const entry = { value: build(), expiresAt: at + this.ttlMs };
    this.#entries.set(key, entry);
    const drop = () => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    };
    entry.value.then((value) => keep(value) || drop(), drop);
    return entry.value;
  }

  forget(key: K): void {
    this.#entries.delete(key);
  }

  #sweep(at: number): void {
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= at) this.#entries.delete(key);
  }
}
