import { REFERRAL_CODE_PATTERN, REFERRAL_MEMORY_DAYS, REFERRAL_QUERY } from "../modules/referrals/referral-wire.js";

/** A friend's referral code and the channel their link came through, as the loader keeps them. */
export interface RememberedReferral {
  code: string;
  channel: string;
}

/** "CODE channel expiresAtMs" */
const KEY = "questline:referral";
const CHANNEL = /^[a-z]{1,12}$/;

/**
 * The code of the referral link the page was opened with (`?ql_ref=CODE&ql_ch=CH`), kept for 30 days; else the
 * one kept before while it lasts (an expired or garbled one is dropped). A newer link replaces an older one.
 */
export function rememberReferral(search: string, now = Date.now()): RememberedReferral | null {
  const query = new URLSearchParams(search);
  const code = (query.get(REFERRAL_QUERY.code) || "").toUpperCase();
  const channel = query.get(REFERRAL_QUERY.channel) || "";
  const fresh = REFERRAL_CODE_PATTERN.test(code) ? { code, channel: CHANNEL.test(channel) ? channel : "other" } : null;
  try {
    if (fresh) localStorage.setItem(KEY, `${fresh.code} ${fresh.channel} ${now + REFERRAL_MEMORY_DAYS * 864e5}`);
    const [kept = "", via = "", until] = (localStorage.getItem(KEY) || "").split(" ");
    if (Number(until) > now && REFERRAL_CODE_PATTERN.test(kept) && CHANNEL.test(via)) return { code: kept, channel: via };
    localStorage.removeItem(KEY);
  } catch {
    // storage refused (private mode, strict settings): a code from this page's link lasts as long as the page
  }
  return fresh;
}
