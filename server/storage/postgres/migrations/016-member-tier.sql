-- A member's tiers (earned, paid, assigned) and Ecwid customer group, kept with the member; null until first reviewed.
ALTER TABLE members ADD COLUMN tier jsonb;
