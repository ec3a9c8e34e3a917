-- The referral landing sends friends to the shop: installs keep the storefront's address (null until Ecwid names one).
ALTER TABLE installs ADD COLUMN store_url text;
