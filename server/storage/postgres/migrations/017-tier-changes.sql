-- Every change of the tier a member holds, appended as it happens (reached, kept, grace started, demoted, bought...).
CREATE TABLE tier_changes (
  store_id     bigint NOT NULL,
  id           text NOT NULL,
  seq          bigint GENERATED ALWAYS AS IDENTITY,
  member_id    text NOT NULL,
  from_tier_id text,
  to_tier_id   text,
  reason       text NOT NULL,
  details      jsonb NOT NULL,
  at           timestamptz NOT NULL,
  PRIMARY KEY (store_id, id)
);
-- a member's changes, newest first (the merchant's member page, the shopper's /me)
CREATE INDEX tier_changes_by_member ON tier_changes (store_id, member_id, seq);

-- The tier review job's work: members never reviewed, and those whose scheduled review has come (ISO instants compare as text).
CREATE INDEX members_tier_unreviewed ON members (store_id, seq) WHERE tier IS NULL;
CREATE INDEX members_tier_review_at ON members (store_id, ((tier->'earned'->>'reviewAt'))) WHERE tier IS NOT NULL;
