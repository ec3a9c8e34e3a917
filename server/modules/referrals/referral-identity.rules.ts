import { createHmac } from "node:crypto";

/** Mail providers that ignore dots in the local part: `m.aya@gmail.com` reaches `maya@gmail.com`. */
const DOTLESS_DOMAINS = new Set(["gmail.com", "googlemail.com"]);

/**
 * One person's address however they spell it: case and spaces aside, without a `+tag`, and for Gmail without
 * dots (googlemail is gmail). Two orders whose emails match this way come from one inbox.
 */
export function personalEmail(email: string | null): string | null {
  const trimmed = email?.trim().toLowerCase() ?? "";
  const at = trimmed.lastIndexOf("@");
  if (at <= 0 || at === trimmed.length - 1) return trimmed || null;
  let local = trimmed.slice(0, at).split("+")[0]!;
  let domain = trimmed.slice(at + 1);
  if (DOTLESS_DOMAINS.has(domain)) {
    local = local.replace(/\./g, "");
    domain = "gmail.com";
  }
  return `${local}@${domain}`;
}

/**
 * The key of address hashes, derived from the app's encryption key (config) under a label of its own, so it is
 * secret, stable across restarts and processes, and never the encryption key itself.
 */
export const referralAddressSecret = (encryptionKey: string): string => createHmac("sha256", encryptionKey).update("questline:referral-address-key").digest("base64url");

/** The part of an order's `shippingPerson` (CONTRACT §4.6) that says where it goes. */
export interface ShippingAddress {
  street?: string | null;
  city?: string | null;
  postalCode?: string | null;
  countryCode?: string | null;
}

const fold = (text: string | null | undefined) =>
  (text ?? "")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/**
 * A keyed hash of where an order ships, so two orders to one door match without the address being kept: street,
 * postal code, city and country, accents, case and punctuation aside. Null without a street (a pickup, a download).
 */
export function addressKey(address: ShippingAddress | null | undefined, key: string): string | null {
  const street = fold(address?.street);
  if (!street) return null;
  const text = [street, fold(address?.postalCode).replace(/ /g, ""), fold(address?.city), fold(address?.countryCode)].join("|");
  return createHmac("sha256", key).update(text).digest("base64url").slice(0, 32);
}
