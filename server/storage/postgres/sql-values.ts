import type pg from "pg";
import { conflict } from "../../lib/errors.js";

/** Anything that runs a query: the pool, or the connection of one store transaction. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

/**
 * One connection's queries, one after another. Work inside a transaction may start several repository
 * calls at once (Promise.all); node-postgres queues them itself today but deprecates that, so they
 * queue here. A failed query does not stop the ones behind it.
 */
export function serialised(client: pg.PoolClient): Queryable & { close(): Promise<void> } {
  let tail: Promise<unknown> = Promise.resolve();
  let closed = false;
  return {
    query<R extends pg.QueryResultRow>(text: string, values?: unknown[]) {
      // A query started after its unit of work ended would run outside it, or in the next borrower's.
      if (closed) return Promise.reject(new Error("this store transaction has ended"));
      const result = tail.then(() => client.query<R>(text, values));
      tail = result.catch(() => undefined);
      return result;
    },
    /** Refuses further queries, then waits for those already queued. */
    async close() {
      closed = true;
      await tail;
    },
  };
}

/**
 * timestamptz → the ISO string with milliseconds the repositories hand out (as lowdb stores them); a row read
 * through JSON (json_agg) holds PostgreSQL's text for it instead of a Date.
 */
export const iso = (value: Date | string): string => new Date(value).toISOString();

export const isoOrNull = (value: Date | null): string | null => (value === null ? null : value.toISOString());

/** A value for a jsonb parameter: node-postgres would turn a JS array into a PostgreSQL array, so everything goes as JSON text. */
export const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

const UNIQUE_VIOLATION = "23505";

/** Runs a query; a unique constraint that refuses the write becomes the app's conflict error. */
export async function run<R extends pg.QueryResultRow = pg.QueryResultRow>(db: Queryable, text: string, values: unknown[] = []): Promise<R[]> {
  try {
    return (await db.query<R>(text, values)).rows;
  } catch (error) {
    if ((error as { code?: unknown }).code === UNIQUE_VIOLATION) {
      throw conflict(`a unique value is already taken (${(error as { constraint?: string }).constraint ?? "unique constraint"})`);
    }
    throw error;
  }
}

export async function first<R extends pg.QueryResultRow = pg.QueryResultRow>(db: Queryable, text: string, values: unknown[] = []): Promise<R | null> {
  return (await run<R>(db, text, values))[0] ?? null;
}

/** Store ids become lock keys and are inlined in one statement, so only positive safe integers pass. */
export function checkStoreId(storeId: number): void {
  if (!Number.isSafeInteger(storeId) || storeId <= 0) throw new Error(`invalid store id: ${String(storeId)}`);
}

export function checkPage(page: { limit: number; offset: number }): void {
  if (!Number.isSafeInteger(page.limit) || page.limit < 0 || !Number.isSafeInteger(page.offset) || page.offset < 0) {
    throw new Error(`invalid page: limit ${page.limit}, offset ${page.offset}`);
  }
}
