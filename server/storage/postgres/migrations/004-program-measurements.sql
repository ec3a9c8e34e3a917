-- Background measurements of members' histories against a changed program, one jsonb document each
-- (as backfill_jobs), listed newest first.
CREATE TABLE program_measurements (
  store_id bigint NOT NULL,
  id       text NOT NULL,
  seq      bigint GENERATED ALWAYS AS IDENTITY,
  job      jsonb NOT NULL,
  PRIMARY KEY (store_id, id)
);
CREATE INDEX program_measurements_by_start ON program_measurements (store_id, seq);
