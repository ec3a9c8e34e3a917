import type { EcwidCouponInput } from "../../ecwid/wire-types.js";
import type { FriendOffer } from "./referral-settings.js";

/** Names a friend offer's terms: a coupon made with other terms is remade; the share card's address changes with it. */
export function friendOfferKey(offer: FriendOffer): string {
  switch (offer.kind) {
    case "amount_off":
      return `amount_off:${offer.amountMinor}:${offer.minOrderMinor}`;
    case "percent_off":
      return `percent_off:${offer.percent}:${offer.minOrderMinor}`;
    case "free_shipping":
      return `free_shipping:${offer.minOrderMinor}`;
  }
}

export interface FriendCouponTerms {
  code: string;
  storeName: string;
  /** The store currency's decimals: amounts go to Ecwid as decimals. */
  precision: number;
  /** ACTIVE while the program runs and the ambassador is not blocked, else PAUSED. */
  active: boolean;
}

/** Ecwid shows a coupon's name at checkout; a shop's long name is cut so the whole stays readable. */
const NAME_LENGTH = 100;

/**
 * The `POST`/`PUT /discount_coupons` body of an ambassador's code (CONTRACT §4.9): the friend's offer, for new
 * customers only and once per customer (so Ecwid itself keeps it to a friend's first order), never expiring.
 */
export function friendCoupon(offer: FriendOffer, terms: FriendCouponTerms): EcwidCouponInput {
  const money = (minor: number) => minor / 10 ** terms.precision;
  const discount: Pick<EcwidCouponInput, "discountType" | "discount"> =
    offer.kind === "amount_off"
      ? { discountType: "ABS", discount: money(offer.amountMinor) }
      : offer.kind === "percent_off"
        ? { discountType: "PERCENT", discount: offer.percent }
        : { discountType: "SHIPPING", discount: 0 };
  const suffix = `: friend of ${terms.code}`;
  return {
    name: `${terms.storeName.slice(0, NAME_LENGTH - suffix.length)}${suffix}`,
    code: terms.code,
    ...discount,
    status: terms.active ? "ACTIVE" : "PAUSED",
    totalLimit: money(offer.minOrderMinor),
    usesLimit: "ONCEPERCUSTOMER",
    applicationLimit: "NEW_CUSTOMER_ONLY",
    catalogLimit: { products: [], categories: [] },
  };
}
