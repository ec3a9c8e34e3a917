-- A catalog reward a challenge names is granted free on completion: the redemption says which completion
-- granted it (challenge, its title then, period key); redemptions saved before were bought with points.
ALTER TABLE redemptions ADD COLUMN granted_by jsonb;
