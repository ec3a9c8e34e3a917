import type { BackfillJob, BackfillRepository } from "../../modules/orders/backfill-job.js";
import { first, json, run, type Queryable } from "./sql-values.js";
import type { TransactionScope } from "../transaction-scope.js";

/** Saves the job; an update keeps the job's place in the list (started order). */
async function saveBackfillRow(db: Queryable, job: BackfillJob): Promise<void> {
  await run(db, "INSERT INTO backfill_jobs (store_id, id, job) VALUES ($1, $2, $3) ON CONFLICT (store_id, id) DO UPDATE SET job = EXCLUDED.job", [job.storeId, job.id, json(job)]);
}

/** Backfill jobs are few per store and read whole: one jsonb document each. */
export function createBackfillRepository(db: Queryable, scope: TransactionScope): BackfillRepository {
  return {
    async get(storeId, jobId) {
      scope.check(storeId);
      return (await first<{ job: BackfillJob }>(db, "SELECT job FROM backfill_jobs WHERE store_id = $1 AND id = $2", [storeId, jobId]))?.job ?? null;
    },
    async save(storeId, job) {
      scope.checkRecord(storeId, "a backfill job", job.storeId);
      await saveBackfillRow(db, job);
    },
    async list(storeId, limit) {
      scope.check(storeId);
      return (await run<{ job: BackfillJob }>(db, "SELECT job FROM backfill_jobs WHERE store_id = $1 ORDER BY seq DESC LIMIT $2", [storeId, limit])).map((row) => row.job);
    },
  };
}
