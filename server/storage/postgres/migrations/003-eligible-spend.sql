-- One meaning of spend: an order record keeps the eligible amount the shopper kept (after discounts and
-- refunds, without shipping and tax), the amount points are computed on, instead of what was paid.
-- A record written before takes the kept amount its order's latest ledger line was computed on; a counted
-- order with no such line (it earned no point) keeps what was paid until its next reconcile.
ALTER TABLE order_records ADD COLUMN eligible_minor bigint;
UPDATE order_records o SET eligible_minor = CASE WHEN NOT o.counted THEN 0 ELSE COALESCE(
  (SELECT (l.basis->>'keptMinor')::bigint FROM ledger_entries l
    WHERE l.store_id = o.store_id AND l.source_type = 'order' AND l.source_id = o.order_id AND l.basis ? 'keptMinor'
    ORDER BY l.created_at DESC, l.seq DESC LIMIT 1),
  o.net_spend_minor) END;
ALTER TABLE order_records ALTER COLUMN eligible_minor SET NOT NULL;
ALTER TABLE order_records DROP COLUMN net_spend_minor;

-- Members' cached lifetime spend follows the same meaning.
UPDATE members m SET stats = jsonb_set(m.stats, '{lifetimeSpendMinor}', to_jsonb(s.spend))
  FROM (SELECT store_id, member_id, sum(eligible_minor) AS spend FROM order_records WHERE counted GROUP BY store_id, member_id) s
  WHERE m.store_id = s.store_id AND m.id = s.member_id;
