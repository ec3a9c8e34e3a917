import type { SourceTally } from "../../modules/ledger/ledger-entry.js";
import type { MemberSnapshotReader } from "../../modules/storefront/member-snapshot.js";
import { COLUMNS as LEDGER_COLUMNS, toEntry, type LedgerRow } from "./ledger.postgres-repository.js";
import { membersTable } from "./members.postgres-repository.js";
import { orderRecordsTable } from "./orders.postgres-repository.js";
import { countedRedemptions, redemptionsTable, TALLY } from "./redemptions.postgres-repository.js";
import { taskCompletionsTable } from "./task-completions.postgres-repository.js";
import type { OpenGuard } from "./open-guard.js";
import { checkPage, checkStoreId, first, type Queryable } from "./sql-values.js";

/**
 * One statement, so one snapshot and one round trip without BEGIN/COMMIT: the member, their newest ledger
 * entries, their order records, their task completions, their keys with the prefix, the points their pending redemptions hold, their
 * newest redemptions, the counts rewards' limits and budgets need (one per element of the arrays $6..$8, in their
 * order) and the tallies challenges' limits need (one per element of $9..$11). Rows come back through JSON, whose timestamps are text (the tables' readers take both).
 */
const SNAPSHOT = `
  SELECT
    (SELECT row_to_json(m) FROM (SELECT ${membersTable.columns} FROM members WHERE store_id = $1 AND id = $2) m) AS member,
    (SELECT COALESCE(json_agg(l ORDER BY l.created_at DESC, l.seq DESC), '[]')
       FROM (SELECT ${LEDGER_COLUMNS}, seq FROM ledger_entries WHERE store_id = $1 AND member_id = $2 ORDER BY created_at DESC, seq DESC LIMIT $3) l) AS ledger,
    (SELECT COALESCE(json_agg(o ORDER BY o.seq), '[]')
       FROM (SELECT ${orderRecordsTable.columns}, seq FROM order_records WHERE store_id = $1 AND member_id = $2) o) AS orders,
    (SELECT COALESCE(json_agg(t ORDER BY t.seq), '[]')
       FROM (SELECT ${taskCompletionsTable.columns}, seq FROM task_completions WHERE store_id = $1 AND member_id = $2) t) AS completions,
    ARRAY(SELECT idempotency_key FROM ledger_entries WHERE store_id = $1 AND member_id = $2 AND starts_with(idempotency_key, $4) ORDER BY seq) AS prefixed_keys,
    (SELECT COALESCE(sum(points), 0)::bigint FROM redemptions WHERE store_id = $1 AND member_id = $2 AND status = 'pending') AS held_points,
    (SELECT COALESCE(json_agg(r ORDER BY r.seq DESC), '[]')
       FROM (SELECT ${redemptionsTable.columns}, seq FROM redemptions WHERE store_id = $1 AND member_id = $2 ORDER BY seq DESC LIMIT $5) r) AS redemptions,
    (SELECT COALESCE(json_agg(json_build_object('count', c.count, 'valueMinor', c.value) ORDER BY q.n), '[]')
       FROM unnest($6::text[], $7::text[], $8::timestamptz[]) WITH ORDINALITY AS q(reward_id, member_id, since, n)
       CROSS JOIN LATERAL (SELECT ${TALLY} FROM redemptions WHERE store_id = $1 AND ${countedRedemptions("q.reward_id", "q.member_id", "q.since")}) c) AS counts,
    (SELECT COALESCE(json_agg(t.tally ORDER BY q.n), '[]')
       FROM unnest($9::text[], $10::text[], $11::timestamptz[]) WITH ORDINALITY AS q(source_type, source_id, since, n)
       CROSS JOIN LATERAL (SELECT json_build_object('kinds', COALESCE(json_object_agg(k.kind, k.count), '{}'), 'points', COALESCE(sum(k.points), 0)) AS tally
         FROM (SELECT kind, count(*) AS count, sum(delta) AS points FROM ledger_entries
               WHERE store_id = $1 AND source_type = q.source_type AND source_id = q.source_id AND (q.since IS NULL OR created_at >= q.since) GROUP BY kind) k) t) AS tallies`;

interface SnapshotRow {
  member: Record<string, unknown> | null;
  ledger: LedgerRow[];
  orders: Record<string, unknown>[];
  completions: Record<string, unknown>[];
  prefixed_keys: string[];
  held_points: number;
  redemptions: Record<string, unknown>[];
  counts: { count: number; valueMinor: number }[];
  tallies: SourceTally[];
}

export function createMemberSnapshotReader(pool: Queryable, guard: OpenGuard): MemberSnapshotReader {
  return {
    async read(storeId, memberId, { ledgerLimit, keyPrefix, redemptionLimit, redemptionCounts, sourceTallies }) {
      guard.assertOpen();
      checkStoreId(storeId);
      checkPage({ limit: ledgerLimit, offset: 0 });
      checkPage({ limit: redemptionLimit, offset: 0 });
      const row = await first<SnapshotRow>(pool, SNAPSHOT, [
        storeId,
        memberId,
        ledgerLimit,
        keyPrefix,
        redemptionLimit,
        redemptionCounts.map((count) => count.rewardId),
        redemptionCounts.map((count) => count.memberId ?? null),
        redemptionCounts.map((count) => count.since),
        sourceTallies.map((tally) => tally.source.type),
        sourceTallies.map((tally) => tally.source.id),
        sourceTallies.map((tally) => tally.since),
      ]);
      if (!row?.member) return null;
      return {
        member: membersTable.toDomain(row.member),
        recentLedger: row.ledger.map(toEntry),
        orders: row.orders.map((order) => orderRecordsTable.toDomain(order)),
        completions: row.completions.map((completion) => taskCompletionsTable.toDomain(completion)),
        prefixedKeys: row.prefixed_keys,
        heldPoints: row.held_points,
        recentRedemptions: row.redemptions.map((redemption) => redemptionsTable.toDomain(redemption)),
        redemptionCounts: row.counts,
        sourceTallies: row.tallies,
      };
    },
  };
}
