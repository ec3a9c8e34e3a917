import type { TierChange, TierChangeRepository } from "../../modules/tiers/tier-change.js";
import { Table } from "./table.js";
import { checkPage } from "./time-ordered-log.js";
import { type TransactionScope } from "../transaction-scope.js";
import type { UndoRecorder } from "./undo-log.js";

/** One store's tier changes in the order they were recorded, by id; grouped by member. */
export const tierChangeTable = (rows: TierChange[]) => new Table(rows, { what: "tier change", key: (change) => change.id, groups: { member: (change) => change.memberId } });

export type TierChangeTable = ReturnType<typeof tierChangeTable>;

export function createTierChangeRepository(scope: TransactionScope, changes: TierChangeTable, undo: UndoRecorder): TierChangeRepository {
  return {
    async append(storeId, change) {
      scope.checkRecord(storeId, "a tier change", change.storeId);
      changes.insert(change, undo);
    },
    async listForMember(storeId, memberId, limit) {
      scope.check(storeId);
      checkPage({ limit, offset: 0 });
      return changes.group("member", memberId).reverse().slice(0, limit);
    },
  };
}
