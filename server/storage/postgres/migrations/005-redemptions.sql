-- Shoppers' redemptions of rewards. The coupon is kept whole as jsonb; its code and expiry are copied into
-- columns of their own (written with every row) for the unique code and the expiry job's look-up.
CREATE TABLE redemptions (
  store_id            bigint NOT NULL,
  id                  text NOT NULL,
  seq                 bigint GENERATED ALWAYS AS IDENTITY,
  member_id           text NOT NULL,
  reward_id           text NOT NULL,
  reward_name         text NOT NULL,
  reward_kind         text NOT NULL,
  points              bigint NOT NULL,
  value_minor         bigint,
  status              text NOT NULL,
  coupon              jsonb,
  coupon_code         text,
  coupon_expires_at   timestamptz,
  reason              text,
  request_key         text,
  request_fingerprint text NOT NULL,
  check_after         timestamptz,
  checks              integer NOT NULL,
  used_by_order_id    text,
  fulfilled_by        text,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  PRIMARY KEY (store_id, id),
  CONSTRAINT redemptions_code_unique UNIQUE (store_id, coupon_code),
  -- NULL request keys are distinct: a redemption without an Idempotency-Key never clashes
  CONSTRAINT redemptions_request_unique UNIQUE (store_id, member_id, request_key)
);
-- held points, a member's list (newest first)
CREATE INDEX redemptions_by_member ON redemptions (store_id, member_id, status);
CREATE INDEX redemptions_by_member_seq ON redemptions (store_id, member_id, seq);
-- limits and budgets count a reward's redemptions since a date
CREATE INDEX redemptions_by_reward ON redemptions (store_id, reward_id, created_at);
-- the jobs: pending ones to look up, issued coupons that expire
CREATE INDEX redemptions_due_check ON redemptions (store_id, status, check_after);
CREATE INDEX redemptions_due_expiry ON redemptions (store_id, coupon_expires_at) WHERE status = 'issued';
-- the dashboard's list, newest first
CREATE INDEX redemptions_by_creation ON redemptions (store_id, seq);
