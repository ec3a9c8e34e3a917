/*
 * The overview's statements. They take $1 store, $2 span start, $3 span end, and the series ones $4 the buckets' starts
 * (width_bucket numbers them from 1). Points and paid orders are read from the 15-minute rollups (migration 024) when
 * the span's bounds fall on slots, else from the rows; both forms answer the same columns.
 */

/** Points per bucket, kind and whether an import brought them: what they added and what they took. */
export const POINTS_FROM_SLOTS = `
  SELECT width_bucket(slot, $4::timestamptz[]) AS b, kind, imported, sum(gained)::bigint AS gained, sum(lost)::bigint AS lost
  FROM ledger_slots WHERE store_id = $1 AND slot >= $2 AND slot < $3 GROUP BY b, kind, imported`;

export const POINTS_FROM_ENTRIES = `
  SELECT width_bucket(created_at, $4::timestamptz[]) AS b, kind, source_type = 'import' AS imported,
    COALESCE(sum(delta) FILTER (WHERE delta > 0), 0)::bigint AS gained, COALESCE(sum(delta) FILTER (WHERE delta < 0), 0)::bigint AS lost
  FROM ledger_entries WHERE store_id = $1 AND created_at >= $2 AND created_at < $3 GROUP BY b, kind, imported`;

/** Paid orders per bucket and group (a member's, or none) and their eligible amount. */
export const ORDER_SERIES_FROM_SLOTS = `
  SELECT width_bucket(slot, $4::timestamptz[]) AS b, member, sum(orders)::bigint AS orders, sum(revenue)::bigint AS revenue
  FROM order_slots WHERE store_id = $1 AND slot >= $2 AND slot < $3 GROUP BY b, member`;

export const ORDER_SERIES_FROM_ORDERS = `
  SELECT width_bucket(placed_at, $4::timestamptz[]) AS b, member_id IS NOT NULL AS member, count(*)::bigint AS orders, sum(eligible_minor)::bigint AS revenue
  FROM order_records WHERE store_id = $1 AND placed_at >= $2 AND placed_at < $3 AND counted GROUP BY b, member`;

/** Paid orders placed before $2 (the span's end), of all time, per group. */
export const LIFETIME_ORDERS_FROM_SLOTS = `
  SELECT member, sum(orders)::bigint AS orders, sum(revenue)::bigint AS revenue FROM order_slots WHERE store_id = $1 AND slot < $2 GROUP BY member`;

/**
 * From each member's latest activity and latest two paid orders: when none is at or after the span's end (settled),
 * the members active since its start, its customers and repeat customers, and those of all time.
 */
export const ACTIVITY = `
  SELECT
    COALESCE(max(GREATEST(last_entry_at, last_order_at)) < $3, true) AS settled,
    count(*) FILTER (WHERE GREATEST(last_entry_at, last_order_at) >= $2)::bigint AS active,
    count(*) FILTER (WHERE last_order_at >= $2)::bigint AS customers,
    count(*) FILTER (WHERE previous_order_at >= $2)::bigint AS repeat,
    count(last_order_at)::bigint AS lifetime_customers,
    count(previous_order_at)::bigint AS lifetime_repeat
  FROM member_activity WHERE store_id = $1`;

/** Paid orders placed in [$2, $3) per group (a member's, or none): orders, revenue, customers and those with two or more. */
export const ORDER_GROUPS = `
  WITH customer AS (
    SELECT member_id, count(*) AS orders, sum(eligible_minor) AS revenue FROM order_records
    WHERE store_id = $1 AND placed_at >= $2 AND placed_at < $3 AND counted GROUP BY member_id)
  SELECT member_id IS NOT NULL AS member, sum(orders)::bigint AS orders, sum(revenue)::bigint AS revenue,
    count(*)::bigint AS customers, count(*) FILTER (WHERE orders > 1)::bigint AS repeat
  FROM customer GROUP BY member_id IS NOT NULL`;

/** Members with a paid order placed in the span, or a ledger entry in it other than expiry or import. */
export const ACTIVE = `
  SELECT count(*)::bigint AS active FROM (
    SELECT member_id FROM ledger_entries WHERE store_id = $1 AND created_at >= $2 AND created_at < $3 AND kind <> 'expire' AND source_type <> 'import'
    UNION
    SELECT member_id FROM order_records WHERE store_id = $1 AND placed_at >= $2 AND placed_at < $3 AND counted AND member_id IS NOT NULL) a`;

export const MEMBERS = `
  SELECT
    (SELECT count(*) FROM members WHERE store_id = $1 AND created_at < $3)::bigint AS total,
    (SELECT COALESCE(sum(balance), 0) FROM members WHERE store_id = $1 AND balance > 0)::bigint AS outstanding,
    (SELECT COALESCE(json_agg(j), '[]') FROM (
       SELECT width_bucket(created_at, $4::timestamptz[]) AS b, count(*) AS joined FROM members
       WHERE store_id = $1 AND created_at >= $2 AND created_at < $3 GROUP BY b) j) AS joined`;

export const ENGAGEMENT = `
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
