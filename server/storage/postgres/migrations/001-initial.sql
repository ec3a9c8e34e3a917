-- Questline's first schema. Every store-owned table is keyed by store_id first.
-- Points and money are whole numbers (bigint); times are timestamptz; free-form documents are jsonb.

CREATE TABLE installs (
  store_id            bigint PRIMARY KEY,
  status              text NOT NULL CHECK (status IN ('active', 'uninstalled')),
  access_token_sealed text,
  public_token        text,
  scopes              text[] NOT NULL,
  owner_email         text,
  store_name          text NOT NULL,
  currency            text NOT NULL,
  currency_precision  integer NOT NULL,
  lang                text NOT NULL,
  installed_at        timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  uninstalled_at      timestamptz,
  purge_after         timestamptz
);
CREATE INDEX installs_due_for_purge ON installs (purge_after) WHERE status = 'uninstalled' AND purge_after IS NOT NULL;

CREATE TABLE webhook_receipts (
  event_id    text PRIMARY KEY,
  store_id    bigint NOT NULL,
  fingerprint text NOT NULL,
  received_at timestamptz NOT NULL
);
CREATE INDEX webhook_receipts_received_at ON webhook_receipts (received_at);

CREATE TABLE members (
  store_id    bigint NOT NULL,
  id          text NOT NULL,
  -- creation order, for listing
  seq         bigint GENERATED ALWAYS AS IDENTITY,
  email       text,
  -- the normalised email (trimmed, lower case); "C" collation so an email prefix search can use the index
  email_key   text COLLATE "C",
  customer_id bigint,
  -- cached sum of the member's ledger entries, moved in the same statement as each entry
  balance     bigint NOT NULL DEFAULT 0,
  stats       jsonb NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (store_id, id),
  CONSTRAINT members_email_unique UNIQUE (store_id, email_key),
  CONSTRAINT members_customer_unique UNIQUE (store_id, customer_id)
);
CREATE INDEX members_by_creation ON members (store_id, seq);

CREATE TABLE ledger_entries (
  store_id        bigint NOT NULL,
  id              text NOT NULL,
  -- append order: breaks ties between entries with the same created_at
  seq             bigint GENERATED ALWAYS AS IDENTITY,
  member_id       text NOT NULL,
  delta           bigint NOT NULL,
  kind            text NOT NULL,
  source_type     text NOT NULL,
  source_id       text NOT NULL,
  idempotency_key text NOT NULL,
  actor           text NOT NULL,
  note            text NOT NULL,
  basis           jsonb,
  created_at      timestamptz NOT NULL,
  PRIMARY KEY (store_id, id),
  CONSTRAINT ledger_idempotency_unique UNIQUE (store_id, idempotency_key),
  FOREIGN KEY (store_id, member_id) REFERENCES members (store_id, id)
);
CREATE INDEX ledger_by_member ON ledger_entries (store_id, member_id, created_at, seq);
CREATE INDEX ledger_by_source ON ledger_entries (store_id, source_type, source_id, created_at, seq);

CREATE TABLE audit_entries (
  store_id   bigint NOT NULL,
  id         text NOT NULL,
  seq        bigint GENERATED ALWAYS AS IDENTITY,
  actor      text NOT NULL,
  action     text NOT NULL,
  subject    text NOT NULL,
  details    jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (store_id, id)
);
CREATE INDEX audit_by_time ON audit_entries (store_id, created_at, seq);

CREATE TABLE inbox_events (
  store_id      bigint NOT NULL,
  event_id      text NOT NULL,
  seq           bigint GENERATED ALWAYS AS IDENTITY,
  event_type    text NOT NULL,
  entity_id     text NOT NULL,
  data          jsonb,
  event_created bigint NOT NULL,
  received_at   timestamptz NOT NULL,
  status        text NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
  attempts      integer NOT NULL,
  available_at  timestamptz NOT NULL,
  lease_until   timestamptz,
  last_error    text,
  processed_at  timestamptz,
  PRIMARY KEY (store_id, event_id)
);
-- claimNext scans only pending events, oldest received first, across stores
CREATE INDEX inbox_pending ON inbox_events (received_at, seq) WHERE status = 'pending';
CREATE INDEX inbox_by_status ON inbox_events (store_id, status);

CREATE TABLE order_records (
  store_id        bigint NOT NULL,
  order_id        text NOT NULL,
  seq             bigint GENERATED ALWAYS AS IDENTITY,
  internal_id     bigint,
  member_id       text NOT NULL,
  payment_status  text NOT NULL,
  counted         boolean NOT NULL,
  net_spend_minor bigint NOT NULL,
  placed_at       timestamptz NOT NULL,
  revision        bigint NOT NULL,
  updated_at      timestamptz NOT NULL,
  PRIMARY KEY (store_id, order_id)
);
CREATE INDEX order_records_by_internal_id ON order_records (store_id, internal_id);
CREATE INDEX order_records_by_member ON order_records (store_id, member_id, seq);

CREATE TABLE program_settings (
  store_id bigint PRIMARY KEY,
  settings jsonb NOT NULL
);

CREATE TABLE backfill_jobs (
  store_id bigint NOT NULL,
  id       text NOT NULL,
  seq      bigint GENERATED ALWAYS AS IDENTITY,
  job      jsonb NOT NULL,
  PRIMARY KEY (store_id, id)
);
CREATE INDEX backfill_jobs_by_start ON backfill_jobs (store_id, seq);

CREATE TABLE sign_in_codes (
  store_id    bigint NOT NULL,
  id          text NOT NULL,
  seq         bigint GENERATED ALWAYS AS IDENTITY,
  email       text NOT NULL,
  code_hash   text NOT NULL,
  expires_at  timestamptz NOT NULL,
  attempts    integer NOT NULL,
  consumed_at timestamptz,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (store_id, id)
);
CREATE INDEX sign_in_codes_by_email ON sign_in_codes (store_id, email, seq);
CREATE INDEX sign_in_codes_by_time ON sign_in_codes (store_id, created_at);
