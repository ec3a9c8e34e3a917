import type pg from "pg";
import {
  GIVEN_REDEMPTIONS,
  ISSUING_KINDS,
  REDEEMING_KINDS,
  STANDING_REFERRALS,
  TOP,
  type OrderGroupFacts,
  type OverviewFacts,
  type OverviewReader,
} from "../../modules/insights/overview-facts.js";
import type { OverviewSpan } from "../../modules/insights/overview-span.rules.js";
import { AppError } from "../../lib/errors.js";
import type { OpenGuard } from "./open-guard.js";
import { run, type Queryable } from "./sql-values.js";
import { inTransaction } from "./store-lock.js";

/* The statements take $1 store, $2 span start, $3 span end, and the series $4 the buckets' starts (width_bucket numbers them from 1). */

/** The span's entries, from ledger_by_time alone: points per bucket by what they did (imported starting balances apart). */
const POINTS = `
  SELECT width_bucket(created_at, $4::timestamptz[]) AS b,
    COALESCE(sum(delta) FILTER (WHERE source_type <> 'import' AND (kind = ANY($5::text[]) OR (kind = 'adjust' AND delta > 0))), 0)::bigint AS issued,
    COALESCE(-sum(delta) FILTER (WHERE source_type <> 'import' AND (kind = 'reverse' OR (kind = 'adjust' AND delta < 0))), 0)::bigint AS taken_back,
    COALESCE(-sum(delta) FILTER (WHERE kind = ANY($6::text[])), 0)::bigint AS redeemed,
    COALESCE(-sum(delta) FILTER (WHERE kind = 'expire'), 0)::bigint AS expired,
    COALESCE(sum(delta) FILTER (WHERE source_type = 'import'), 0)::bigint AS imported
  FROM ledger_entries WHERE store_id = $1 AND created_at >= $2 AND created_at < $3 GROUP BY b`;

/** The span's paid orders per bucket and group (a member's, or none), from order_records_by_time alone. */
const ORDER_SERIES = `
  SELECT width_bucket(placed_at, $4::timestamptz[]) AS b, member_id IS NOT NULL AS member, sum(eligible_minor)::bigint AS revenue
  FROM order_records WHERE store_id = $1 AND placed_at >= $2 AND placed_at < $3 AND counted GROUP BY b, member`;

/** Paid orders placed in [$2, $3) per group (a member's, or none): orders, revenue, customers and those with two or more. */
const ORDER_GROUPS = `
  WITH customer AS (
    SELECT member_id, count(*) AS orders, sum(eligible_minor) AS revenue FROM order_records
    WHERE store_id = $1 AND placed_at >= $2 AND placed_at < $3 AND counted GROUP BY member_id)
  SELECT member_id IS NOT NULL AS member, sum(orders)::bigint AS orders, sum(revenue)::bigint AS revenue,
    count(*)::bigint AS customers, count(*) FILTER (WHERE orders > 1)::bigint AS repeat
  FROM customer GROUP BY member_id IS NOT NULL`;

const MEMBERS = `
  SELECT
    (SELECT count(*) FROM members WHERE store_id = $1 AND created_at < $3)::bigint AS total,
    (SELECT count(*) FROM (
       SELECT member_id FROM ledger_entries WHERE store_id = $1 AND created_at >= $2 AND created_at < $3 AND kind <> 'expire' AND source_type <> 'import'
       UNION
       SELECT member_id FROM order_records WHERE store_id = $1 AND placed_at >= $2 AND placed_at < $3 AND counted AND member_id IS NOT NULL) a)::bigint AS active,
    (SELECT COALESCE(sum(balance), 0) FROM members WHERE store_id = $1 AND balance > 0)::bigint AS outstanding,
    (SELECT COALESCE(json_agg(j), '[]') FROM (
       SELECT width_bucket(created_at, $4::timestamptz[]) AS b, count(*) AS joined FROM members
       WHERE store_id = $1 AND created_at >= $2 AND created_at < $3 GROUP BY b) j) AS joined`;

const ENGAGEMENT = `
  SELECT
    (SELECT json_build_object('friends', count(*), 'revenueMinor', COALESCE(sum(eligible_minor), 0)) FROM referrals
       WHERE store_id = $1 AND created_at >= $2 AND created_at < $3 AND status = ANY($4::text[])) AS referrals,
    (SELECT json_build_object(
       'promoters', count(*) FILTER (WHERE (answer->>'score')::int >= 9),
       'passives', count(*) FILTER (WHERE (answer->>'score')::int BETWEEN 7 AND 8),
       'detractors', count(*) FILTER (WHERE (answer->>'score')::int <= 6))
     FROM task_completions WHERE store_id = $1 AND completed_at >= $2 AND completed_at < $3 AND status IN ('done', 'approved') AND answer IS NOT NULL) AS survey,
    (SELECT COALESCE(json_agg(c), '[]') FROM (
       SELECT source_id AS "challengeId", count(*) AS completions, sum(delta) AS points FROM ledger_entries
       WHERE store_id = $1 AND source_type = 'task' AND kind = 'earn_task' AND created_at >= $2 AND created_at < $3
       GROUP BY source_id ORDER BY count(*) DESC, sum(delta) DESC, source_id COLLATE "C" LIMIT $6) c) AS challenges,
    (SELECT COALESCE(json_agg(r), '[]') FROM (
       SELECT reward_id AS "rewardId", (array_agg(reward_name ORDER BY seq DESC))[1] AS name, count(*) AS redemptions, sum(points) AS points FROM redemptions
       WHERE store_id = $1 AND created_at >= $2 AND created_at < $3 AND status = ANY($5::text[])
       GROUP BY reward_id ORDER BY count(*) DESC, sum(points) DESC, reward_id COLLATE "C" LIMIT $6) r) AS rewards,
    (SELECT COALESCE(json_agg(a), '[]') FROM (
       SELECT f.ambassador_id AS "memberId", m.email, m.game->>'name' AS name, f.friends, f.revenue AS "revenueMinor" FROM (
         SELECT ambassador_id, count(*) AS friends, sum(eligible_minor) AS revenue FROM referrals
         WHERE store_id = $1 AND created_at >= $2 AND created_at < $3 AND status = ANY($4::text[]) GROUP BY ambassador_id) f
       LEFT JOIN members m ON m.store_id = $1 AND m.id = f.ambassador_id
       ORDER BY f.friends DESC, f.revenue DESC, f.ambassador_id COLLATE "C" LIMIT $6) a) AS ambassadors`;

interface GroupRow {
  member: boolean;
  orders: number;
  revenue: number;
  customers: number;
  repeat: number;
}

const noOrders = (customers: number | null): OrderGroupFacts => ({ orders: 0, revenueMinor: 0, customers, repeatCustomers: customers });

/** Members' and guests' groups; customers of orders without a member cannot be told apart. */
function groups(rows: GroupRow[]): { members: OrderGroupFacts; guests: OrderGroupFacts } {
  const of = (member: boolean): OrderGroupFacts => {
    const row = rows.find((one) => one.member === member);
    if (!row) return noOrders(member ? 0 : null);
    return { orders: row.orders, revenueMinor: row.revenue, customers: member ? row.customers : null, repeatCustomers: member ? row.repeat : null };
  };
  return { members: of(true), guests: of(false) };
}

/** Each bucket's value: `rows` carry a 1-based bucket number `b`. */
function perBucket<R extends { b: number }>(rows: R[], size: number, value: (row: R) => number): number[] {
  const series = new Array<number>(size).fill(0);
  for (const row of rows) series[row.b - 1]! += value(row);
  return series;
}

const QUERY_CANCELED = "57014";

/**
 * The overview in six statements, one after another on one connection in one read-only snapshot (the pool serves every
 * store), each bounded by the span or a store's members and stopped after `timeoutMs`.
 */
export function createOverviewReader(pool: pg.Pool, guard: OpenGuard, timeoutMs = 5000): OverviewReader {
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs <= 0) throw new Error(`invalid overview timeout: ${timeoutMs}`);
  const begin = `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL statement_timeout = ${timeoutMs}`;
  return {
    async facts(storeId, span: OverviewSpan): Promise<OverviewFacts> {
      guard.assertOpen();
      try {
        return await inTransaction(pool, begin, (db) => factsIn(db, storeId, span));
      } catch (error) {
        if ((error as { code?: unknown }).code !== QUERY_CANCELED) throw error;
        throw new AppError("timed_out", `The overview took longer than ${timeoutMs / 1000} s to sum and was stopped; ask again with a shorter range, or in a minute.`);
      }
    },
  };
}

async function factsIn(db: Queryable, storeId: number, span: OverviewSpan): Promise<OverviewFacts> {
  const args = [storeId, span.start, span.end, span.bucketStarts];
  const size = span.bucketStarts.length;
  type PointsRow = { b: number; issued: number; taken_back: number; redeemed: number; expired: number; imported: number };
  type MembersRow = { total: number; active: number; outstanding: number; joined: { b: number; joined: number }[] };
  type EngagementRow = {
    referrals: OverviewFacts["referrals"];
    survey: OverviewFacts["survey"];
    challenges: OverviewFacts["topChallenges"];
    rewards: OverviewFacts["topRewards"];
    ambassadors: OverviewFacts["topAmbassadors"];
  };
  const points = await run<PointsRow>(db, POINTS, [...args, ISSUING_KINDS, REDEEMING_KINDS]);
  const series = await run<{ b: number; member: boolean; revenue: number }>(db, ORDER_SERIES, args);
  const inSpan = await run<GroupRow>(db, ORDER_GROUPS, [storeId, span.start, span.end]);
  const lifetime = await run<GroupRow>(db, ORDER_GROUPS, [storeId, "-infinity", span.end]);
  const [members] = await run<MembersRow>(db, MEMBERS, args);
  const [engagement] = await run<EngagementRow>(db, ENGAGEMENT, [storeId, span.start, span.end, STANDING_REFERRALS, GIVEN_REDEMPTIONS, TOP]);
  const joined = perBucket(members!.joined, size, (row) => row.joined);
  const sum = (key: keyof Omit<PointsRow, "b">) => points.reduce((total, row) => total + row[key], 0);
  return {
    members: { total: members!.total, joined: joined.reduce((a, b) => a + b, 0), active: members!.active },
    points: { issued: sum("issued"), takenBack: sum("taken_back"), redeemed: sum("redeemed"), expired: sum("expired"), imported: sum("imported") },
    outstanding: members!.outstanding,
    orders: groups(inSpan),
    lifetime: groups(lifetime),
    referrals: engagement!.referrals,
    survey: engagement!.survey,
    topChallenges: engagement!.challenges,
    topRewards: engagement!.rewards,
    topAmbassadors: engagement!.ambassadors,
    series: {
      issued: perBucket(points, size, (row) => row.issued),
      redeemed: perBucket(points, size, (row) => row.redeemed),
      expired: perBucket(points, size, (row) => row.expired),
      memberRevenueMinor: perBucket(
        series.filter((row) => row.member),
        size,
        (row) => row.revenue,
      ),
      guestRevenueMinor: perBucket(
        series.filter((row) => !row.member),
        size,
        (row) => row.revenue,
      ),
      joined,
    },
  };
}
