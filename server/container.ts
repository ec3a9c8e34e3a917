import type { AxiosInstance } from "axios";
import type { Config } from "./config.js";
import { EcwidClient } from "./ecwid/ecwid-client.js";
import { EcwidOAuthClient } from "./ecwid/oauth-client.js";
import { createChangeSignal, type ChangeSignal } from "./lib/change-signal.js";
import { systemClock, type Clock } from "./lib/clock.js";
import { createRootLogger, type Logger } from "./lib/logger.js";
import { createMetrics, type Metrics } from "./lib/metrics.js";
import { createSmtpMailer, OutboxMailer, type Mailer } from "./lib/mailer.js";
import { createSecretBox } from "./lib/secret-box.js";
import { WebhookDispatcher } from "./modules/webhooks/webhook-dispatcher.service.js";
import { WebhookEndpointService } from "./modules/webhooks/webhook-endpoints.service.js";
import { createHttpsTransport, type WebhookTransport } from "./modules/webhooks/webhook-transport.js";
import { createSessionTokens, type SessionTokens } from "./lib/session-tokens.js";
import { WebhookIntakeService } from "./modules/inbox/webhook-intake.service.js";
import { LedgerService } from "./modules/ledger/ledger.service.js";
import { ExportService } from "./modules/exports/export.service.js";
import { ApiKeyService } from "./modules/api-keys/api-key.service.js";
import { BalanceImportService } from "./modules/balance-import/balance-import.service.js";
import { HoldoutInsightsService } from "./modules/holdout/holdout-insights.js";
import { PointsExpiryService } from "./modules/ledger/points-expiry.service.js";
import { OrderFetchService } from "./modules/simulations/order-fetch.service.js";
import { SimulationService } from "./modules/simulations/simulation.service.js";
import { CatalogService } from "./modules/catalog/catalog.service.js";
import { EmailService } from "./modules/emails/email.service.js";
import { createUnsubscribeLinks } from "./modules/emails/unsubscribe-links.js";
import { UnsubscribeService } from "./modules/emails/unsubscribe.service.js";
import { BackfillService } from "./modules/orders/backfill.service.js";
import { OrderReconciler } from "./modules/orders/order-reconciler.service.js";
import type { ReferralClickCounter } from "./modules/referrals/referral-click-counter.js";
import type { ReferralLandingService } from "./modules/referrals/referral-landing.service.js";
import { createReferralLanding } from "./modules/referrals/referral-landing.wiring.js";
import { referralAddressSecret } from "./modules/referrals/referral-identity.rules.js";
import { tellAmbassador } from "./modules/referrals/referral-emails.js";
import { ReferralJob } from "./modules/referrals/referral-job.service.js";
import { RedemptionSettlement } from "./modules/rewards/redemption-settlement.service.js";
import { RedemptionService } from "./modules/rewards/redemption.service.js";
import { ProgramMeasurementService } from "./modules/program/program-measurement.service.js";
import { ProgramItemsService } from "./modules/settings/program-items.service.js";
import { SettingsService } from "./modules/settings/settings.service.js";
import { ShopperSessionService } from "./modules/shoppers/shopper-session.service.js";
import { StorefrontService } from "./modules/storefront/storefront.service.js";
import { ReferralCodeService } from "./modules/referrals/referral-code.service.js";
import { ReferralCouponService } from "./modules/referrals/referral-coupon.service.js";
import { LeaderboardService } from "./modules/program/leaderboard.service.js";
import { TaskService } from "./modules/program/task.service.js";
import { BirthdayBonusService } from "./modules/program/birthday-bonus.service.js";
import { TierReviewService } from "./modules/tiers/tier-review.service.js";
import { TierAdminService } from "./modules/tiers/tier-admin.service.js";
import { AdminSessionService } from "./modules/stores/admin-session.service.js";
import { InstallService } from "./modules/stores/install.service.js";
import { EcwidCustomerGroups } from "./ecwid/customer-groups.client.js";
import { CustomerGroupsService } from "./modules/tiers/customer-groups.service.js";
import { GroupLinkWalkService } from "./modules/tiers/group-link-walk.service.js";
import { GroupMoveService } from "./modules/tiers/group-move.service.js";
import { OAuthInstallService } from "./modules/stores/oauth-install.service.js";
import { createStorage } from "./storage/index.js";
import type { Storage } from "./storage/storage.port.js";
import { signalStoreWrites } from "./storage/store-writes.js";
import { unitOfWork } from "./storage/unit-of-work.js";

export interface Container {
  config: Config;
  logger: Logger;
  clock: Clock;
  metrics: Metrics;
  storage: Storage;
  tokens: SessionTokens;
  ecwid: EcwidClient;
  installs: InstallService;
  adminSessions: AdminSessionService;
  oauthInstall: OAuthInstallService;
  ledger: LedgerService;
  /** The members and ledger CSV exports. */
  exports: ExportService;
  /** Merchants' keys for the admin API. */
  apiKeys: ApiKeyService;
  /** Starting balances imported from a CSV file. */
  balanceImport: BalanceImportService;
  /** The holdout's comparison: members in the program against members left out. */
  holdoutInsights: HoldoutInsightsService;
  /** Books lapsed points (the scheduled job), says what lapses next (`/me`) and whom to warn (emails). */
  pointsExpiry: PointsExpiryService;
  webhookIntake: WebhookIntakeService;
  /** Told of every webhook event queued in this process, so the worker here wakes for it. */
  inboxQueued: ChangeSignal<number>;
  /** Told of every store transaction this process ran, so answers kept from that store's data are dropped. */
  storeWrites: ChangeSignal<number>;
  settings: SettingsService;
  /** The program one resource at a time (challenges, badges, tiers, rewards, earning, theme, texts). */
  programItems: ProgramItemsService;
  reconciler: OrderReconciler;
  /** Measures members against a changed program in the background, and previews what a change would pay. */
  programMeasurements: ProgramMeasurementService;
  backfill: BackfillService;
  /** The cost simulator: the last 12 months of orders fetched into a snapshot, and programs replayed over it. */
  orderFetches: OrderFetchService;
  simulations: SimulationService;
  /** The store's Ecwid catalog for the dashboard's product and category pickers. */
  catalog: CatalogService;
  /** A shopper spends points on a reward: the hold, the Ecwid coupon, the debit. */
  redemptions: RedemptionService;
  /** The minute job's side of redemptions: pending ones settled by code, expired coupons retired. */
  redemptionSettlement: RedemptionSettlement;
  mailer: Mailer;
  /** The program's emails to shoppers (points earned, reward issued, points expiring), each switchable by the merchant. */
  emails: EmailService;
  /** The unsubscribe link every program email carries. */
  unsubscribe: UnsubscribeService;
  /** Set when no SMTP server is configured: sign-in codes are kept here (the demo outbox). */
  outbox: OutboxMailer | null;
  shopperSessions: ShopperSessionService;
  storefront: StorefrontService;
  /** The month's top members by points earned, for shoppers who opt in. */
  leaderboard: LeaderboardService;
  /** Shopper tasks done in the widget, and the merchant's review of proof. */
  tasks: TaskService;
  birthdays: BirthdayBonusService;
  /** The scheduled tier reviews: members never reviewed, and those whose window drop, year start or grace end has come. */
  tierReviews: TierReviewService;
  /** The merchant's side of tiers: a member's tier and changes, invitation-only tiers given, a ladder previewed. */
  tierAdmin: TierAdminService;
  /** `GET /r/:code`: the referral landing, its QR code and the shop's share card. */
  referralLanding: ReferralLandingService;
  /** The landing's counted visits, written every few seconds and at shutdown. */
  referralClicks: ReferralClickCounter;
  /** The minute job's side of referrals: friends' orders checked with Ecwid and judged, held rewards paid. */
  referralJob: ReferralJob;
  /** The minute job's other side: each ambassador's code kept an Ecwid coupon with the friend's offer. */
  referralCoupons: ReferralCouponService;
  /** The dashboard's Ecwid customer groups, each with the tiers linked to it. */
  customerGroups: CustomerGroupsService;
  /** Members moved between Ecwid customer groups as their held tier changes, one inbox event each. */
  groupMoves: GroupMoveService;
  /** Every member looked at again once the merchant changes which groups tiers link to. */
  groupLinkWalk: GroupLinkWalkService;
  /** The merchant's outgoing webhook endpoints (the admin API). */
  webhookEndpoints: WebhookEndpointService;
  /** Sends queued outgoing webhook deliveries, signed, with retries (server/jobs/webhook-jobs.ts). */
  webhookDispatcher: WebhookDispatcher;
}

export interface ContainerOverrides {
  mailer?: Mailer;
  clock?: Clock;
  storage?: Storage;
  logger?: Logger;
  /** How the app reaches Ecwid's REST API, e.g. with a shorter timeout in tests. */
  ecwidTransport?: AxiosInstance;
  /** How outgoing webhooks are sent, e.g. with a shorter timeout in tests. */
  webhookTransport?: WebhookTransport;
}

/** The composition root: the only place that knows which adapter and which Ecwid it talks to. */
export async function createContainer(config: Config, overrides: ContainerOverrides = {}): Promise<Container> {
  const logger = overrides.logger ?? createRootLogger({ level: config.logLevel, pretty: config.env === "development" });
  const clock = overrides.clock ?? systemClock;
  const storeWrites = createChangeSignal<number>();
  const storage = signalStoreWrites(overrides.storage ?? (await createStorage(config.storage, logger.child({ component: "storage" }))), storeWrites);
  const tokens = createSessionTokens(config.sessionSecret, () => clock.now());
  const ecwid = new EcwidClient({
    apiUrl: config.ecwid.apiUrl,
    requestsPerMinute: config.ecwid.requestsPerMinute,
    logger: logger.child({ component: "ecwid" }),
    ...(overrides.ecwidTransport ? { transport: overrides.ecwidTransport } : {}),
  });
  const oauth = new EcwidOAuthClient({ oauthUrl: config.ecwid.oauthUrl, clientId: config.ecwid.clientId, clientSecret: config.ecwid.clientSecret });
  const installs = new InstallService({
    storage,
    ecwid,
    secretBox: createSecretBox(config.encryptionKey),
    clock,
    logger: logger.child({ component: "installs" }),
    graceDays: config.uninstallGraceDays,
  });
  const outbox = config.mail.smtpUrl || overrides.mailer ? null : new OutboxMailer(() => clock.now());
  if (outbox && !config.demo) logger.warn("SMTP_URL is not set: shopper sign-in codes stay in the in-memory outbox and reach nobody");
  const mailer = overrides.mailer ?? outbox ?? createSmtpMailer(config.mail.smtpUrl!, config.mail.from);
  // Settings saved in this process: the storefront drops its copy of that store's program at once.
  const programChanges = createChangeSignal<number>();
  const programMeasurements = new ProgramMeasurementService({
    storage: unitOfWork(storage, "measurements", "settings", "members", "orders", "ledger", "redemptions", "referrals", "webhooks"),
    inbox: storage.inbox,
    installs,
    clock,
  });
  const catalog = new CatalogService({ ecwid, installs, grantUrl: `${config.baseUrl}/oauth/start` });
  const groupLinkWalk = new GroupLinkWalkService({ storage: unitOfWork(storage, "members", "settings"), inbox: storage.inbox, installs, clock });
  const settings = new SettingsService({
    storage: unitOfWork(storage, "settings", "audit"),
    installs,
    clock,
    changes: programChanges,
    measurements: programMeasurements,
    catalog,
    groupLinks: groupLinkWalk,
  });
  const customerGroups = new EcwidCustomerGroups(ecwid);
  const groupMoves = new GroupMoveService({
    storage: unitOfWork(storage, "members", "settings"),
    inbox: storage.inbox,
    installs,
    ecwid: customerGroups,
    clock,
    logger: logger.child({ component: "tier-groups" }),
  });
  const inboxQueued = createChangeSignal<number>();
  const referralLanding = createReferralLanding({
    storage,
    installs,
    settings,
    ecwid,
    programChanges,
    baseUrl: config.baseUrl,
    clock,
    logger: logger.child({ component: "referrals" }),
  });
  const unsubscribeLinks = createUnsubscribeLinks(config.sessionSecret, config.baseUrl);
  const emailLogger = logger.child({ component: "emails" });
  const emails = new EmailService({ storage: unitOfWork(storage, "members", "redemptions"), installs, settings, mailer, links: unsubscribeLinks, clock, logger: emailLogger });
  const pointsExpiry = new PointsExpiryService({ storage: unitOfWork(storage, "members", "ledger", "redemptions", "webhooks"), settings, clock });
  const redemptions = new RedemptionService({
    storage: unitOfWork(storage, "redemptions", "ledger", "members", "settings", "webhooks"),
    ecwid,
    installs,
    catalog,
    rateLimiters: storage.rateLimiters,
    clock,
    logger: logger.child({ component: "redemptions" }),
    onIssued: (storeId, redemption) => void emails.rewardIssued(storeId, redemption.memberId, redemption),
  });
  const reconciler = new OrderReconciler({
    storage: unitOfWork(storage, "orders", "members", "settings", "ledger", "audit", "redemptions", "referrals", "tierChanges", "webhooks"),
    ecwid,
    installs,
    clock,
    logger: logger.child({ component: "orders" }),
    onEarned: (storeId, earning) => void emails.pointsEarned(storeId, earning),
    onTierChange: (storeId, change) => {
      void emails.tierChanged(storeId, change);
      void groupMoves.tierChanged(storeId, change);
    },
  });
  return {
    config,
    logger,
    clock,
    metrics: createMetrics(),
    storage,
    tokens,
    ecwid,
    installs,
    adminSessions: new AdminSessionService({ installs, tokens, clientSecret: config.ecwid.clientSecret, rateLimiters: storage.rateLimiters }),
    oauthInstall: new OAuthInstallService({ oauth, installs, tokens, seen: storage.receipts, clock, redirectUri: `${config.baseUrl}/oauth/callback`, scopes: config.ecwid.scopes }),
    ledger: new LedgerService({ storage: unitOfWork(storage, "members", "ledger", "audit", "webhooks"), clock, installs }),
    apiKeys: new ApiKeyService({ storage: unitOfWork(storage, "apiKeys", "audit"), installs: storage.installs, clock, rateLimiters: storage.rateLimiters }),
    exports: new ExportService({ storage: unitOfWork(storage, "members", "ledger"), settings, installs, clock }),
    holdoutInsights: new HoldoutInsightsService({ storage: unitOfWork(storage, "members"), settings }),
    balanceImport: new BalanceImportService({ storage: unitOfWork(storage, "members", "ledger", "audit", "webhooks"), installs, clock }),
    pointsExpiry,
    settings,
    programItems: new ProgramItemsService(settings),
    mailer,
    emails,
    unsubscribe: new UnsubscribeService({ storage: unitOfWork(storage, "members"), installs: storage.installs, links: unsubscribeLinks, clock, logger: emailLogger }),
    outbox,
    shopperSessions: new ShopperSessionService({
      storage: unitOfWork(storage, "signInCodes", "members"),
      installs,
      settings,
      mailer,
      tokens,
      clock,
      secret: config.sessionSecret,
      logger: logger.child({ component: "shoppers" }),
      rateLimiters: storage.rateLimiters,
    }),
    leaderboard: new LeaderboardService({ storage: unitOfWork(storage, "members", "ledger"), installs, settings, clock }),
    storefront: new StorefrontService({
      snapshots: storage.memberSnapshots,
      expiry: pointsExpiry,
      installs,
      settings,
      clock,
      changes: programChanges,
      referrals: {
        codes: new ReferralCodeService({ storage: unitOfWork(storage, "members"), codes: storage.referralCodes, clock, logger: logger.child({ component: "referrals" }) }),
        baseUrl: config.baseUrl,
        storage: unitOfWork(storage, "referrals"),
      },
      tiers: unitOfWork(storage, "orders", "ledger", "tierChanges"),
    }),
    tasks: new TaskService({
      storage: unitOfWork(storage, "members", "orders", "tasks", "ledger", "redemptions", "settings", "webhooks"),
      installs,
      settings,
      photos: storage.proofPhotos,
      rateLimiters: storage.rateLimiters,
      clock,
    }),
    referralJob: new ReferralJob({
      storage: unitOfWork(storage, "referrals", "members", "ledger", "audit", "redemptions", "orders", "settings", "webhooks"),
      stores: () => storage.storeIds(),
      ecwid,
      installs,
      clock,
      logger: logger.child({ component: "referrals" }),
      addressSecret: referralAddressSecret(config.encryptionKey),
      onMoved: (storeId, referral) => tellAmbassador(emails, storeId, referral),
    }),
    referralCoupons: new ReferralCouponService({
      storage: unitOfWork(storage, "members", "settings"),
      stores: () => storage.storeIds(),
      ecwid,
      installs,
      clock,
      logger: logger.child({ component: "referrals" }),
    }),
    referralLanding: referralLanding.landing,
    referralClicks: referralLanding.clicks,
    birthdays: new BirthdayBonusService({ storage: unitOfWork(storage, "members", "orders", "tasks", "ledger", "redemptions", "settings", "webhooks"), installs, settings, clock }),
    tierReviews: new TierReviewService({
      storage: unitOfWork(storage, "members", "orders", "ledger", "tierChanges", "webhooks"),
      installs,
      settings,
      clock,
      onChange: (storeId, change) => {
        void emails.tierChanged(storeId, change);
        void groupMoves.tierChanged(storeId, change);
      },
    }),
    tierAdmin: new TierAdminService({
      storage: unitOfWork(storage, "members", "orders", "ledger", "tierChanges", "audit", "webhooks"),
      installs,
      settings,
      clock,
      onChange: (storeId, change) => void groupMoves.tierChanged(storeId, change),
    }),
    reconciler,
    programMeasurements,
    backfill: new BackfillService({ storage: unitOfWork(storage, "backfills", "settings"), inbox: storage.inbox, ecwid, installs, reconciler, clock }),
    orderFetches: new OrderFetchService({ storage: unitOfWork(storage, "orders", "ledger"), snapshots: storage.orderSnapshots, inbox: storage.inbox, ecwid, installs, clock }),
    simulations: new SimulationService({ storage: unitOfWork(storage, "settings"), snapshots: storage.orderSnapshots, installs }),
    catalog,
    redemptions,
    redemptionSettlement: new RedemptionSettlement({
      storage: unitOfWork(storage, "redemptions", "ledger", "settings", "members", "webhooks"),
      stores: () => storage.storeIds(),
      ecwid,
      catalog,
      installs,
      clock,
      logger: logger.child({ component: "redemptions" }),
      onIssued: (storeId, redemption) => void emails.rewardIssued(storeId, redemption.memberId, redemption),
    }),
    webhookIntake: new WebhookIntakeService({
      storage,
      installs,
      clientSecret: config.ecwid.clientSecret,
      clock,
      logger: logger.child({ component: "webhooks" }),
      queued: inboxQueued,
    }),
    inboxQueued,
    storeWrites,
    customerGroups: new CustomerGroupsService({
      ecwid: customerGroups,
      profiles: ecwid,
      installs,
      settings,
      moves: groupMoves,
      walk: groupLinkWalk,
      grantUrl: `${config.baseUrl}/oauth/start`,
    }),
    groupMoves,
    groupLinkWalk,
    webhookEndpoints: new WebhookEndpointService({
      storage: unitOfWork(storage, "webhooks", "audit"),
      secrets: createSecretBox(config.encryptionKey),
      clock,
      allowLoopback: config.webhooksAllowLoopback,
    }),
    webhookDispatcher: new WebhookDispatcher({
      storage: { ...unitOfWork(storage, "webhooks"), webhookQueue: storage.webhookQueue },
      transport: overrides.webhookTransport ?? createHttpsTransport({ allowLoopback: config.webhooksAllowLoopback }),
      secrets: createSecretBox(config.encryptionKey),
      clock,
      logger: logger.child({ component: "outgoing-webhooks" }),
    }),
  };
}
