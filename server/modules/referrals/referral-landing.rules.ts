import { fill } from "../i18n/language.js";
import type { Language } from "../settings/program-settings.js";
import type { FriendOffer, ShareChannel } from "./referral-settings.js";
import { REFERRAL_QUERY } from "./referral-wire.js";

/**
 * Where a friend is sent: the shop's own address with the code and channel added to its query (what it had
 * stays, and so does its #fragment, where Ecwid's storefront routes). Nothing the visitor sends chooses the
 * target; only a stored http(s) address qualifies, so a bad one sends nobody anywhere (null).
 */
export function shopRedirect(storeUrl: string, code: string, channel: ShareChannel): string | null {
  const url = shopUrl(storeUrl);
  if (!url) return null;
  url.searchParams.set(REFERRAL_QUERY.code, code);
  url.searchParams.set(REFERRAL_QUERY.channel, channel);
  return safeForRefresh(url);
}

/** The shop's address as it is, for a page that sends nobody with a code. */
export function plainShopUrl(storeUrl: string | null): string | null {
  const url = storeUrl ? shopUrl(storeUrl) : null;
  return url ? safeForRefresh(url) : null;
}

function shopUrl(storeUrl: string): URL | null {
  if (!URL.canParse(storeUrl)) return null;
  const url = new URL(storeUrl);
  return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password ? url : null;
}

// A meta refresh reads `0; url='…'`: an apostrophe left in the path would end the address early.
const safeForRefresh = (url: URL): string => url.href.replace(/'/g, "%27");

const LOCALES: Record<Language, string> = { en: "en", nl: "nl-NL", de: "de-DE", nb: "nb-NO" };

/** Minor units as the shopper's language writes the store's currency ("$5.00", "€ 5,00"). */
export function moneyIn(lang: Language, currency: string, precision: number): (minor: number) => string {
  let format: Intl.NumberFormat | null;
  try {
    format = new Intl.NumberFormat(LOCALES[lang], { style: "currency", currency, minimumFractionDigits: precision, maximumFractionDigits: precision });
  } catch {
    format = null;
  }
  return (minor) => (format ? format.format(minor / 10 ** precision) : `${(minor / 10 ** precision).toFixed(precision)} ${currency}`);
}

export type Say = (key: string, values?: Record<string, string | number>) => string;

/** A text of `texts` (merchant overrides included) with its values filled in. */
export const sayFrom =
  (texts: Record<string, string>): Say =>
  (key, values = {}) =>
    fill(texts[key] ?? key, values);

/** The friend's offer in words: "10% off your first order", "$5.00 off your first order of $50.00 or more". */
export function offerWords(offer: FriendOffer, say: Say, money: (minor: number) => string): string {
  const words =
    offer.kind === "percent_off"
      ? say("landing.offer.percent_off", { percent: offer.percent })
      : offer.kind === "amount_off"
        ? say("landing.offer.amount_off", { amount: money(offer.amountMinor) })
        : say("landing.offer.free_shipping");
  return offer.minOrderMinor > 0 ? say("landing.offer.minimum", { offer: words, amount: money(offer.minOrderMinor) }) : words;
}

/** What the landing page shows and tells link previews; logic-free for the view. */
export interface LandingPage {
  lang: Language;
  invited: boolean;
  title: string;
  /** The paragraph people read. */
  body: string;
  /** Link-preview tags (Open Graph, Twitter card): only for a live invitation. */
  preview: { description: string; imageUrl: string; imageAlt: string; pageUrl: string; siteName: string } | null;
  /** The shop (with the code when invited), or null when the shop is not known. */
  target: string | null;
  linkText: string | null;
}

export function invitedPage(input: { lang: Language; say: Say; storeName: string; offer: string; code: string; target: string; pageUrl: string; imageUrl: string }): LandingPage {
  const { say, storeName: store, offer, code } = input;
  return {
    lang: input.lang,
    invited: true,
    title: say("landing.title", { store }),
    body: say("landing.going", { store }),
    preview: {
      description: say("landing.description", { store, offer, code }),
      imageUrl: input.imageUrl,
      imageAlt: say("landing.card_alt", { store, offer }),
      pageUrl: input.pageUrl,
      siteName: store,
    },
    target: input.target,
    linkText: say("landing.continue", { store }),
  };
}

/** The friendly page for a code that leads nowhere: the shop and a link to it where the store is known. */
export function gonePage(input: { lang: Language; say: Say; store: { name: string; url: string | null } | null }): LandingPage {
  const { say, store } = input;
  const target = plainShopUrl(store?.url ?? null);
  return {
    lang: input.lang,
    invited: false,
    title: store ? `${say("landing.gone.title")} · ${store.name}` : say("landing.gone.title"),
    body: say("landing.gone.body"),
    preview: null,
    target,
    linkText: target && store ? say("landing.gone.visit", { store: store.name }) : null,
  };
}
