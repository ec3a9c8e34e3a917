import type { Logger } from "../lib/logger.js";
import { createLowdbStorage } from "./lowdb/lowdb-storage.js";
import { createPostgresStorage } from "./postgres/postgres-storage.js";
import type { Storage } from "./storage.port.js";

export type { Storage, StoreTransaction } from "./storage.port.js";
export { createLowdbStorage, createMemoryStorage } from "./lowdb/lowdb-storage.js";
export { createPostgresStorage } from "./postgres/postgres-storage.js";

/** Picks the adapter from config: PostgreSQL when a database URL is set, otherwise lowdb files under `dataDir`. */
export async function createStorage(options: { dataDir: string; databaseUrl: string | null }, logger?: Logger): Promise<Storage> {
  if (options.databaseUrl) return createPostgresStorage({ databaseUrl: options.databaseUrl });
  return createLowdbStorage({ dataDir: options.dataDir, ...(logger ? { logger } : {}) });
}
