import type { ChangeSignal } from "../../lib/change-signal.js";
import { inHoldout } from "../holdout/holdout.rules.js";
import type { Clock } from "../../lib/clock.js";
import { encodeJson, type EncodedJson } from "../../lib/encoded-json.js";
import { AppError } from "../../lib/errors.js";
import { ExpiringCache } from "../../lib/expiring-cache.js";
import { resolveLanguage, textsFor } from "../i18n/language.js";
import { programInLanguage } from "../i18n/merchant-texts.js";
import { WIDGET_TEXTS } from "../i18n/widget-texts.js";
import { shopperNote } from "../ledger/ledger-words.rules.js";
import type { PointsExpiryService } from "../ledger/points-expiry.service.js";
import { nextExpiry } from "../ledger/points-expiry.rules.js";
import { iconPathsOf } from "../program/badge-icon-paths.js";
import { challengeHistory, loadReferralHistory } from "../program/challenge-history.js";
import { CHALLENGE_KEY_PREFIX } from "../program/challenge-keys.rules.js";
import { REFERRAL_KINDS } from "../program/challenge-schema.js";
import { challengeTallyQueries, memberStanding } from "../program/member-standing.js";
import { LANGUAGES, type Language, type ProgramSettings } from "../settings/program-settings.js";
import type { SettingsService } from "../settings/settings.service.js";
import { memberRewards } from "../rewards/member-rewards.rules.js";
import { rewardsUseCounts } from "../rewards/reward-availability.rules.js";
import type { ExpiringPoints } from "../rewards/reward-standing.js";
import type { Member } from "../members/member.js";
import type { ReferralCodeService } from "../referrals/referral-code.service.js";
import { referralLink, referralQrLink } from "../referrals/referral-link.js";
import { publicReferral, shopperReferral } from "../referrals/referral-standing.rules.js";
import type { ShopperReferral } from "../referrals/referral-view.js";
import type { ShopperPrincipal } from "../shoppers/shopper-session.service.js";
import type { Install } from "../stores/install.js";
import { ladder } from "../tiers/held-tier.rules.js";
import { readTierStanding } from "../tiers/tier-standing.js";
import { tierStandingView } from "../tiers/tier-standing.rules.js";
import { perkLines, perkWords } from "../tiers/tier-perks.rules.js";
import type { UnitOfWork } from "../../storage/storage.port.js";
import type { MemberSnapshot, MemberSnapshotReader } from "./member-snapshot.js";
import type { InstallService } from "../stores/install.service.js";

/**
 * How long a process serves a store's program (and reads its settings) from memory. A change made in this
 * process is seen at once; one made in another process sharing PostgreSQL within this time, as is an
 * uninstall. Browsers keep the program for a minute anyway (Cache-Control).
 */
export const PROGRAM_TTL_MS = 10_000;

/** Ledger entries `/me` shows; and how many it reads to replay a member's points for expiry (more: a read of them all). */
const RECENT_LEDGER = 10;
const EXPIRY_LEDGER = 500;
/** Redemptions `/me` shows, newest first. */
const RECENT_REDEMPTIONS = 10;

interface StoreView {
  install: Install;
  settings: ProgramSettings;
}

/**
 * What the storefront widget reads: the public program of a store, and a verified shopper's own standing.
 * The program is the same for every shopper of a store and language, so it is built, serialised and
 * compressed once and kept; a settings change in this process drops it.
 */
export class StorefrontService {
  private readonly views: ExpiringCache<number, StoreView>;
  private readonly programs: ExpiringCache<string, EncodedJson>;

  constructor(
    private readonly deps: {
      snapshots: MemberSnapshotReader;
      /** What lapses next for a member whose ledger is longer than the snapshot brings. */
      expiry: Pick<PointsExpiryService, "expiringFor">;
      installs: InstallService;
      settings: SettingsService;
      clock: Clock;
      changes: ChangeSignal<number>;
      /** Issues a member's code on their first `/me` while the program runs; links are made on `baseUrl`, the app's public origin. */
      referrals: { codes: Pick<ReferralCodeService, "ensure">; baseUrl: string; storage: UnitOfWork<"referrals"> };
      /** The member's tier standing: the amount in the window and their last tier changes. */
      tiers: UnitOfWork<"orders" | "ledger" | "tierChanges">;
    },
  ) {
    const now = () => deps.clock.now().getTime();
    this.views = new ExpiringCache(PROGRAM_TTL_MS, now);
    this.programs = new ExpiringCache(PROGRAM_TTL_MS, now);
    deps.changes.listen((storeId) => this.forget(storeId));
  }

  /** Public: anyone may read it, so it holds nothing about any shopper. */
  program(storeId: number, langInput: unknown): Promise<EncodedJson> {
    const lang = resolveLanguage(langInput);
    return this.programs.get(`${storeId}:${lang}`, async () => encodeJson(publicProgram(storeId, lang, await this.view(storeId))));
  }

  /** Only for the member the verified session names; the program's texts in `langInput`, as `program` gives them. */
  async me(principal: ShopperPrincipal, langInput: unknown) {
    const { storeId, memberId } = principal;
    const view = await this.view(storeId);
    const settings = localSettings(view, resolveLanguage(langInput));
    const { timeZone } = view.install;
    // With expiry on, the snapshot brings the member's whole ledger (up to EXPIRY_LEDGER) for what lapses next.
    const ledgerLimit = settings.expiry.mode === "off" ? RECENT_LEDGER : EXPIRY_LEDGER;
    const now = this.deps.clock.now();
    // Everything /me tells, rewards' limits and budgets included, in one read: one statement on PostgreSQL.
    const snapshot = await this.deps.snapshots.read(storeId, memberId, {
      ledgerLimit,
      keyPrefix: CHALLENGE_KEY_PREFIX,
      redemptionLimit: RECENT_REDEMPTIONS,
      redemptionCounts: rewardsUseCounts(settings.rewards, memberId, now),
      sourceTallies: challengeTallyQueries(settings, now, timeZone),
    });
    // A session for a member the store no longer has (data purged after an uninstall) must sign in again.
    if (!snapshot) throw new AppError("unauthorized", "Your membership was not found; sign in again");
    const { member, recentLedger, orders, completions, prefixedKeys, sourceTallies } = snapshot;
    const rewards = memberRewards(settings, snapshot, now);
    const listReferrals = (id: string) => this.deps.referrals.storage.read(storeId, (tx) => tx.referrals.listForAmbassador(storeId, id));
    const referrals = await loadReferralHistory(listReferrals, member, settings);
    const expiring = await this.expiring(principal, settings.expiry, snapshot);
    return {
      // The balance a shopper may spend: what pending redemptions hold is not theirs to spend twice.
      // A member held out of the program (the merchant's holdout) sees a neutral note instead of it.
      member: { email: member.email, balance: rewards.balance, heldPoints: rewards.heldPoints, heldOut: inHoldout(member.holdout, now) },
      ...memberStanding(settings, memberId, challengeHistory(member, orders, completions, settings.tiers, referrals, now), prefixedKeys, sourceTallies, now, timeZone),
      // A program without tiers has no standing to measure: no read for it.
      tier:
        settings.tiers.length === 0
          ? tierStandingView(settings, null, 0, [], now)
          : await this.deps.tiers.read(storeId, (tx) => readTierStanding(tx, storeId, member, { settings, timeZone }, now)),
      referral: await this.referral(storeId, member, settings),
      // Only what the shopper may read: an adjustment's reason when the merchant chose to show it, else nothing.
      recentLedger: recentLedger.slice(0, RECENT_LEDGER).map((entry) => ({ delta: entry.delta, kind: entry.kind, note: shopperNote(entry), createdAt: entry.createdAt })),
      rewards: rewards.rewards,
      redemptions: rewards.redemptions,
      expiring,
    };
  }

  /** The member's ambassador side while the program runs (their code issued on the first read), else null. */
  private async referral(storeId: number, member: Member, settings: ProgramSettings): Promise<ShopperReferral | null> {
    if (!settings.referrals.enabled) return null;
    const referral = await this.deps.referrals.codes.ensure(storeId, member);
    if (!referral) return null;
    const { baseUrl } = this.deps.referrals;
    return shopperReferral(referral, settings.referrals, { link: referralLink(baseUrl, referral.code), qrUrl: referralQrLink(baseUrl, referral.code) });
  }

  /** What lapses next, from the snapshot's ledger when it holds the whole of it, else from a read of it all. */
  private expiring({ storeId, memberId }: ShopperPrincipal, rule: ProgramSettings["expiry"], snapshot: MemberSnapshot): Promise<ExpiringPoints> | ExpiringPoints {
    const now = this.deps.clock.now();
    if (rule.mode === "off") return null;
    if (snapshot.recentLedger.length < EXPIRY_LEDGER) return nextExpiry([...snapshot.recentLedger].reverse(), rule, now, snapshot.heldPoints);
    return this.deps.expiry.expiringFor(storeId, memberId, rule, now);
  }

  /** An active store's install and settings; refusals (not installed) are never kept. */
  private view(storeId: number): Promise<StoreView> {
    return this.views.get(storeId, async () => ({ install: await this.deps.installs.requireActive(storeId), settings: await this.deps.settings.get(storeId) }));
  }

  private forget(storeId: number): void {
    this.views.forget(storeId);
    for (const lang of LANGUAGES) this.programs.forget(`${storeId}:${lang}`);
  }
}

/** The store's program with the merchant's texts in the shopper's language, the store's own language filling any gap. */
const localSettings = ({ install, settings }: StoreView, lang: Language) => programInLanguage(settings, lang, resolveLanguage(install.lang));

function publicProgram(storeId: number, lang: Language, view: StoreView) {
  const { install } = view;
  const settings = localSettings(view, lang);
  const { points, perAmountMinor, minOrderMinor } = settings.earning;
  const texts = textsFor(WIDGET_TEXTS, lang, settings.texts);
  const words = perkWords(lang, texts, install);
  // A draft is the merchant's alone; a hidden challenge is here for the member who completes it (GET /me says so);
  // a referral challenge waits while the referral program is off, since nothing could complete it.
  const challenges = settings.challenges.filter(
    (challenge) => challenge.status !== "draft" && (settings.referrals.enabled || !(REFERRAL_KINDS as readonly string[]).includes(challenge.goal.kind)),
  );
  return {
    storeId,
    storeName: install.storeName,
    lang,
    currency: install.currency,
    currencyPrecision: install.currencyPrecision,
    earning: { points, perAmountMinor, minOrderMinor },
    challenges,
    badges: settings.badges,
    icons: iconPathsOf([...challenges, ...settings.badges]),
    // Each tier's perks said from the rules that enforce them, in the shopper's language.
    // The linked Ecwid group is the merchant's business: the perk lines say what it gives.
    tiers: ladder(settings.tiers).map((tier) => {
      const { customerGroupId: _linked, ...shown } = tier;
      return { ...shown, perkLines: perkLines(tier, settings, words) };
    }),
    // How tiers are reached (spend or points, over which window, grace days), for the ladder's words.
    tierRules: settings.tierRules,
    rewards: settings.rewards,
    referral: publicReferral(settings),
    leaderboard: { enabled: settings.leaderboard.enabled },
    theme: settings.theme,
    texts,
  };
}

/** What `GET /api/storefront/:storeId/program` answers; the widget reads it with these types. */
export type PublicProgram = ReturnType<typeof publicProgram>;
/** What `GET /api/storefront/:storeId/me` answers. */
export type ShopperStanding = Awaited<ReturnType<StorefrontService["me"]>>;
