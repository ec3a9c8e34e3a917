import type { KeysetPage } from "../../lib/keyset-page.js";
import { checkPage, first, iso, json, run, type Queryable } from "./sql-values.js";

/** How one domain field is kept in a column: what goes in as a parameter, what comes back out of a row. */
export interface Column {
  name: string;
  write: (value: unknown) => unknown;
  read: (value: unknown) => unknown;
}

const same = (value: unknown) => value;

/** A column node-postgres hands back as the domain value (text, integers, booleans). */
export const column = (name: string): Column => ({ name, write: same, read: same });

/** timestamptz ↔ the ISO string with milliseconds the domain holds. */
export const timestamp = (name: string): Column => ({ name, write: same, read: (value) => iso(value as Date) });

/** As `timestamp`, or null; read from a plain query (a Date) or through JSON (`row_to_json`, text) alike. */
export const timestampOrNull = (name: string): Column => ({
  name,
  write: same,
  read: (value) => (value === null || value === undefined ? null : iso(value as Date | string)),
});

export const jsonb = (name: string): Column => ({ name, write: json, read: same });

/**
 * One PostgreSQL table declared once: every domain field's column, the key field, and columns computed from
 * the row (kept for look-ups, never read back). Every table has `store_id` (the tenant, the domain's
 * `storeId`) and `seq` (insertion order); queries are always within one store, `store_id = $1`.
 */
export interface PgTableSpec<T extends { storeId: number }> {
  table: string;
  key: keyof T & string;
  fields: { [F in keyof T]-?: Column };
  derived?: Record<string, (row: T) => unknown>;
}

/** Rows per multi-row insert: well under PostgreSQL's 65,535 parameters for any table's columns. */
const ROWS_PER_INSERT = 1000;

export class PgTable<T extends { storeId: number }> {
  readonly #columns: string;
  readonly #fields: [keyof T, Column][];
  readonly #keyColumn: string;

  constructor(private readonly spec: PgTableSpec<T>) {
    this.#fields = Object.entries(spec.fields) as [keyof T, Column][];
    this.#columns = this.#fields.map(([, column]) => column.name).join(", ");
    this.#keyColumn = spec.fields[spec.key].name;
  }

  /** The columns of every field, comma-separated, for a statement written out by hand. */
  get columns(): string {
    return this.#columns;
  }

  toDomain(row: Record<string, unknown>): T {
    return Object.fromEntries(this.#fields.map(([field, column]) => [field, column.read(row[column.name])])) as T;
  }

  /** The first row matching `where` (after `store_id = $1 AND`), in the order `where` may end with. */
  async findOne(db: Queryable, where: string, values: unknown[]): Promise<T | null> {
    const row = await first(db, `SELECT ${this.#columns} FROM ${this.spec.table} WHERE store_id = $1 AND ${where}`, values);
    return row ? this.toDomain(row) : null;
  }

  get(db: Queryable, storeId: number, key: unknown): Promise<T | null> {
    return this.findOne(db, `${this.#keyColumn} = $2`, [storeId, key]);
  }

  /** Every row matching `where`, in insertion order. */
  async findMany(db: Queryable, where: string, values: unknown[]): Promise<T[]> {
    return (await run(db, `SELECT ${this.#columns} FROM ${this.spec.table} WHERE store_id = $1 AND ${where} ORDER BY seq`, values)).map((row) => this.toDomain(row));
  }

  /**
   * A page of the store's rows with how many match: `where` is a condition on `$2`..., `orderBy` the order
   * (insertion order by default).
   */
  async page(
    db: Queryable,
    storeId: number,
    page: { limit: number; offset: number },
    query: { where?: string; values?: unknown[]; orderBy?: string } = {},
  ): Promise<{ total: number; items: T[] }> {
    checkPage(page);
    const where = query.where ? `AND ${query.where}` : "";
    const values = [storeId, ...(query.values ?? [])];
    const counted = await first<{ total: number }>(db, `SELECT count(*)::bigint AS total FROM ${this.spec.table} WHERE store_id = $1 ${where}`, values);
    const at = values.length + 1;
    const rows = await run(db, `SELECT ${this.#columns} FROM ${this.spec.table} WHERE store_id = $1 ${where} ORDER BY ${query.orderBy ?? "seq"} LIMIT $${at} OFFSET $${at + 1}`, [
      ...values,
      page.limit,
      page.offset,
    ]);
    return { total: counted?.total ?? 0, items: rows.map((row) => this.toDomain(row)) };
  }

  /** Up to `limit` of the store's rows in insertion order after `seq` `after` (0: from the first), read by key. */
  async pageAfter(db: Queryable, storeId: number, after: number, limit: number): Promise<KeysetPage<T>> {
    checkPage({ limit, offset: after });
    const rows = await run(db, `SELECT ${this.#columns}, seq AS page_seq FROM ${this.spec.table} WHERE store_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`, [
      storeId,
      after,
      limit + 1,
    ]);
    const items = rows.slice(0, limit);
    return { items: items.map((row) => this.toDomain(row)), next: rows.length > limit ? Number(items.at(-1)?.page_seq) : null };
  }

  /**
   * Inserts the row. On a taken key or unique value, "nothing" leaves the stored row and answers false (the
   * caller turns that into its own answer); "replace" overwrites the row with the same key, which keeps its place.
   */
  async insert(db: Queryable, row: T, onConflict: "nothing" | "replace"): Promise<boolean> {
    const columns = this.#writeColumns(row);
    const names = columns.map(([name]) => name);
    const placeholders = names.map((_, index) => `$${index + 1}`).join(", ");
    const changed = names.filter((name) => name !== "store_id" && name !== this.#keyColumn).map((name) => `${name} = EXCLUDED.${name}`);
    const conflict = onConflict === "nothing" ? "ON CONFLICT DO NOTHING" : `ON CONFLICT (store_id, ${this.#keyColumn}) DO UPDATE SET ${changed.join(", ")}`;
    const sql = `INSERT INTO ${this.spec.table} (${names.join(", ")}) VALUES (${placeholders}) ${conflict} RETURNING ${this.#keyColumn}`;
    return (
      (
        await run(
          db,
          sql,
          columns.map(([, value]) => value),
        )
      ).length === 1
    );
  }

  /** Inserts the rows, many to a statement; false when a taken key or unique value left any of them out. */
  async insertMany(db: Queryable, rows: T[]): Promise<boolean> {
    let inserted = 0;
    for (let at = 0; at < rows.length; at += ROWS_PER_INSERT) {
      const chunk = rows.slice(at, at + ROWS_PER_INSERT).map((row) => this.#writeColumns(row));
      const names = chunk[0]!.map(([name]) => name);
      const tuples = chunk.map((_, row) => `(${names.map((_, column) => `$${row * names.length + column + 1}`).join(", ")})`);
      const sql = `INSERT INTO ${this.spec.table} (${names.join(", ")}) VALUES ${tuples.join(", ")} ON CONFLICT DO NOTHING RETURNING ${this.#keyColumn}`;
      inserted += (
        await run(
          db,
          sql,
          chunk.flatMap((columns) => columns.map(([, value]) => value)),
        )
      ).length;
    }
    return inserted === rows.length;
  }

  /** Writes `fields` (and the derived columns) of the stored row with the row's key; false when there is none. */
  async update(db: Queryable, row: T, fields: (keyof T)[]): Promise<boolean> {
    const named = new Set(fields.map((field) => this.spec.fields[field].name));
    const columns = this.#writeColumns(row).filter(([name]) => named.has(name) || name in (this.spec.derived ?? {}));
    const set = columns.map(([name], index) => `${name} = $${index + 3}`).join(", ");
    const sql = `UPDATE ${this.spec.table} SET ${set} WHERE store_id = $1 AND ${this.#keyColumn} = $2 RETURNING ${this.#keyColumn}`;
    const values = [row.storeId, row[this.spec.key], ...columns.map(([, value]) => value)];
    return (await run(db, sql, values)).length === 1;
  }

  #writeColumns(row: T): [string, unknown][] {
    const fields = this.#fields.map(([field, column]): [string, unknown] => [column.name, column.write(row[field])]);
    const derived = Object.entries(this.spec.derived ?? {}).map(([name, valueOf]): [string, unknown] => [name, valueOf(row)]);
    return [...fields, ...derived];
  }
}
