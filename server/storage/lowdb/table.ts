import { conflict, notFound } from "../../lib/errors.js";
import { copy, copyOrNull } from "./copy.js";
import type { UndoRecorder } from "./undo-log.js";

type Key = string | number;

/** How a table is declared: its primary key and its indexes. An index's key of null leaves the row out of it. */
export interface TableSpec<Row, U extends string = never, G extends string = never> {
  /** Names the row in errors: "member", "order record". */
  what: string;
  key: (row: Row) => Key;
  /** At most one row per value; a second is refused with `conflict(message(value))`. */
  unique?: Record<U, { key: (row: Row) => Key | null; message: (value: Key) => string }>;
  /** Any number of rows per value, read back in row order. */
  groups?: Record<G, (row: Row) => Key | null>;
}

/**
 * One store's rows of one kind, kept in the store document's own array (so the document is what is
 * written), with a primary key and the declared indexes. Every change records its inverse in the
 * undo log; every row going in or out is copied, so callers never hold a stored row.
 */
export class Table<Row, U extends string = never, G extends string = never> {
  readonly #position = new Map<Key, number>();
  readonly #unique = new Map<U, Map<Key, Key>>();
  readonly #groups = new Map<G, Map<Key, Set<Key>>>();

  constructor(
    private readonly rows: Row[],
    private readonly spec: TableSpec<Row, U, G>,
  ) {
    for (const name of Object.keys(spec.unique ?? {}) as U[]) this.#unique.set(name, new Map());
    for (const name of Object.keys(spec.groups ?? {}) as G[]) this.#groups.set(name, new Map());
    this.#reindex();
  }

  get(key: Key): Row | null {
    return copyOrNull(this.#stored(key));
  }

  findBy(index: U, value: Key): Row | null {
    const key = this.#unique.get(index)?.get(value);
    return key === undefined ? null : this.get(key);
  }

  /** The rows with this value (or any of these values) of a non-unique index, in row order. */
  group(index: G, value: Key | Key[]): Row[] {
    const groups = this.#groups.get(index);
    const keys = (Array.isArray(value) ? value : [value]).flatMap((one) => [...(groups?.get(one) ?? [])]);
    const positions = keys.map((key) => this.#position.get(key)!).sort((a, b) => a - b);
    return positions.map((position) => copy(this.rows[position]!));
  }

  /** Rows matching `filter` (all by default), in row order (or newest first), a page of them. */
  page(page: { limit: number; offset: number }, filter?: (row: Row) => boolean, order: "oldest" | "newest" = "oldest"): { total: number; items: Row[] } {
    const matching = filter ? this.rows.filter(filter) : this.rows;
    const total = matching.length;
    if (order === "oldest") return { total, items: matching.slice(page.offset, page.offset + page.limit).map(copy) };
    const end = Math.max(0, total - page.offset);
    return {
      total,
      items: matching
        .slice(Math.max(0, end - page.limit), end)
        .reverse()
        .map(copy),
    };
  }

  /** Every row `match` accepts, in row order; a scan, for what runs seldom (a daily job). */
  filter(match: (row: Row) => boolean): Row[] {
    return this.rows.filter(match).map(copy);
  }

  /** How many rows share each key `keyOf` gives (keys compared as JSON); no row is copied. */
  countBy<K>(keyOf: (row: Readonly<Row>) => K): { key: K; count: number }[] {
    const counts = new Map<string, { key: K; count: number }>();
    for (const row of this.rows) {
      const key = keyOf(row);
      const id = JSON.stringify(key);
      const entry = counts.get(id);
      if (entry) entry.count++;
      else counts.set(id, { key, count: 1 });
    }
    return [...counts.values()];
  }

  /** The rows themselves, in row order, for a sum over them that must not copy each (the overview); never changed or kept. */
  stored(): readonly Readonly<Row>[] {
    return this.rows;
  }

  /** The last `limit` rows, newest (last added) first. */
  newest(limit: number): Row[] {
    return this.rows.slice(-limit).reverse().map(copy);
  }

  /** Searches from the newest row back; for short tables. */
  findLast(match: (row: Row) => boolean): Row | null {
    return copyOrNull(this.rows.findLast(match));
  }

  insert(row: Row, undo: UndoRecorder): void {
    const stored = copy(row);
    const key = this.spec.key(stored);
    if (this.#position.has(key)) throw conflict(`${this.spec.what} ${key} already exists`);
    this.#checkUnique(stored, key);
    this.#position.set(key, this.rows.length);
    this.rows.push(stored);
    this.#index(stored, key);
    undo.record(() => {
      this.#unindex(stored, key);
      this.rows.pop();
      this.#position.delete(key);
    });
  }

  /** Replaces the stored row with the same key; the caller decides which fields may change. */
  replace(row: Row, undo: UndoRecorder): void {
    const key = this.spec.key(row);
    if (!this.#position.has(key)) throw notFound(`${this.spec.what} ${key} not found`);
    this.save(row, undo);
  }

  /** Inserts the row, or replaces the one with its key. */
  save(row: Row, undo: UndoRecorder): void {
    const key = this.spec.key(row);
    const position = this.#position.get(key);
    if (position === undefined) return this.insert(row, undo);
    const stored = copy(row);
    const previous = this.rows[position]!;
    this.#checkUnique(stored, key);
    this.#unindex(previous, key);
    this.rows[position] = stored;
    this.#index(stored, key);
    undo.record(() => {
      this.#unindex(stored, key);
      this.rows[position] = previous;
      this.#index(previous, key);
    });
  }

  /** Keeps only the rows `keep` accepts; rebuilds the indexes, so it suits short tables. */
  retain(keep: (row: Row) => boolean, undo: UndoRecorder): void {
    const before = this.rows.slice();
    const kept = before.filter(keep);
    if (kept.length === before.length) return;
    this.rows.splice(0, this.rows.length, ...kept);
    this.#reindex();
    undo.record(() => {
      this.rows.splice(0, this.rows.length, ...before);
      this.#reindex();
    });
  }

  #stored(key: Key): Row | undefined {
    const position = this.#position.get(key);
    return position === undefined ? undefined : this.rows[position];
  }

  #checkUnique(row: Row, key: Key): void {
    for (const [name, index] of this.#unique) {
      const { key: valueOf, message } = this.spec.unique![name];
      const value = valueOf(row);
      const owner = value === null ? undefined : index.get(value);
      if (owner !== undefined && owner !== key) throw conflict(message(value!));
    }
  }

  #index(row: Row, key: Key): void {
    for (const [name, index] of this.#unique) {
      const value = this.spec.unique![name].key(row);
      if (value !== null) index.set(value, key);
    }
    for (const [name, index] of this.#groups) {
      const value = this.spec.groups![name](row);
      if (value === null) continue;
      const keys = index.get(value) ?? new Set<Key>();
      keys.add(key);
      index.set(value, keys);
    }
  }

  #unindex(row: Row, key: Key): void {
    for (const [name, index] of this.#unique) {
      const value = this.spec.unique![name].key(row);
      if (value !== null) index.delete(value);
    }
    for (const [name, index] of this.#groups) {
      const value = this.spec.groups![name](row);
      if (value !== null) index.get(value)?.delete(key);
    }
  }

  #reindex(): void {
    this.#position.clear();
    for (const index of this.#unique.values()) index.clear();
    for (const index of this.#groups.values()) index.clear();
    this.rows.forEach((row, position) => {
      const key = this.spec.key(row);
      this.#position.set(key, position);
      this.#index(row, key);
    });
  }
}
