import pg from "pg";

const INT8_OID = 20;

/**
 * Whole numbers in bigint columns (points, money, store ids, revisions) come back as JS numbers,
 * not strings; a value past 2^53 would lose digits, so it is refused instead.
 */
function parseInt8(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) throw new Error(`bigint ${value} does not fit a JavaScript number`);
  return parsed;
}

const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID && format !== "binary" ? parseInt8 : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

export interface PoolOptions {
  databaseUrl: string;
  /** Connections this process may hold at once (each open store transaction holds one). */
  maxConnections?: number;
}

/**
 * A pool whose connections speak UTC and parse bigint as number. A connection that dies while checked
 * out (a server restart, a failover) emits `error`, which the pool listens to only while the connection
 * is idle: unheard, it would crash the process. The query in flight, or the next, fails with that error
 * instead, and the broken connection leaves the pool when it is released.
 */
export function createPool(options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.maxConnections ?? 10,
    types,
    options: "-c TimeZone=UTC",
    connectionTimeoutMillis: 10_000,
  });
  pool.on("connect", (client) => client.on("error", () => {}));
  return pool;
}
