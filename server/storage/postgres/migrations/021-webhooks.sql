-- The merchant's outgoing webhook endpoints (at most 10 a store) and the deliveries queued for them, written in
-- the same transaction as the change each event reports (the outbox).
CREATE TABLE webhook_endpoints (
  store_id        bigint NOT NULL,
  id              text NOT NULL,
  seq             bigint GENERATED ALWAYS AS IDENTITY,
  url             text NOT NULL,
  description     text NOT NULL,
  events          jsonb NOT NULL,
  enabled         boolean NOT NULL,
  sealed_secret   text NOT NULL,
  failing_since   timestamptz,
  disabled_reason text,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  PRIMARY KEY (store_id, id)
);

CREATE TABLE webhook_deliveries (
  store_id         bigint NOT NULL,
  id               text NOT NULL,
  seq              bigint GENERATED ALWAYS AS IDENTITY,
  endpoint_id      text NOT NULL,
  event_id         text NOT NULL,
  event_type       text NOT NULL,
  body             text NOT NULL,
  status           text NOT NULL,
  attempts         integer NOT NULL,
  available_at     timestamptz NOT NULL,
  created_at       timestamptz NOT NULL,
  last_attempt_at  timestamptz,
  last_status      integer,
  last_response    text,
  last_duration_ms integer,
  last_error       text,
  PRIMARY KEY (store_id, id)
);
-- an endpoint's deliveries, newest first (the dashboard)
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (store_id, endpoint_id, seq);
-- the queue: pending deliveries by when they are due, across stores
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (available_at, store_id) WHERE status = 'pending';
-- the retention sweep
CREATE INDEX webhook_deliveries_by_created ON webhook_deliveries (store_id, created_at) WHERE status IN ('succeeded', 'failed');
