import { conflict } from "../../lib/errors.js";
import type { TierChange, TierChangeRepository } from "../../modules/tiers/tier-change.js";
import { column, jsonb, PgTable, timestamp } from "./pg-table.js";
import { checkPage, run, type Queryable } from "./sql-values.js";
import type { TransactionScope } from "../transaction-scope.js";

export const tierChangesTable = new PgTable<TierChange>({
  table: "tier_changes",
  key: "id",
  fields: {
    storeId: column("store_id"),
    id: column("id"),
    memberId: column("member_id"),
    fromTierId: column("from_tier_id"),
    toTierId: column("to_tier_id"),
    reason: column("reason"),
    details: jsonb("details"),
    at: timestamp("at"),
  },
});

/** Tier changes inside one store transaction: appended, never changed. */
export function createTierChangeRepository(db: Queryable, scope: TransactionScope): TierChangeRepository {
  return {
    async append(storeId, change) {
      scope.checkRecord(storeId, "a tier change", change.storeId);
      if (!(await tierChangesTable.insert(db, change, "nothing"))) throw conflict(`tier change ${change.id} already exists in store ${storeId}`);
    },
    async listForMember(storeId, memberId, limit) {
      scope.check(storeId);
      checkPage({ limit, offset: 0 });
      const rows = await run(db, `SELECT ${tierChangesTable.columns} FROM tier_changes WHERE store_id = $1 AND member_id = $2 ORDER BY seq DESC LIMIT $3`, [
        storeId,
        memberId,
        limit,
      ]);
      return rows.map((row) => tierChangesTable.toDomain(row));
    },
  };
}
