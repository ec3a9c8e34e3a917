import type { ShareChannel } from "./referral-settings.js";

/**
 * The public addresses of an ambassador's code, built in one place so `/me`, the landing and the dashboard agree.
 * `baseUrl` is the app's public origin without a trailing slash (config.baseUrl); codes are upper case and
 * URL-safe by REFERRAL_CODE_PATTERN, but are still encoded so a stray one can never break out of the path.
 */
export function referralLink(baseUrl: string, code: string, channel?: ShareChannel): string {
  const link = `${baseUrl}/r/${encodeURIComponent(code)}`;
  return channel ? `${link}?ch=${channel}` : link;
}

/** An SVG QR code of the link, counted as channel "qr". */
export function referralQrLink(baseUrl: string, code: string): string {
  return `${baseUrl}/r/${encodeURIComponent(code)}/qr.svg`;
}

/** The shop's PNG share card; `offerKey` changes with the offer so caches of an older card are never reused. */
export function shareCardLink(baseUrl: string, storeId: number, offerKey: string): string {
  return `${baseUrl}/api/storefront/${storeId}/share-card.png?v=${encodeURIComponent(offerKey)}`;
}
