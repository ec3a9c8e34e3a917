-- The CSV export walks a store's whole ledger in append order, a page at a time by seq.
CREATE INDEX ledger_by_seq ON ledger_entries (store_id, seq);
