import type { MemberReferral } from "./referral.js";
import { REFERRAL_CODE_PATTERN } from "./referral-wire.js";

/** The four characters after the dash: no 0/O, 1/I/L, so a code read aloud or off a screen is typed right. */
export const CODE_SUFFIX_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const CODE_SUFFIX_LENGTH = 4;
const STEM_LENGTH = 8;
const FALLBACK_STEM = "FRIEND";

/** Letters Unicode does not decompose into ASCII, written as English speakers would type them. */
const SPELLED: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", đ: "d", ł: "l", þ: "th", ð: "d", ı: "i" };

/** The first word of `text` in ASCII letters, upper case (Zoë → ZOE, Łukasz → LUKASZ, Søren → SOREN); "" when none. */
function firstWord(text: string): string {
  const folded = text
    .toLowerCase()
    .replace(/[ßæœøđłþðı]/g, (letter) => SPELLED[letter] ?? "")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "");
  return (/[a-z]+/.exec(folded)?.[0] ?? "").toUpperCase();
}

/**
 * The readable part of a member's code: their first name, else their email's local part, folded to at most
 * eight ASCII letters in upper case; "FRIEND" when neither gives a letter.
 */
export function codeStem(member: { name: string | null; email: string | null }): string {
  const fromName = member.name ? firstWord(member.name) : "";
  const fromEmail = member.email ? firstWord(member.email.split("@")[0] ?? "") : "";
  return (fromName || fromEmail || FALLBACK_STEM).slice(0, STEM_LENGTH);
}

/** "MAYA" and "7Q2K" → "MAYA-7Q2K"; refuses what REFERRAL_CODE_PATTERN would not accept. */
export function referralCode(stem: string, suffix: string): string {
  const code = `${stem}-${suffix}`;
  if (!REFERRAL_CODE_PATTERN.test(code)) throw new Error(`not a referral code: ${code}`);
  return code;
}

/** A member's ambassador side the moment their code is issued: no coupon yet, not blocked, nothing counted. */
export const newMemberReferral = (code: string, at: string): MemberReferral => ({
  code,
  createdAt: at,
  coupon: null,
  blocked: null,
  clicks: {},
  firstVisitAt: null,
  adClicks: 0,
  couponSiteClicks: 0,
  friendsOrdered: 0,
  pending: 0,
  paid: 0,
});
