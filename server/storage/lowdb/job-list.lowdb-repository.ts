import type { JobRepository } from "../../lib/job-repository.js";
import { type TransactionScope } from "../transaction-scope.js";
import { copy, copyOrNull } from "./copy.js";
import type { UndoRecorder } from "./undo-log.js";

/** Jobs (order imports, program measurements) are few per store: a plain list, newest last. */
export function createJobListRepository<J extends { id: string; storeId: number }>(scope: TransactionScope, jobs: J[], undo: UndoRecorder, what: string): JobRepository<J> {
  return {
    async get(storeId, jobId) {
      scope.check(storeId);
      return copyOrNull(jobs.find((job) => job.id === jobId));
    },
    async save(storeId, job) {
      scope.checkRecord(storeId, what, job.storeId);
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
