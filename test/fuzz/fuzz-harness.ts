import { Writable } from "node:stream";
import fc from "fast-check";
import { createPostgresStorage } from "../../server/storage/postgres/postgres-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { createTestDatabase, postgresSkipReason } from "../support/postgres.js";

/** What the route fuzz files share: runs and replay from the environment, the two adapters, a sink for the app's error log. */

// Replay a failure with the seed and path it printed: FUZZ_SEED=… FUZZ_PATH=… npx vitest run <file>
const replay = { ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}), ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}) };
export const runs = (fallback: number) => Number(process.env.FUZZ_RUNS ?? fallback);

/** How long a property may run: a loaded machine makes fewer runs instead of timing the test out (a test's limit is FUZZ_TEST_MS). */
const FUZZ_BUDGET_MS = 45_000;
export const FUZZ_TEST_MS = 90_000;

export async function checkProperty<Ts>(property: fc.IAsyncProperty<Ts>, numRuns: number, file: string): Promise<void> {
  const details = await fc.check(property, { numRuns, interruptAfterTimeLimit: FUZZ_BUDGET_MS, ...replay });
  if (details.interrupted) console.log(`${file}: ${details.numRuns} of ${numRuns} runs within ${FUZZ_BUDGET_MS / 1000} s (seed ${details.seed})`);
  if (details.failed) {
    const report = await fc.asyncDefaultReportMessage(details);
    const replayLine = `Replay with: FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath} npx vitest run ${file}`;
    throw new Error(`${report}\n${replayLine}\nFailed with: ${String(details.errorInstance)}`, { cause: details.errorInstance });
  }
}

export interface FuzzAdapter {
  name: string;
  skip: boolean;
  /** Runs of each property here: PostgreSQL's round trips cost more, so it gets fewer within the file's time. */
  share: number;
  open(): Promise<{ storage?: Storage; close(): Promise<void> }>;
}

/** lowdb, and PostgreSQL on a fresh database when one is reachable (the reason it is not is printed). */
export async function fuzzAdapters(label: string, postgresShare: number): Promise<FuzzAdapter[]> {
  const postgresSkip = await postgresSkipReason(`${label} on PostgreSQL`);
  if (postgresSkip) console.log(postgresSkip);
  return [
    { name: "lowdb", skip: false, share: 1, open: async () => ({ close: async () => {} }) },
    {
      name: "PostgreSQL",
      skip: postgresSkip !== null,
      share: postgresShare,
      async open() {
        const database = await createTestDatabase(label);
        return { storage: await createPostgresStorage({ databaseUrl: database.url }), close: () => database.drop() };
      },
    },
  ];
}

/** A stream that keeps what the app logs at error level, to show beside a 5xx. */
export function errorSink(lines: string[]): Writable {
  return new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
}
