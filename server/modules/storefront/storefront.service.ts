import { AppError } from "../../lib/errors.js";
import type { Storage } from "../../storage/storage.port.js";
import { resolveLanguage, textsFor } from "../i18n/language.js";
import { WIDGET_TEXTS } from "../i18n/widget-texts.js";
import { goalProgress, tierStanding } from "../program/progress.rules.js";
import type { SettingsService } from "../settings/settings.service.js";
import type { ShopperPrincipal } from "../shoppers/shopper-session.service.js";
import type { InstallService } from "../stores/install.service.js";

/** What the storefront widget reads: the public program of a store, and a verified shopper's own standing. */
export class StorefrontService {
  constructor(private readonly deps: { storage: Storage; installs: InstallService; settings: SettingsService }) {}

  /** Public: anyone may read it, so it holds nothing about any shopper. */
  async program(storeId: number, langInput: unknown) {
    const install = await this.deps.installs.requireActive(storeId);
    const settings = await this.deps.settings.get(storeId);
    const lang = resolveLanguage(langInput);
    const { points, perAmountMinor, minOrderMinor } = settings.earning;
    return {
      storeId,
      storeName: install.storeName,
      lang,
      currency: install.currency,
      currencyPrecision: install.currencyPrecision,
      earning: { points, perAmountMinor, minOrderMinor },
      challenges: settings.challenges,
      badges: settings.badges,
      tiers: [...settings.tiers].sort((a, b) => a.thresholdMinor - b.thresholdMinor),
      rewards: settings.rewards,
      referral: { enabled: false },
      theme: settings.theme,
      texts: textsFor(WIDGET_TEXTS, lang, settings.texts),
    };
  }

  /** Only for the member the verified session names. */
  async me(principal: ShopperPrincipal) {
    const { storeId, memberId } = principal;
    await this.deps.installs.requireActive(storeId);
    const settings = await this.deps.settings.get(storeId);
    return this.deps.storage.read(storeId, async (tx) => {
      const member = await tx.members.get(storeId, memberId);
      // A session for a member the store no longer has (data purged after an uninstall) must sign in again.
      if (!member) throw new AppError("unauthorized", "Your membership was not found; sign in again");
      const { items } = await tx.ledger.listForMember(storeId, memberId, { limit: 10, offset: 0 });
      return {
        member: { email: member.email, balance: member.balance },
        tier: tierStanding(settings.tiers, member.stats.lifetimeSpendMinor),
        challenges: settings.challenges.map((challenge) => ({ id: challenge.id, ...goalProgress(challenge.goal, member.stats) })),
        badges: settings.badges.map((badge) => ({ id: badge.id, earned: goalProgress(badge.goal, member.stats).completed })),
        referral: null,
        recentLedger: items.map((entry) => ({ delta: entry.delta, kind: entry.kind, note: entry.note, createdAt: entry.createdAt })),
        coupons: [],
      };
    });
  }
}
