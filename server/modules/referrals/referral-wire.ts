/**
 * Names shared by the server and the storefront loader (which bundles this file, so it imports nothing): the
 * landing sends a friend to the shop with `?ql_ref=CODE&ql_ch=CHANNEL`; the loader keeps them for 30 days and
 * sets them as hidden order extra fields (CONTRACT §5.3), which the order carries back in `extraFields`.
 */
export const REFERRAL_QUERY = { code: "ql_ref", channel: "ql_ch" } as const;
export const REFERRAL_EXTRA_FIELDS = { code: "questline_ref", channel: "questline_ch" } as const;
/** How long the loader remembers a friend's code. */
export const REFERRAL_MEMORY_DAYS = 30;
/** A referral code: letters from a name (up to 8), a dash, 4 characters without look-alikes (no 0/O, 1/I/L). */
export const REFERRAL_CODE_PATTERN = /^[A-Z]{1,8}-[2-9A-HJKMNP-Z]{4}$/;
