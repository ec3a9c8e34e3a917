import path from "node:path";
import { pathToFileURL } from "node:url";
import { projectRoot } from "../../lib/project-root.js";
import { readdir, readFile } from "node:fs/promises";
import type pg from "pg";

const MIGRATIONS_DIR = pathToFileURL(path.join(projectRoot, "server/storage/postgres/migrations/"));
const FILE_NAME = /^(\d{3})-[a-z0-9-]+\.sql$/;

/** Two 32-bit keys: a key space apart from the per-store locks, which take one 64-bit key. */
const MIGRATION_LOCK = [0x5155_4553, 1] as const;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The SQL files in `migrations/`, in version order. */
export async function loadMigrations(): Promise<Migration[]> {
  const names = (await readdir(MIGRATIONS_DIR)).filter((name) => FILE_NAME.test(name)).sort();
  const migrations: Migration[] = [];
  for (const name of names) {
    const version = Number(FILE_NAME.exec(name)?.[1]);
    if (migrations.some((migration) => migration.version === version)) throw new Error(`two migrations share version ${version}`);
    migrations.push({ version, name, sql: await readFile(new URL(name, MIGRATIONS_DIR), "utf8") });
  }
  return migrations;
}

/**
 * Brings the schema up to date: versioned, forward-only, each migration in its own transaction with
 * its version recorded in `schema_migrations`. A session advisory lock makes processes that start at
 * once take turns: the first applies, the others wait and then find nothing left to do.
 */
export async function migrate(pool: pg.Pool, migrations?: Migration[]): Promise<number[]> {
  const all = migrations ?? (await loadMigrations());
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1, $2)", [...MIGRATION_LOCK]);
    try {
      await client.query("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
      const applied = new Set((await client.query<{ version: number }>("SELECT version FROM schema_migrations")).rows.map((row) => row.version));
      const done: number[] = [];
      for (const migration of all) {
        if (applied.has(migration.version)) continue;
        await client.query("BEGIN");
        try {
          await client.query(migration.sql);
          await client.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [migration.version, migration.name]);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw new Error(`migration ${migration.name} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }
        done.push(migration.version);
      }
      return done;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1, $2)", [...MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
