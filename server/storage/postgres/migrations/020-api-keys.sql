-- Merchants' keys for the admin API: only the SHA-256 of each key is kept; a revoked key's row is deleted.
CREATE TABLE api_keys (
  store_id     bigint NOT NULL,
  id           text NOT NULL,
  seq          bigint GENERATED ALWAYS AS IDENTITY,
  name         text NOT NULL,
  scope        text NOT NULL CHECK (scope IN ('read', 'write')),
  hash         text NOT NULL,
  last_four    text NOT NULL,
  created_at   timestamptz NOT NULL,
  created_by   text NOT NULL,
  last_used_at timestamptz,
  PRIMARY KEY (store_id, id)
);
