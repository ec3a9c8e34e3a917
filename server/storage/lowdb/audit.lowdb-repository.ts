import type { AuditRepository } from "../../modules/audit/audit-entry.js";
import type { AuditTable } from "./audit-table.js";
import { checkPage } from "./time-ordered-log.js";
import { type TransactionScope } from "../transaction-scope.js";
import { copy } from "./copy.js";
import type { UndoRecorder } from "./undo-log.js";

export function createAuditRepository(scope: TransactionScope, audit: AuditTable, undo: UndoRecorder): AuditRepository {
  return {
    async append(storeId, entry) {
      scope.checkRecord(storeId, "an audit entry", entry.storeId);
      audit.append(copy(entry), undo);
    },
    async list(storeId, page) {
      scope.check(storeId);
      checkPage(page);
      const { total, items } = audit.newestFirst(page);
      return { total, items: items.map(copy) };
    },
  };
}
