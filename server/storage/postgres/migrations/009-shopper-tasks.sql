-- The game's shopper tasks: members keep what they told the game (birthday, leaderboard choice, name), and
-- each task done or proof sent is a completion. A member has one live (not rejected) completion per challenge
-- and period; a rejected proof may be sent again.
ALTER TABLE members ADD COLUMN game jsonb NOT NULL DEFAULT '{"birthday": null, "birthdaySetAt": null, "leaderboard": false, "name": null}';
-- the yearly birthday bonus finds the day's members ("MM-DD" of "MM-DD" or "YYYY-MM-DD")
CREATE INDEX members_by_birthday ON members (store_id, (right(game->>'birthday', 5))) WHERE game->>'birthday' IS NOT NULL;

CREATE TABLE task_completions (
  store_id      bigint NOT NULL,
  id            text NOT NULL,
  seq           bigint GENERATED ALWAYS AS IDENTITY,
  member_id     text NOT NULL,
  challenge_id  text NOT NULL,
  period_key    text NOT NULL,
  status        text NOT NULL,
  answer        jsonb,
  link          text,
  photo         boolean NOT NULL,
  reason        text,
  completed_at  timestamptz NOT NULL,
  decided_at    timestamptz,
  PRIMARY KEY (store_id, id)
);
CREATE UNIQUE INDEX task_completions_live ON task_completions (store_id, member_id, challenge_id, period_key) WHERE status <> 'rejected';
-- a member's completions (GET /me), and the review queue, oldest first
CREATE INDEX task_completions_by_member ON task_completions (store_id, member_id, seq);
CREATE INDEX task_completions_by_status ON task_completions (store_id, status, seq);
