-- The overview sums a span's points and paid orders from per-15-minute rollups instead of the rows: every real time
-- zone's offset is a multiple of 15 minutes, so a store's local days are unions of slots. Statement-level triggers keep
-- them, one upsert per statement however many rows it writes (writers of one store already take turns on its lock).

-- Points per slot, per kind and whether a starting-balance import brought them: the reader classifies them by kind.
CREATE TABLE ledger_slots (
  store_id bigint NOT NULL,
  slot     timestamptz NOT NULL,
  kind     text NOT NULL,
  imported boolean NOT NULL,
  gained   bigint NOT NULL,
  lost     bigint NOT NULL,
  PRIMARY KEY (store_id, slot, kind, imported)
);

-- Paid (counted) orders per slot, a member's or none, and their eligible amount.
CREATE TABLE order_slots (
  store_id bigint NOT NULL,
  slot     timestamptz NOT NULL,
  member   boolean NOT NULL,
  orders   bigint NOT NULL,
  revenue  bigint NOT NULL,
  PRIMARY KEY (store_id, slot, member)
);

-- Each member's latest activity (a ledger entry other than expiry or import; a paid order) and latest two paid orders.
-- When nothing is later than a span's end, the members active, the customers and the repeat customers since its
-- start are counts of this table: exact without reading the span's rows.
CREATE TABLE member_activity (
  store_id          bigint NOT NULL,
  member_id         text NOT NULL,
  last_entry_at     timestamptz,
  last_order_at     timestamptz,
  previous_order_at timestamptz,
  PRIMARY KEY (store_id, member_id)
);

CREATE FUNCTION overview_slot(at timestamptz) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN date_bin('15 minutes', at, timestamptz '1970-01-01 00:00:00+00');

-- The ledger is append-only: its purge deletes the rollups with it (STORE_TABLES).
CREATE FUNCTION ledger_rollups_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_slots AS s (store_id, slot, kind, imported, gained, lost)
  SELECT store_id, overview_slot(created_at), kind, source_type = 'import',
    COALESCE(sum(delta) FILTER (WHERE delta > 0), 0), COALESCE(sum(delta) FILTER (WHERE delta < 0), 0)
  FROM added GROUP BY 1, 2, 3, 4
  ON CONFLICT (store_id, slot, kind, imported) DO UPDATE SET gained = s.gained + EXCLUDED.gained, lost = s.lost + EXCLUDED.lost;
  INSERT INTO member_activity AS a (store_id, member_id, last_entry_at)
  SELECT store_id, member_id, max(created_at) FROM added WHERE kind <> 'expire' AND source_type <> 'import' GROUP BY 1, 2
  ON CONFLICT (store_id, member_id) DO UPDATE SET last_entry_at = GREATEST(a.last_entry_at, EXCLUDED.last_entry_at);
  RETURN NULL;
END $$;
CREATE TRIGGER ledger_rollups AFTER INSERT ON ledger_entries REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ledger_rollups_add();

-- Order records change (a refund uncounts one, a correction changes its amount): the rows that left are taken out of
-- their slots and the rows that came are put in, and each member touched has their latest two paid orders looked up
-- again. A trigger with transition tables fires on one event, so the three share this function.
CREATE FUNCTION order_rollups_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT *, 1 AS sign FROM came'
    WHEN 'DELETE' THEN 'SELECT *, -1 AS sign FROM gone'
    ELSE 'SELECT *, 1 AS sign FROM came UNION ALL SELECT *, -1 AS sign FROM gone' END;
BEGIN
  EXECUTE format($sql$
    WITH changed AS (%s),
    slots AS (
      INSERT INTO order_slots AS s (store_id, slot, member, orders, revenue)
      SELECT store_id, overview_slot(placed_at), member_id IS NOT NULL, sum(sign), sum(sign * eligible_minor)
      FROM changed WHERE counted GROUP BY 1, 2, 3
      ON CONFLICT (store_id, slot, member) DO UPDATE SET orders = s.orders + EXCLUDED.orders, revenue = s.revenue + EXCLUDED.revenue)
    INSERT INTO member_activity AS a (store_id, member_id, last_order_at, previous_order_at)
    SELECT m.store_id, m.member_id, latest[1], latest[2]
    FROM (SELECT DISTINCT store_id, member_id FROM changed WHERE member_id IS NOT NULL) m
    CROSS JOIN LATERAL (SELECT ARRAY(
      SELECT placed_at FROM order_records o WHERE o.store_id = m.store_id AND o.member_id = m.member_id AND o.counted
      ORDER BY placed_at DESC LIMIT 2) AS latest) l
    ON CONFLICT (store_id, member_id) DO UPDATE SET last_order_at = EXCLUDED.last_order_at, previous_order_at = EXCLUDED.previous_order_at
  $sql$, changed);
  RETURN NULL;
END $$;
CREATE TRIGGER order_rollups_insert AFTER INSERT ON order_records REFERENCING NEW TABLE AS came FOR EACH STATEMENT EXECUTE FUNCTION order_rollups_change();
CREATE TRIGGER order_rollups_update AFTER UPDATE ON order_records REFERENCING OLD TABLE AS gone NEW TABLE AS came FOR EACH STATEMENT EXECUTE FUNCTION order_rollups_change();
CREATE TRIGGER order_rollups_delete AFTER DELETE ON order_records REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION order_rollups_change();

-- What the stores recorded before.
INSERT INTO ledger_slots (store_id, slot, kind, imported, gained, lost)
SELECT store_id, overview_slot(created_at), kind, source_type = 'import',
  COALESCE(sum(delta) FILTER (WHERE delta > 0), 0), COALESCE(sum(delta) FILTER (WHERE delta < 0), 0)
FROM ledger_entries GROUP BY 1, 2, 3, 4;
INSERT INTO order_slots (store_id, slot, member, orders, revenue)
SELECT store_id, overview_slot(placed_at), member_id IS NOT NULL, count(*), sum(eligible_minor)
FROM order_records WHERE counted GROUP BY 1, 2, 3;
INSERT INTO member_activity (store_id, member_id, last_entry_at)
SELECT store_id, member_id, max(created_at) FROM ledger_entries WHERE kind <> 'expire' AND source_type <> 'import' GROUP BY 1, 2;
INSERT INTO member_activity AS a (store_id, member_id, last_order_at, previous_order_at)
SELECT store_id, member_id, (array_agg(placed_at ORDER BY placed_at DESC))[1], (array_agg(placed_at ORDER BY placed_at DESC))[2]
FROM order_records WHERE counted AND member_id IS NOT NULL GROUP BY 1, 2
ON CONFLICT (store_id, member_id) DO UPDATE SET last_order_at = EXCLUDED.last_order_at, previous_order_at = EXCLUDED.previous_order_at;

-- The top challenges sum a span's task payouts from this index alone (it replaces the one without kind and delta).
CREATE INDEX ledger_by_source_with_points ON ledger_entries (store_id, source_type, source_id, created_at, seq) INCLUDE (kind, delta);
DROP INDEX ledger_by_source;
ALTER INDEX ledger_by_source_with_points RENAME TO ledger_by_source;
