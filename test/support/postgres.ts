import { randomBytes } from "node:crypto";
import pg from "pg";

const DEFAULT_SERVER_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/** The server the PostgreSQL suites make their databases on; `TEST_DATABASE_URL` (or `DATABASE_URL`) names it. */
export const postgresServerUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? DEFAULT_SERVER_URL;

/** True when the run asked for PostgreSQL by name, or runs in CI: then a server that does not answer fails the run instead of skipping. */
const required = process.env.TEST_DATABASE_URL !== undefined || process.env.DATABASE_URL !== undefined || process.env.CI === "true";

const redacted = (url: string) => url.replace(/\/\/[^@/]*@/, "//");

/**
 * Probes the server once. Resolves to null when it answers, or to the one line a suite prints when it
 * skips; throws when the run named a server that does not answer.
 */
export async function postgresSkipReason(suite: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: postgresServerUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    const why = error instanceof Error ? error.message || error.name : String(error);
    if (required) throw new Error(`${suite}: PostgreSQL at ${redacted(postgresServerUrl)} does not answer (${why})`, { cause: error });
    return `${suite}: skipped, no PostgreSQL at ${redacted(postgresServerUrl)} (${why}); set TEST_DATABASE_URL to run it`;
  } finally {
    await client.end().catch(() => {});
  }
}

export interface TestDatabase {
  /** Connection URL of the fresh, empty database. */
  url: string;
  /** Empties every table the app made (migrations stay applied). */
  truncate(): Promise<void>;
  /** Drops the database, closing whatever is still connected to it. */
  drop(): Promise<void>;
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresServerUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates a fresh database on the test server, named so a leftover is easy to spot. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `questline_${label.replace(/[^a-z0-9]/gi, "_").toLowerCase()}_${randomBytes(4).toString("hex")}`;
  await onServer((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(postgresServerUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async truncate() {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        const { rows } = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'");
        if (rows.length > 0) await client.query(`TRUNCATE ${rows.map((row) => `"${row.tablename}"`).join(", ")} RESTART IDENTITY`);
      } finally {
        await client.end();
      }
    },
    drop: () => onServer(async (client) => void (await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
  };
}
