import QRCode from "qrcode";
import { ExpiringCache } from "../../lib/expiring-cache.js";
import type { Clock } from "../../lib/clock.js";
import type { Logger } from "../../lib/logger.js";
import { clientNetwork } from "../../lib/rate-limit/client-network.js";
import type { UnitOfWork } from "../../storage/storage.port.js";
import { sayFrom, gonePage, invitedPage, shopRedirect, type LandingPage } from "./referral-landing.rules.js";
import { LANDING_TEXTS } from "../i18n/landing-texts.js";
import type { ReferralClickCounter } from "./referral-click-counter.js";
import type { ReferralCodeIndex } from "./referral-code-index.js";
import { referralLink, shareCardLink } from "./referral-link.js";
import { SHARE_CHANNELS, type ShareChannel } from "./referral-settings.js";
import type { ReferralShops } from "./referral-shop.js";
import { fromCouponSite, hasAdClickId, isCrawler, normaliseCode, visitChannel } from "./referral-visit.rules.js";
import { cardKey, type ShareCardRenderer } from "./share-card-renderer.js";
import type { VisitorMemory } from "./visitor-memory.js";

/** A visit to `GET /r/:code` as the route read it; nothing in it chooses where the visitor is sent. */
export interface LandingVisit {
  code: unknown;
  channel: unknown;
  query: Record<string, unknown>;
  referer: string | undefined;
  userAgent: string | undefined;
  address: string;
}

/** Where a code leads: its store, and the member holding it while they may share it (null: blocked, or gone). */
interface CodeOwner {
  storeId: number;
  memberId: string | null;
}

const KEEP_MS = 10_000;
const GONE_ANYWHERE = sayFrom(LANDING_TEXTS.en);

/**
 * The referral landing: a code's page with the shop's share-card tags, the visit counted (people only, once a day
 * each), and the shop's own address with the code as the only way on. A code that leads nowhere, or anything
 * failing on the way, gives the friendly page instead: a shared link never shows an error.
 */
export class ReferralLandingService {
  readonly #owners: ExpiringCache<string, CodeOwner | null>;

  constructor(
    private readonly deps: {
      codes: Pick<ReferralCodeIndex, "find">;
      storage: UnitOfWork<"members">;
      shops: ReferralShops;
      clicks: Pick<ReferralClickCounter, "add">;
      visitors: VisitorMemory;
      cards: ShareCardRenderer;
      baseUrl: string;
      clock: Clock;
      logger: Logger;
    },
  ) {
    this.#owners = new ExpiringCache(KEEP_MS, () => deps.clock.now().getTime());
  }

  async visit(visit: LandingVisit): Promise<LandingPage> {
    try {
      return await this.#land(visit);
    } catch (err) {
      this.deps.logger.error({ err }, "a referral landing failed; the friendly page was shown");
      return gonePage({ lang: "en", say: GONE_ANYWHERE, store: null });
    }
  }

  /** The link as an SVG QR code (channel "qr"), for a code friends can follow now; else null. */
  async qrSvg(rawCode: unknown): Promise<string | null> {
    const code = normaliseCode(rawCode);
    const owner = code ? await this.#owner(code) : null;
    const shop = owner?.memberId ? await this.deps.shops.of(owner.storeId) : null;
    if (!code || !shop?.live) return null;
    return QRCode.toString(referralLink(this.deps.baseUrl, code, "qr"), { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  }

  /** The store's PNG share card while its referral program is live; else null. */
  async shareCard(storeId: number): Promise<{ png: Buffer; key: string } | null> {
    const shop = await this.deps.shops.of(storeId);
    if (!shop?.live) return null;
    return { png: await this.deps.cards.png(shop.card), key: cardKey(shop.card) };
  }

  async #land(visit: LandingVisit): Promise<LandingPage> {
    const code = normaliseCode(visit.code);
    const owner = code ? await this.#owner(code) : null;
    const shop = owner ? await this.deps.shops.of(owner.storeId) : null;
    if (!shop) return gonePage({ lang: "en", say: GONE_ANYWHERE, store: null });
    const channel = visitChannel(visit.channel);
    const target = shop.live && code && owner?.memberId ? shopRedirect(shop.url, code, channel) : null;
    if (!shop.live || !code || !owner?.memberId || !target) return gonePage({ lang: shop.lang, say: shop.say, store: shop });
    this.#count(visit, { storeId: owner.storeId, memberId: owner.memberId, code, channel });
    const named = (SHARE_CHANNELS as readonly string[]).includes(visit.channel as string) ? channel : undefined;
    return invitedPage({
      lang: shop.lang,
      say: shop.say,
      storeName: shop.name,
      offer: shop.offer,
      code,
      target,
      pageUrl: referralLink(this.deps.baseUrl, code, named),
      imageUrl: shareCardLink(this.deps.baseUrl, shop.storeId, cardKey(shop.card)),
    });
  }

  #count(visit: LandingVisit, to: { storeId: number; memberId: string; code: string; channel: ShareChannel }): void {
    if (isCrawler(visit.userAgent)) return;
    const day = this.deps.clock.now().toISOString().slice(0, 10);
    if (!this.deps.visitors.firstToday({ network: clientNetwork(visit.address), userAgent: visit.userAgent!, code: to.code }, day)) return;
    this.deps.clicks.add({ ...to, adClick: hasAdClickId(visit.query), couponSite: fromCouponSite(visit.referer), at: this.deps.clock.now() });
  }

  /** Kept a few seconds when the code exists, so a burst of visits reads the index and the member once. */
  #owner(code: string): Promise<CodeOwner | null> {
    return this.#owners.get(
      code,
      async () => {
        const claim = await this.deps.codes.find(code);
        if (!claim) return null;
        const member = await this.deps.storage.read(claim.storeId, (tx) => tx.members.findByReferralCode(claim.storeId, code));
        return { storeId: claim.storeId, memberId: member?.referral && !member.referral.blocked ? member.id : null };
      },
      (owner) => owner !== null,
    );
  }
}
