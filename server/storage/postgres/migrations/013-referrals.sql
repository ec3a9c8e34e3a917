-- The referral program. A member's ambassador side (code, coupon, blocked, counters) is kept on the member, so
-- GET /me reads it with the member; the code is copied into a column of its own, upper case, unique in the store.
ALTER TABLE members ADD COLUMN referral jsonb;
ALTER TABLE members ADD COLUMN referral_code text;
CREATE UNIQUE INDEX members_by_referral_code ON members (store_id, referral_code) WHERE referral_code IS NOT NULL;

-- Every store's codes, so the landing GET /r/:code finds the store from the code alone. A code is claimed here
-- before the member who gets it is saved; one whose member was never saved leads nowhere (the member is asked too).
CREATE TABLE referral_codes (
  code      text PRIMARY KEY,
  store_id  bigint NOT NULL,
  member_id text NOT NULL
);
-- purged with the store's data
CREATE INDEX referral_codes_by_store ON referral_codes (store_id);

-- One per friend's order attributed to an ambassador.
CREATE TABLE referrals (
  store_id           bigint NOT NULL,
  id                 text NOT NULL,
  seq                bigint GENERATED ALWAYS AS IDENTITY,
  ambassador_id      text NOT NULL,
  code               text NOT NULL,
  via                text NOT NULL,
  channel            text,
  order_id           text NOT NULL,
  friend_member_id   text,
  friend_email       text,
  friend_customer_id bigint,
  address_key        text,
  eligible_minor     bigint NOT NULL,
  status             text NOT NULL,
  reason             text,
  signals            jsonb NOT NULL,
  payable_at         timestamptz,
  points             bigint NOT NULL,
  redemption_id      text,
  paid_at            timestamptz,
  decided_by         text,
  note               text,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  PRIMARY KEY (store_id, id),
  CONSTRAINT referrals_order_unique UNIQUE (store_id, order_id)
);
-- the dashboard's list, newest first, of all or of one status; an ambassador's referrals
CREATE INDEX referrals_by_creation ON referrals (store_id, seq);
CREATE INDEX referrals_by_status ON referrals (store_id, status, seq);
CREATE INDEX referrals_by_ambassador ON referrals (store_id, ambassador_id, seq);
-- a repeat friend, by member, normalised email or Ecwid customer
CREATE INDEX referrals_by_friend_member ON referrals (store_id, friend_member_id) WHERE friend_member_id IS NOT NULL;
CREATE INDEX referrals_by_friend_email ON referrals (store_id, friend_email) WHERE friend_email IS NOT NULL;
CREATE INDEX referrals_by_friend_customer ON referrals (store_id, friend_customer_id) WHERE friend_customer_id IS NOT NULL;
-- the referral job's work: those to check, and held ones whose time has come
CREATE INDEX referrals_due ON referrals (store_id, seq) INCLUDE (payable_at) WHERE status IN ('checking', 'held');
