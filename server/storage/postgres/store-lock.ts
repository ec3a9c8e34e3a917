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
export async function withStoreLock<T>(pool: pg.Pool, storeId: number, work: (db: Queryable) => Promise<T>): Promise<T> {
  checkStoreId(storeId);
  const outer = held.getStore();
  if (outer?.has(storeId)) throw new Error(`the lock of store ${storeId} is already held by this call chain (a nested transaction on the same store?)`);
  const client = await pool.connect();
  const db = serialised(client);
  let broken: Error | undefined;
  try {
    // storeId is a checked integer, so the lock rides with BEGIN in one round trip
    await db.query(`BEGIN; SELECT pg_advisory_xact_lock(${storeId})`);
    const result = await held.run(new Set(outer).add(storeId), () => work(db));
    await db.query("COMMIT");
    return result;
  } catch (error) {
    await db.query("ROLLBACK").catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
