import type { JobRepository } from "../../lib/job-repository.js";
import { Table } from "./table.js";
import { type TransactionScope } from "../transaction-scope.js";
import type { UndoRecorder } from "./undo-log.js";

type Job = { id: string; storeId: number };

/** Jobs (order imports, program measurements) are few per store: a list by id, newest last. */
export const jobTable = <J extends Job>(rows: J[], what: string) => new Table(rows, { what, key: (job) => job.id });

export function createJobListRepository<J extends Job>(scope: TransactionScope, jobs: Table<J>, undo: UndoRecorder, what: string): JobRepository<J> {
  return {
    async get(storeId, jobId) {
      scope.check(storeId);
      return jobs.get(jobId);
    },
    async save(storeId, job) {
      scope.checkRecord(storeId, what, job.storeId);
      jobs.save(job, undo);
    },
    async list(storeId, limit) {
      scope.check(storeId);
      return jobs.newest(limit);
    },
  };
}
