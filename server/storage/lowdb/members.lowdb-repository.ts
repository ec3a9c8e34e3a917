import { notFound } from "../../lib/errors.js";
import type { MemberRepository } from "../../modules/members/member.js";
import type { MemberTable } from "./member-table.js";
import { checkPage } from "./time-ordered-log.js";
import { type TransactionScope } from "../transaction-scope.js";
import { copy, copyOrNull } from "./copy.js";
import type { UndoRecorder } from "./undo-log.js";

/** Members inside one transaction. Everything going in or out is copied, so callers never hold the stored rows. */
export function createMemberRepository(scope: TransactionScope, members: MemberTable, undo: UndoRecorder): MemberRepository {
  return {
    async get(storeId, memberId) {
      scope.check(storeId);
      return copyOrNull(members.get(memberId));
    },
    async findByEmail(storeId, email) {
      scope.check(storeId);
      return copyOrNull(members.findByEmail(email));
    },
    async findByCustomerId(storeId, customerId) {
      scope.check(storeId);
      return copyOrNull(members.findByCustomerId(customerId));
    },
    async list(storeId, query) {
      scope.check(storeId);
      checkPage(query);
      const { total, items } = members.list(query);
      return { total, items: items.map(copy) };
    },
    async insert(storeId, member) {
      scope.checkRecord(storeId, "a member", member.storeId);
      members.insert(copy(member), undo);
    },
    async update(storeId, member) {
      scope.checkRecord(storeId, "a member", member.storeId);
      const stored = members.get(member.id);
      if (!stored) throw notFound(`member ${member.id} not found`);
      members.replace({ ...copy(member), balance: stored.balance, createdAt: stored.createdAt }, undo);
    },
  };
}
