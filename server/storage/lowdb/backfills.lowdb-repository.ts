import type { BackfillJob, BackfillRepository } from "../../modules/orders/backfill-job.js";
import { type TransactionScope } from "../transaction-scope.js";
import { copy, copyOrNull } from "./copy.js";
import type { UndoRecorder } from "./undo-log.js";

/** Backfill jobs are few per store: a plain list, newest last. */
export function createBackfillRepository(scope: TransactionScope, jobs: BackfillJob[], undo: UndoRecorder): BackfillRepository {
  return {
    async get(storeId, jobId) {
      scope.check(storeId);
      return copyOrNull(jobs.find((job) => job.id === jobId));
    },
    async save(storeId, job) {
      scope.checkRecord(storeId, "a backfill job", job.storeId);
      const index = jobs.findIndex((existing) => existing.id === job.id);
      if (index === -1) {
        jobs.push(copy(job));
        undo.record(() => jobs.pop());
        return;
      }
      const previous = jobs[index]!;
      jobs[index] = copy(job);
      undo.record(() => {
        jobs[index] = previous;
      });
    },
    async list(storeId, limit) {
      scope.check(storeId);
      return jobs.slice(-limit).reverse().map(copy);
    },
  };
}
