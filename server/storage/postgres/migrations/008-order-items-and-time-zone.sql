-- The game measures products and categories bought, and calendar periods in the store's time zone:
-- order records keep their items (those saved before have none), installs the profile's time zone.
ALTER TABLE order_records ADD COLUMN items jsonb NOT NULL DEFAULT '[]';
ALTER TABLE installs ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC';
