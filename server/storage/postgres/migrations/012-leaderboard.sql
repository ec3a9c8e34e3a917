-- The leaderboard sums a store's ledger entries of the month: read by time, from the index alone.
CREATE INDEX ledger_by_time ON ledger_entries (store_id, created_at) INCLUDE (member_id, kind, delta);
-- and joins them to the store's members who opted in, usually few of them.
CREATE INDEX members_on_leaderboard ON members (store_id, id) WHERE game->>'leaderboard' = 'true';
