-- The overview counts orders that name no shopper (no email, no Ecwid customer): they keep a record without a member.
ALTER TABLE order_records ALTER COLUMN member_id DROP NOT NULL;
-- The overview reads a span's orders and new members by time, from the indexes alone.
CREATE INDEX order_records_by_time ON order_records (store_id, placed_at) INCLUDE (member_id, counted, eligible_minor);
CREATE INDEX members_by_time ON members (store_id, created_at);
