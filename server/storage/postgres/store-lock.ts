import { AsyncLocalStorage } from "node:async_hooks";
import type pg from "pg";
import { checkStoreId, serialised, type Queryable } from "./sql-values.js";

/** Stores whose lock the current call chain holds. */
const held = new AsyncLocalStorage<ReadonlySet<number>>();

/**
 * Runs `work` in one database transaction holding the store's lock. `pg_advisory_xact_lock(storeId)`
 * is taken first, so units of work on one store run one after another across every process sharing
 * the database (read, decide, write: no lost update, no double spend), while other stores never
 * wait. COMMIT or ROLLBACK releases the lock, and so does a connection that dies. READ COMMITTED is
 * enough: every statement after the lock sees all that was committed before it was granted.
 * A nested unit of work on the same store would wait on itself forever, so it is refused instead.
 */
export function withStoreLock<T>(pool: pg.Pool, storeId: number, work: (db: Queryable) => Promise<T>): Promise<T> {
  checkStoreId(storeId);
  const outer = held.getStore();
  if (outer?.has(storeId)) throw new Error(`the lock of store ${storeId} is already held by this call chain (a nested transaction on the same store?)`);
  // storeId is a checked integer, so the lock rides with BEGIN in one round trip. A writer waits at most
  // LOCK_WAIT for the store's lock, so one stuck store cannot hold every pooled connection for long.
  const begin = `BEGIN; SET LOCAL lock_timeout = '${LOCK_WAIT}'; SELECT pg_advisory_xact_lock(${storeId})`;
  return inTransaction(pool, begin, (db) => held.run(new Set(outer).add(storeId), () => work(db)));
}

/**
 * A consistent read-only snapshot of the store that never waits for its writer: the storefront's and
 * the dashboard's reads stay fast while a store is busy. Any write in it is refused by PostgreSQL.
 */
export function withStoreSnapshot<T>(pool: pg.Pool, storeId: number, work: (db: Queryable) => Promise<T>): Promise<T> {
  checkStoreId(storeId);
  return inTransaction(pool, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", work);
}

const LOCK_WAIT = "15s";

/** Runs `work` in one transaction opened by `begin` (which may take locks), committed if it succeeds. */
export async function inTransaction<T>(pool: pg.Pool, begin: string, work: (db: Queryable) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const db = serialised(client);
  let broken: Error | undefined;
  try {
    await db.query(begin);
    const result = await work(db);
    await db.close();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await db.close();
    await client.query("ROLLBACK").catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
