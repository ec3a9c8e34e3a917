import type { OrderFacts } from "../orders/order-facts.js";
import { shareChannelSchema, type ShareChannel } from "./referral-settings.js";
import { REFERRAL_CODE_PATTERN, REFERRAL_EXTRA_FIELDS } from "./referral-wire.js";

/** The referral codes an order carries: as its coupon, and in the hidden extra field the loader sets; the channel the friend came by. */
export interface CarriedCodes {
  coupon: string | null;
  extraField: string | null;
  channel: ShareChannel | null;
}

/** A code as typed or stored, upper case; null unless it has the shape of a referral code (anything can arrive from a browser). */
function asCode(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const code = value.trim().toUpperCase();
  return REFERRAL_CODE_PATTERN.test(code) ? code : null;
}

export function carriedCodes(facts: Pick<OrderFacts, "couponCode" | "extraFields">): CarriedCodes {
  const channel = facts.extraFields[REFERRAL_EXTRA_FIELDS.channel];
  const known = shareChannelSchema.safeParse(typeof channel === "string" ? channel.trim().toLowerCase() : channel);
  return {
    coupon: asCode(facts.couponCode),
    extraField: asCode(facts.extraFields[REFERRAL_EXTRA_FIELDS.code]),
    // A channel we do not know is still a visit through the link: "other", as the landing counts it.
    channel: known.success ? known.data : typeof channel === "string" && channel.trim() ? "other" : null,
  };
}
