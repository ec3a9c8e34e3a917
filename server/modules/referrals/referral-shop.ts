import { ExpiringCache } from "../../lib/expiring-cache.js";
import type { ChangeSignal } from "../../lib/change-signal.js";
import type { Clock } from "../../lib/clock.js";
import { resolveLanguage, textsFor } from "../i18n/language.js";
import { LANDING_TEXTS } from "../i18n/landing-texts.js";
import type { Language } from "../settings/program-settings.js";
import type { SettingsService } from "../settings/settings.service.js";
import { readableTheme } from "../settings/theme-contrast.rules.js";
import type { InstallRepository } from "../stores/install.js";
import type { ShopAddressService } from "../stores/shop-address.service.js";
import { moneyIn, offerWords, sayFrom, type Say } from "./referral-landing.rules.js";
import type { ShareCard } from "./share-card.svg.js";

/** A shop whose referral program takes friends now: its name, address, language, the offer in words and its card. */
export interface LiveShop {
  live: true;
  storeId: number;
  name: string;
  url: string;
  lang: Language;
  say: Say;
  offer: string;
  card: ShareCard;
}

/** A shop known by its install that takes no friends now (uninstalled, program off, no address known). */
export interface ClosedShop {
  live: false;
  name: string;
  url: string | null;
  lang: Language;
  say: Say;
}

const KEEP_MS = 10_000;

/**
 * What the landing, the share card and the QR code need of a store, read once per store every few seconds (a
 * shared link is followed in bursts) and dropped at once when the merchant saves the program in this process.
 */
export class ReferralShops {
  readonly #shops: ExpiringCache<number, LiveShop | ClosedShop | null>;

  constructor(
    private readonly deps: {
      installs: InstallRepository;
      settings: Pick<SettingsService, "get">;
      shopAddress: Pick<ShopAddressService, "of">;
      clock: Clock;
      changes: ChangeSignal<number>;
    },
  ) {
    this.#shops = new ExpiringCache(KEEP_MS, () => deps.clock.now().getTime());
    deps.changes.listen((storeId) => this.#shops.forget(storeId));
  }

  /** The store as the landing sees it; null for a store never installed (not kept, so made-up ids cost no memory). */
  of(storeId: number): Promise<LiveShop | ClosedShop | null> {
    return this.#shops.get(
      storeId,
      () => this.#read(storeId),
      (shop) => shop !== null,
    );
  }

  async #read(storeId: number): Promise<LiveShop | ClosedShop | null> {
    const install = await this.deps.installs.get(storeId);
    if (!install) return null;
    const lang = resolveLanguage(install.lang);
    const closed: ClosedShop = { live: false, name: install.storeName, url: install.storeUrl, lang, say: sayFrom(textsFor(LANDING_TEXTS, lang, {})) };
    if (install.status !== "active") return closed;
    const settings = await this.deps.settings.get(storeId);
    const url = await this.deps.shopAddress.of(install);
    const say = sayFrom(textsFor(LANDING_TEXTS, lang, settings.texts));
    if (!settings.referrals.enabled || !url) return { ...closed, url, say };
    const offer = offerWords(settings.referrals.friendOffer, say, moneyIn(lang, install.currency, install.currencyPrecision));
    const theme = readableTheme(settings.theme);
    const card = { storeName: install.storeName, offer, tagline: say("landing.gift"), background: theme.primaryColor, foreground: theme.textColor };
    return { live: true, storeId, name: install.storeName, url, lang, say, offer, card };
  }
}
