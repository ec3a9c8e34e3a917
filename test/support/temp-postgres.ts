import { execFile } from "node:child_process";
import { chown, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "./app-process.js";

const run = promisify(execFile);
const LIB = "/usr/lib/postgresql";

/** Debian's server binaries (the newest version installed), or null when there are none. */
export async function postgresBinaries(): Promise<string | null> {
  const versions = await readdir(LIB).catch(() => [] as string[]);
  const newest = versions.filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a))[0];
  return newest ? path.join(LIB, newest, "bin") : null;
}

export interface TempPostgres {
  /** Connection URL of its `postgres` database. */
  url: string;
  /** Stops the server at once, as a crash or a failover would, without a checkpoint. */
  kill(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and deletes its data. */
  destroy(): Promise<void>;
}

/**
 * A PostgreSQL cluster of the test's own, on its own port with its data and socket in a temporary folder,
 * so a test may stop and restart it without touching the server other suites share. initdb refuses to
 * run as root: as root (here and in CI) the server runs as the `postgres` OS user, who owns the folder.
 */
export async function startTempPostgres(bin: string): Promise<TempPostgres> {
  const dir = await mkdtemp(path.join(tmpdir(), "questline-pg-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: group } = await run("id", ["-g", "postgres"]);
    await chown(dir, Number(stdout.trim()), Number(group.trim()));
  }
  const as = (command: string, args: string[]) => (asRoot ? run("runuser", ["-u", "postgres", "--", path.join(bin, command), ...args]) : run(path.join(bin, command), args));
  const port = await freePort();
  const data = path.join(dir, "data");
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=40`;
  const pgCtl = (...args: string[]) => as("pg_ctl", ["-D", data, "-l", path.join(dir, "server.log"), ...args]);
  await as("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"]);
  await pgCtl("-o", options, "-w", "start");
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    kill: async () => void (await pgCtl("-m", "immediate", "-w", "stop")),
    start: async () => void (await pgCtl("-o", options, "-w", "start")),
    async destroy() {
      await pgCtl("-m", "immediate", "-w", "stop").catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}
