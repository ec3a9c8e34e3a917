import crypto from "node:crypto";
import { safeEqual } from "../../lib/secret-box.js";

export interface UnsubscribeTarget {
  storeId: number;
  memberId: string;
}

/** The link in every program email that unsubscribes its member; its token proves the app made it. */
export interface UnsubscribeLinks {
  url(storeId: number, memberId: string): string;
  /** The member a token names, or null for a forged, cut or malformed one. */
  read(token: string): UnsubscribeTarget | null;
}

const TOKEN = /^u1\.([1-9]\d{0,15})\.([a-z0-9_-]{1,64})\.([A-Za-z0-9_-]{43})$/;

/**
 * Tokens `u1.<storeId>.<memberId>.<mac>`, the mac an HMAC-SHA256 of both under the app's session secret. They do
 * not expire, unlike sessions (session-tokens.ts): an unsubscribe link in a year-old email must still work, and
 * all it can do is stop emails to the member it names.
 */
export function createUnsubscribeLinks(secret: string, baseUrl: string): UnsubscribeLinks {
  const mac = (storeId: number, memberId: string) => crypto.createHmac("sha256", secret).update(`unsubscribe:${storeId}:${memberId}`).digest("base64url");
  return {
    url(storeId, memberId) {
      return `${baseUrl}/email/unsubscribe/u1.${storeId}.${memberId}.${mac(storeId, memberId)}`;
    },
    read(token) {
      const match = TOKEN.exec(token);
      if (!match) return null;
      const storeId = Number(match[1]);
      const memberId = match[2]!;
      return Number.isSafeInteger(storeId) && safeEqual(mac(storeId, memberId), match[3]!) ? { storeId, memberId } : null;
    },
  };
}
