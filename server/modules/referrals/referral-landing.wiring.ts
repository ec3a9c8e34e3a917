import type { EcwidClient } from "../../ecwid/ecwid-client.js";
import type { ChangeSignal } from "../../lib/change-signal.js";
import type { Clock } from "../../lib/clock.js";
import type { Logger } from "../../lib/logger.js";
import type { Storage } from "../../storage/storage.port.js";
import { unitOfWork } from "../../storage/unit-of-work.js";
import type { SettingsService } from "../settings/settings.service.js";
import type { InstallService } from "../stores/install.service.js";
import { ShopAddressService } from "../stores/shop-address.service.js";
import { shareChallengePayer } from "../program/referral-challenges.js";
import { ReferralClickCounter } from "./referral-click-counter.js";
import { ReferralLandingService } from "./referral-landing.service.js";
import { ReferralShops } from "./referral-shop.js";
import { ShareCardRenderer } from "./share-card-renderer.js";
import { VisitorMemory } from "./visitor-memory.js";

/** The landing's parts, put together for the container: the page, its QR code and card, and the click counter it feeds. */
export function createReferralLanding(deps: {
  storage: Pick<Storage, "transaction" | "read" | "installs" | "referralCodes">;
  installs: InstallService;
  settings: Pick<SettingsService, "get">;
  ecwid: EcwidClient;
  /** Told when the merchant saves the program in this process. */
  programChanges: ChangeSignal<number>;
  baseUrl: string;
  clock: Clock;
  logger: Logger;
}): { landing: ReferralLandingService; clicks: ReferralClickCounter } {
  const { storage, clock, logger } = deps;
  const members = unitOfWork(storage, "members");
  const clicks = new ReferralClickCounter({
    storage: unitOfWork(storage, "members", "orders", "referrals", "ledger", "redemptions", "settings", "webhooks"),
    payShares: shareChallengePayer(deps.installs, clock),
    logger,
  });
  const shopAddress = new ShopAddressService({ installs: storage.installs, tokens: deps.installs, ecwid: deps.ecwid, clock, logger });
  const shops = new ReferralShops({ installs: storage.installs, settings: deps.settings, shopAddress, clock, changes: deps.programChanges });
  const landing = new ReferralLandingService({
    codes: storage.referralCodes,
    storage: members,
    shops,
    clicks,
    visitors: new VisitorMemory(),
    cards: new ShareCardRenderer(),
    baseUrl: deps.baseUrl,
    clock,
    logger,
  });
  return { landing, clicks };
}
