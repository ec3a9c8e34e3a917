import type { EarnedBoard, EarnedQuery } from "../../modules/ledger/ledger-entry.js";
import { run, type Queryable } from "./sql-values.js";

/**
 * One statement: the span's entries of the store (the ledger_by_time index, read alone), summed per member,
 * joined to the members who opted in; the top by LIMIT, and the asked member's points and the count of those
 * ahead of them. Ties go to who reached their points first, then to the member id in code-point order (as lowdb).
 */
const EARNED_BOARD = `
  WITH earned AS (
    SELECT member_id, sum(delta)::bigint AS points, max(created_at) AS reached FROM ledger_entries
    WHERE store_id = $1 AND created_at >= $2 AND created_at < $3 AND kind = ANY($4::text[])
    GROUP BY member_id
  ), board AS (
    SELECT e.member_id, e.points, e.reached, m.game->>'name' AS name, m.email FROM earned e
    JOIN members m ON m.store_id = $1 AND m.id = e.member_id
    WHERE e.points > 0 AND m.game->>'leaderboard' = 'true'
  ), top AS (
    SELECT * FROM board ORDER BY points DESC, reached, member_id COLLATE "C" LIMIT $5
  ), mine AS (
    SELECT * FROM board WHERE member_id = $6
  )
  SELECT false AS asked, member_id, points, name, email, row_number() OVER (ORDER BY points DESC, reached, member_id COLLATE "C") AS rank FROM top
  UNION ALL
  SELECT true, $6, GREATEST(COALESCE((SELECT points FROM earned WHERE member_id = $6), 0), 0), NULL, NULL,
    CASE WHEN EXISTS (SELECT 1 FROM mine) THEN 1 + (
      SELECT count(*) FROM board b, mine m WHERE b.points > m.points
        OR (b.points = m.points AND (b.reached < m.reached OR (b.reached = m.reached AND b.member_id COLLATE "C" < m.member_id COLLATE "C")))
    ) END
  WHERE $6::text IS NOT NULL`;

interface Row {
  asked: boolean;
  member_id: string;
  points: number;
  name: string | null;
  email: string | null;
  /** The place on the board; for the asked member, null when they are not on it. */
  rank: number | null;
}

export async function earnedBoard(db: Queryable, storeId: number, query: EarnedQuery): Promise<EarnedBoard> {
  const rows = await run<Row>(db, EARNED_BOARD, [storeId, query.from, query.until, [...query.kinds], query.limit, query.memberId]);
  const top = rows
    .filter((row) => !row.asked)
    .map((row) => ({ memberId: row.member_id, points: row.points, rank: row.rank ?? 0, name: row.name, email: row.email }))
    .sort((a, b) => a.rank - b.rank);
  const asked = rows.find((row) => row.asked);
  return { top, member: asked ? { points: asked.points, rank: asked.rank } : null };
}
