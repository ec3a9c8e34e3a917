-- What the program's emails need of a member: the language they last used, whether they unsubscribed
-- (sign-in codes still go), and the expiry they were last warned of, so each is warned of once.
ALTER TABLE members
  ADD COLUMN lang text,
  ADD COLUMN unsubscribed_at timestamptz,
  ADD COLUMN expiry_warned_for timestamptz;
