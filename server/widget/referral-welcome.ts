import { copyField } from "./copy-field.js";
import { h, muted, titled, type Child } from "./dom.js";
import type { Format } from "./format.js";
import type { View } from "./sections.js";
import type { FriendOffer } from "./types.js";

/** The friend's offer in words under `key` ("10% off your first order"), and its minimum order if it has one. */
export function offerWords(f: Format, offer: FriendOffer, key: string): Child[] {
  const words = f.t(`${key}.${offer.kind}`, { percent: "percent" in offer ? offer.percent : "", amount: "amountMinor" in offer ? f.money(offer.amountMinor) : "" });
  return [words, offer.minOrderMinor > 0 && muted(f.t("offer.minimum", { amount: f.money(offer.minOrderMinor) }), true)];
}

/** For a friend who came through an ambassador's link: the offer waiting for them and the code to type at checkout. */
export function welcomeCard(view: View, code: string): HTMLElement | null {
  const { program, f } = view;
  const { enabled, friendOffer } = program.referral;
  if (!enabled || !friendOffer) return null;
  const [words, minimum] = offerWords(f, friendOffer, "offer");
  return titled(
    { class: "card welcome" },
    f.t("welcome.title"),
    h("p", { class: "earn" }, words),
    minimum,
    copyField(view, code, f.t("welcome.code"), "coupon"),
    muted(f.t("welcome.how", { store: program.storeName }), true),
  );
}
