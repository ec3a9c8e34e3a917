import type { JobRepository } from "../../lib/job-repository.js";
import type { TransactionScope } from "../transaction-scope.js";
import { first, json, run, type Queryable } from "./sql-values.js";

/**
 * Jobs (order imports, program measurements) are few per store and read whole: one jsonb document each,
 * in a table of (store_id, id, seq, job). An update keeps the job's place in the list (started order).
 */
export function createJobDocumentRepository<J extends { id: string; storeId: number }>(
  db: Queryable,
  scope: TransactionScope,
  table: "backfill_jobs" | "program_measurements",
  what: string,
): JobRepository<J> {
  return {
    async get(storeId, jobId) {
      scope.check(storeId);
      return (await first<{ job: J }>(db, `SELECT job FROM ${table} WHERE store_id = $1 AND id = $2`, [storeId, jobId]))?.job ?? null;
    },
    async save(storeId, job) {
      scope.checkRecord(storeId, what, job.storeId);
      await run(db, `INSERT INTO ${table} (store_id, id, job) VALUES ($1, $2, $3) ON CONFLICT (store_id, id) DO UPDATE SET job = EXCLUDED.job`, [job.storeId, job.id, json(job)]);
    },
    async list(storeId, limit) {
      scope.check(storeId);
      return (await run<{ job: J }>(db, `SELECT job FROM ${table} WHERE store_id = $1 ORDER BY seq DESC LIMIT $2`, [storeId, limit])).map((row) => row.job);
    },
  };
}
