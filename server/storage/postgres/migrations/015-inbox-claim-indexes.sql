-- A claim reads each store's oldest waiting event and the stores' live leases from indexes, never every
-- pending event: with tens of thousands queued, the scan cost more than the webhooks being taken.
CREATE INDEX inbox_pending_by_store ON inbox_events (store_id, received_at, seq) WHERE status = 'pending';
CREATE INDEX inbox_leased ON inbox_events (store_id) WHERE status = 'pending' AND lease_until IS NOT NULL;
-- The claim's former read order, no longer read.
DROP INDEX inbox_pending;
