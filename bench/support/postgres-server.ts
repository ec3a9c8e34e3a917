/** The PostgreSQL server the benchmarks make their databases on: BENCH_DATABASE_URL, TEST_DATABASE_URL or the local default. */
import { randomBytes } from "node:crypto";
import pg from "pg";

export const SERVER_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Whether the server answers; when it does not, says so in one line and the PostgreSQL figures are skipped. */
export async function postgresReachable(): Promise<boolean> {
  try {
    await onServer("SELECT 1");
    return true;
  } catch (error) {
    console.log(`postgres: skipped, no server at ${SERVER_URL.replace(/\/\/[^@/]*@/, "//")} (${error instanceof Error ? error.message : String(error)})`);
    return false;
  }
}

/** A fresh, empty database for one benchmark, dropped after. */
export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `questline_bench_${randomBytes(4).toString("hex")}`;
  await onServer(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
