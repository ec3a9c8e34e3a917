-- The holdout a member was drawn in when they joined (left out of the program or not, and until when); null when none ran.
ALTER TABLE members ADD COLUMN holdout jsonb;
