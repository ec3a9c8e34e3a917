-- The cost simulator's copy of a store's last 12 months of orders (server/modules/simulations): one fetch record
-- per store, and the orders of at most two generations (the snapshot ready and the one being fetched).
CREATE TABLE order_fetches (
  store_id bigint PRIMARY KEY,
  state    jsonb NOT NULL
);

CREATE TABLE snapshot_orders (
  store_id           bigint NOT NULL,
  generation         text NOT NULL,
  order_id           text NOT NULL,
  customer_id        bigint,
  email              text,
  payment_status     text NOT NULL,
  eligible_minor     bigint NOT NULL,
  total_minor        bigint NOT NULL,
  refunded_minor     bigint NOT NULL,
  placed_at          timestamptz NOT NULL,
  recorded_member_id text,
  recorded_points    bigint NOT NULL,
  PRIMARY KEY (store_id, generation, order_id)
);
