import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createLowdbStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { createTestDatabase } from "./postgres.js";

export interface ProcessStorageEnv {
  DATA_DIR: string;
  DATABASE_URL?: string;
}

/** Where an app process keeps its data, and how the test opens the same data once the process is gone. */
export interface ProcessStorage {
  env(): Promise<ProcessStorageEnv>;
  open(env: ProcessStorageEnv): Promise<Storage>;
}

/**
 * lowdb files in a temporary folder and, unless `postgresSkipReason` gave a reason, a fresh database on
 * the test server. Whatever they make is removed by the callbacks pushed onto `cleanups`.
 */
export function processStorages(cleanups: (() => Promise<void>)[], postgresSkipReason: string | null): [string, ProcessStorage][] {
  const tempDir = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "questline-process-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return dir;
  };
  const lowdb: ProcessStorage = {
    env: async () => ({ DATA_DIR: await tempDir() }),
    open: (env) => createLowdbStorage({ dataDir: env.DATA_DIR }),
  };
  const postgres: ProcessStorage = {
    async env() {
      const database = await createTestDatabase("process");
      cleanups.push(() => database.drop());
      return { DATA_DIR: await tempDir(), DATABASE_URL: database.url };
    },
    open: (env) => createPostgresStorage({ databaseUrl: env.DATABASE_URL! }),
  };
  return postgresSkipReason === null
    ? [
        ["lowdb", lowdb],
        ["postgres", postgres],
      ]
    : [["lowdb", lowdb]];
}
