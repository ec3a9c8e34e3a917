/**
 * Answers kept for a short while, each built once however many callers ask at the same time, in groups
 * (a store) dropped together when the group's data changes. Bounded: past `maxEntries`, the oldest kept
 * goes first. A build that fails is not kept, nor one whose group changed while it was being built.
 */
export class GroupedCache<G, V> {
  readonly #entries = new Map<string, Entry<G, V>>();
  readonly #groups = new Map<G, Set<string>>();

  constructor(
    private readonly options: {
      ttlMs: number;
      maxEntries: number;
      /** The app's clock, so a test that moves time on sees answers of the time it moved to. */
      now: () => number;
    },
  ) {}

  get(group: G, key: string, build: () => Promise<V>): Promise<V> {
    const at = this.options.now();
    const kept = this.#entries.get(key);
    if (kept && kept.builtAt <= at && at < kept.builtAt + this.options.ttlMs) return kept.value;
    if (kept) this.#drop(key, kept);
    const entry: Entry<G, V> = { group, builtAt: at, value: build() };
    this.#add(key, entry);
    entry.value.catch(() => this.#entries.get(key) === entry && this.#drop(key, entry));
    return entry.value;
  }

  /** The group's data changed: its answers, and those being built, are not kept. */
  forget(group: G): void {
    const keys = this.#groups.get(group);
    if (!keys) return;
    this.#groups.delete(group);
    for (const key of keys) this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }

  #add(key: string, entry: Entry<G, V>): void {
    while (this.#entries.size >= this.options.maxEntries) {
      const [oldestKey, oldest] = this.#entries.entries().next().value!;
      this.#drop(oldestKey, oldest);
    }
    this.#entries.set(key, entry);
    let keys = this.#groups.get(entry.group);
    if (!keys) this.#groups.set(entry.group, (keys = new Set()));
    keys.add(key);
  }

  #drop(key: string, entry: Entry<G, V>): void {
    this.#entries.delete(key);
    const keys = this.#groups.get(entry.group);
    keys?.delete(key);
    if (keys?.size === 0) this.#groups.delete(entry.group);
  }
}

interface Entry<G, V> {
  group: G;
  builtAt: number;
  value: Promise<V>;
}
