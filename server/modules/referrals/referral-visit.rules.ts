import { isbot } from "isbot";
import { REFERRAL_CODE_PATTERN } from "./referral-wire.js";
import { SHARE_CHANNELS, type ShareChannel } from "./referral-settings.js";

/** A code as typed in a link: trimmed and upper-cased, or null when it cannot be a code at all. */
export function normaliseCode(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length > 40) return null;
  const code = raw.trim().toUpperCase();
  return REFERRAL_CODE_PATTERN.test(code) ? code : null;
}

/** The `?ch=` a share button put on the link; anything else, or none, is "other". */
export function visitChannel(raw: unknown): ShareChannel {
  return typeof raw === "string" && (SHARE_CHANNELS as readonly string[]).includes(raw) ? (raw as ShareChannel) : "other";
}

/**
 * Click ids ad platforms add to the URLs of paid ads (Google, Meta, Microsoft, TikTok, X, LinkedIn, Google's
 * Display & Video 360 and its iOS variants): a visit carrying one came through an ad, not from a friend.
 */
export const AD_CLICK_IDS = ["gclid", "fbclid", "msclkid", "ttclid", "twclid", "li_fat_id", "dclid", "gbraid", "wbraid"] as const;

export const hasAdClickId = (query: Record<string, unknown>): boolean => AD_CLICK_IDS.some((name) => Object.hasOwn(query, name));

/**
 * Sites that collect and publish discount codes (and their subdomains): a visit referred by one means the code
 * was posted for strangers, not shared with friends. A short list of the largest, kept by hand; a miss only
 * loses a signal, it never refuses a visit.
 */
export const COUPON_SITES = [
  "retailmenot.com",
  "joinhoney.com",
  "couponfollow.com",
  "coupons.com",
  "couponcabin.com",
  "couponbirds.com",
  "dealspotr.com",
  "dontpayfull.com",
  "knoji.com",
  "offers.com",
  "promocodes.com",
  "savings.com",
  "slickdeals.net",
  "wethrift.com",
  "hotdeals.com",
  "vouchercodes.co.uk",
  "vouchercloud.com",
  "hotukdeals.com",
  "mydealz.de",
  "dealabs.com",
  "pepper.com",
  "picodi.com",
] as const;

export function fromCouponSite(referer: string | undefined): boolean {
  if (!referer || !URL.canParse(referer)) return false;
  const host = new URL(referer).hostname.toLowerCase().replace(/\.$/, "");
  return COUPON_SITES.some((site) => host === site || host.endsWith(`.${site}`));
}

/** Link-preview crawlers, search engines and scripts read the page but are not people following a link; a visit without a user agent neither. */
export const isCrawler = (userAgent: string | undefined): boolean => !userAgent?.trim() || isbot(userAgent);
