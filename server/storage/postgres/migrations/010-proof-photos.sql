-- Proof photos waiting for the merchant's review, apart from the completions so a list of them never reads the images.
CREATE TABLE proof_photos (
  store_id  bigint NOT NULL,
  id        text NOT NULL,
  type      text NOT NULL,
  data      bytea NOT NULL,
  PRIMARY KEY (store_id, id)
);
