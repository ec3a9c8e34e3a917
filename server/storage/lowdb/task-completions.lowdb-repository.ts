import { notFound } from "../../lib/errors.js";
import { liveCompletionKey, type TaskCompletion, type TaskCompletionRepository } from "../../modules/program/task-completion.js";
import { Table } from "./table.js";
import { checkPage } from "./time-ordered-log.js";
import { type TransactionScope } from "../transaction-scope.js";
import type { UndoRecorder } from "./undo-log.js";

/** One store's task completions in the order they came, by id, one live per member, challenge and period; grouped by member and status. */
export const taskCompletionTable = (rows: TaskCompletion[]) =>
  new Table(rows, {
    what: "task completion",
    key: (completion) => completion.id,
    unique: { live: { key: liveCompletionKey, message: () => "the member already completed this challenge in this period" } },
    groups: { member: (completion) => completion.memberId, status: (completion) => completion.status },
  });

export type TaskCompletionTable = ReturnType<typeof taskCompletionTable>;

export function createTaskCompletionRepository(scope: TransactionScope, completions: TaskCompletionTable, undo: UndoRecorder): TaskCompletionRepository {
  return {
    async insert(storeId, completion) {
      scope.checkRecord(storeId, "a task completion", completion.storeId);
      completions.insert(completion, undo);
    },
    async get(storeId, id) {
      scope.check(storeId);
      return completions.get(id);
    },
    async listForMember(storeId, memberId) {
      scope.check(storeId);
      return completions.group("member", memberId);
    },
    async listByStatus(storeId, status, page) {
      scope.check(storeId);
      checkPage(page);
      const all = completions.group("status", status);
      return { total: all.length, items: all.slice(page.offset, page.offset + page.limit) };
    },
    async update(storeId, completion) {
      scope.checkRecord(storeId, "a task completion", completion.storeId);
      const stored = completions.get(completion.id);
      if (!stored) throw notFound(`task completion ${completion.id} not found`);
      const { status, reason, decidedAt, photo } = completion;
      completions.replace({ ...stored, status, reason, decidedAt, photo }, undo);
    },
  };
}
