import { conflict, notFound } from "../../lib/errors.js";
import type { TaskCompletion, TaskCompletionRepository } from "../../modules/program/task-completion.js";
import { column, jsonb, PgTable, timestamp, timestampOrNull } from "./pg-table.js";
import type { TransactionScope } from "../transaction-scope.js";
import type { Queryable } from "./sql-values.js";

export const taskCompletionsTable = new PgTable<TaskCompletion>({
  table: "task_completions",
  key: "id",
  fields: {
    storeId: column("store_id"),
    id: column("id"),
    memberId: column("member_id"),
    challengeId: column("challenge_id"),
    periodKey: column("period_key"),
    status: column("status"),
    answer: jsonb("answer"),
    link: column("link"),
    photo: column("photo"),
    reason: column("reason"),
    completedAt: timestamp("completed_at"),
    decidedAt: timestampOrNull("decided_at"),
  },
});

/** Shopper tasks' completions; one live completion per member, challenge and period is the database's (a partial unique index). */
export function createTaskCompletionRepository(db: Queryable, scope: TransactionScope): TaskCompletionRepository {
  return {
    async insert(storeId, completion) {
      scope.checkRecord(storeId, "a task completion", completion.storeId);
      if (!(await taskCompletionsTable.insert(db, completion, "nothing")))
        throw conflict(`member ${completion.memberId} already completed ${completion.challengeId} in ${completion.periodKey}`);
    },
    async get(storeId, id) {
      scope.check(storeId);
      return taskCompletionsTable.get(db, storeId, id);
    },
    async listForMember(storeId, memberId) {
      scope.check(storeId);
      return taskCompletionsTable.findMany(db, "member_id = $2", [storeId, memberId]);
    },
    async listByStatus(storeId, status, page) {
      scope.check(storeId);
      return taskCompletionsTable.page(db, storeId, page, { where: "status = $2", values: [status] });
    },
    async update(storeId, completion) {
      scope.checkRecord(storeId, "a task completion", completion.storeId);
      if (!(await taskCompletionsTable.update(db, completion, ["status", "reason", "decidedAt", "photo"]))) throw notFound(`task completion ${completion.id} not found`);
    },
  };
}
