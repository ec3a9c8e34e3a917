import { conflict } from "../../lib/errors.js";
import type { AuditEntry, AuditRepository } from "../../modules/audit/audit-entry.js";
import { checkPage, first, iso, json, run, type Queryable } from "./sql-values.js";
import type { TransactionScope } from "../transaction-scope.js";

interface AuditRow {
  store_id: number;
  id: string;
  actor: string;
  action: string;
  subject: string;
  details: Record<string, unknown>;
  created_at: Date;
}

const COLUMNS = "store_id, id, actor, action, subject, details, created_at";

const toEntry = (row: AuditRow): AuditEntry => ({
  id: row.id,
  storeId: row.store_id,
  actor: row.actor,
  action: row.action,
  subject: row.subject,
  details: row.details,
  createdAt: iso(row.created_at),
});

export function createAuditRepository(db: Queryable, scope: TransactionScope): AuditRepository {
  return {
    async append(storeId, entry) {
      scope.checkRecord(storeId, "an audit entry", entry.storeId);
      const inserted = await run(db, `INSERT INTO audit_entries (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id`, [
        entry.storeId,
        entry.id,
        entry.actor,
        entry.action,
        entry.subject,
        json(entry.details),
        entry.createdAt,
      ]);
      if (inserted.length === 0) throw conflict(`audit entry ${entry.id} already exists`);
    },
    async list(storeId, page) {
      scope.check(storeId);
      checkPage(page);
      const counted = await first<{ total: number }>(db, "SELECT count(*)::bigint AS total FROM audit_entries WHERE store_id = $1", [storeId]);
      const rows = await run<AuditRow>(db, `SELECT ${COLUMNS} FROM audit_entries WHERE store_id = $1 ORDER BY created_at DESC, seq DESC LIMIT $2 OFFSET $3`, [
        storeId,
        page.limit,
        page.offset,
      ]);
      return { total: counted?.total ?? 0, items: rows.map(toEntry) };
    },
  };
}
