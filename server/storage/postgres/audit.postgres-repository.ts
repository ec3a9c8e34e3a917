import { conflict } from "../../lib/errors.js";
import type { AuditEntry, AuditRepository } from "../../modules/audit/audit-entry.js";
import { column, jsonb, PgTable, timestamp } from "./pg-table.js";
import type { Queryable } from "./sql-values.js";
import type { TransactionScope } from "../transaction-scope.js";

export const auditEntriesTable = new PgTable<AuditEntry>({
  table: "audit_entries",
  key: "id",
  fields: {
    storeId: column("store_id"),
    id: column("id"),
    actor: column("actor"),
    action: column("action"),
    subject: column("subject"),
    details: jsonb("details"),
    createdAt: timestamp("created_at"),
  },
});

export function createAuditRepository(db: Queryable, scope: TransactionScope): AuditRepository {
  return {
    async append(storeId, entry) {
      scope.checkRecord(storeId, "an audit entry", entry.storeId);
      if (!(await auditEntriesTable.insert(db, entry, "nothing"))) throw conflict(`audit entry ${entry.id} already exists`);
    },
    async list(storeId, page) {
      scope.check(storeId);
      return auditEntriesTable.page(db, storeId, page, { orderBy: "created_at DESC, seq DESC" });
    },
  };
}
