import type { Clock } from "../../lib/clock.js";
import { inHoldout } from "../holdout/holdout.rules.js";
import type { Logger } from "../../lib/logger.js";
import type { Mailer } from "../../lib/mailer.js";
import type { UnitOfWork } from "../../storage/storage.port.js";
import { fill, resolveLanguage, textsFor } from "../i18n/language.js";
import { inLanguage } from "../i18n/merchant-texts.js";
import { isMailableAddress, type Member } from "../members/member.js";
import type { OrderEarning } from "../orders/order-reconciler.service.js";
import type { Referral } from "../referrals/referral.js";
import { periodKey } from "../program/period.rules.js";
import { payoutFor } from "../referrals/referral-payout.rules.js";
import type { Redemption } from "../rewards/redemption.js";
import { lowestCost } from "../rewards/reward-cost.rules.js";
import type { Language, ProgramSettings } from "../settings/program-settings.js";
import type { SettingsService } from "../settings/settings.service.js";
import type { Install } from "../stores/install.js";
import type { TierChange } from "../tiers/tier-change.js";
import type { InstallService } from "../stores/install.service.js";
import { renderEmail, type RenderedEmail } from "./email-layout.js";
import type { EmailPreview } from "./email-preview.js";
import { composeEmail, sampleFacts, type EmailFacts, type EmailKind } from "./email-templates.js";
import { PROGRAM_EMAIL_TEXTS } from "./email-texts.js";
import type { UnsubscribeLinks } from "./unsubscribe-links.js";

/** Points about to lapse: how many, and when (the instant the expiry rule gives). */
export interface ExpiryWarning {
  points: number;
  at: string;
}

interface Recipient {
  member: Member & { email: string };
  /** What the member can spend: the ledger balance less points held by pending redemptions. */
  spendable: number;
  install: Install;
  settings: ProgramSettings;
  lang: Language;
}

/**
 * The program's emails to shoppers (sign-in codes are the shopper sessions'). Each goes only when the merchant's
 * switch for it is on and the member has an email and has not unsubscribed; each carries an unsubscribe link and
 * the one-click headers (RFC 8058). Sending never throws: a failure is logged and the books it follows stand.
 */
export class EmailService {
  readonly #inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly deps: {
      storage: UnitOfWork<"members" | "redemptions">;
      installs: Pick<InstallService, "requireActive">;
      settings: Pick<SettingsService, "get">;
      mailer: Mailer;
      links: UnsubscribeLinks;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  /** After an order event booked new points (never for a replay or a backfill of past orders). */
  pointsEarned(storeId: number, earning: OrderEarning): Promise<boolean> {
    return this.guarded(storeId, earning.memberId, "pointsEarned", async () => {
      const to = await this.recipient(storeId, earning.memberId, "pointsEarned");
      if (!to) return false;
      await this.send(storeId, to, { kind: "pointsEarned", orderId: earning.orderId, points: earning.points, balance: to.spendable });
      return true;
    });
  }

  /** Once a redemption is `issued` (its coupon made, or an experience or donation booked); call after that commit. */
  rewardIssued(storeId: number, memberId: string, redemption: Redemption): Promise<boolean> {
    return this.guarded(storeId, memberId, "rewardIssued", async () => {
      const to = await this.recipient(storeId, memberId, "rewardIssued");
      if (!to) return false;
      const reward = to.settings.rewards.find((candidate) => candidate.id === redemption.rewardId);
      const rewardName = reward ? inLanguage(reward, to.lang, resolveLanguage(to.install.lang)).name : redemption.rewardName;
      const coupon = redemption.coupon ? { code: redemption.coupon.code, expiresAt: redemption.coupon.expiresAt } : null;
      await this.send(storeId, to, { kind: "rewardIssued", rewardName, points: redemption.points, coupon });
      return true;
    });
  }

  /** To the ambassador, once their friend's order is judged and held: what it will pay and when (the friend is not named). */
  referralQualified(storeId: number, referral: Referral): Promise<boolean> {
    return this.guarded(storeId, referral.ambassadorId, "referralQualified", async () => {
      const to = await this.recipient(storeId, referral.ambassadorId, "referralQualified");
      if (!to || !referral.payableAt) return false;
      const payout = payoutFor(to.settings.referrals, to.member.referral?.paid ?? 0);
      const points = payout.points + payout.extraPoints;
      await this.send(storeId, to, { kind: "referralQualified", payableAt: referral.payableAt, points, rewardName: payout.rewardId ? this.rewardName(to, payout.rewardId) : null });
      return true;
    });
  }

  /** To the ambassador, once a referral's reward is paid (its points booked, or its catalog reward granted). */
  referralPaid(storeId: number, referral: Referral): Promise<boolean> {
    return this.guarded(storeId, referral.ambassadorId, "referralPaid", async () => {
      const to = await this.recipient(storeId, referral.ambassadorId, "referralPaid");
      if (!to) return false;
      const grant = referral.redemptionId ? await this.deps.storage.read(storeId, (tx) => tx.redemptions.get(storeId, referral.redemptionId!)) : null;
      const rewardName = grant && referral.points === 0 ? this.rewardName(to, grant.rewardId, grant.rewardName) : null;
      await this.send(storeId, to, { kind: "referralPaid", points: referral.points, rewardName, balance: to.spendable });
      return true;
    });
  }

  /** After a commit that recorded a tier change: a promotion tells the member their new tier; a grace's start, the date the tier goes. */
  tierChanged(storeId: number, change: TierChange): Promise<boolean> {
    const kind = change.reason === "reached" ? "tierReached" : change.reason === "grace_started" ? "tierGraceStarted" : null;
    const endsAt = change.details.graceEndsAt;
    if (!kind || change.toTierId === null) return Promise.resolve(false);
    return this.guarded(storeId, change.memberId, kind, async () => {
      const to = await this.recipient(storeId, change.memberId, kind);
      const tier = to?.settings.tiers.find((candidate) => candidate.id === change.toTierId);
      if (!to || !tier) return false;
      // A tier every member starts in (no threshold) is no promotion: its "reached" is not worth an email.
      if (kind === "tierReached" && tier.threshold === 0 && !tier.inviteOnly) return false;
      const tierName = inLanguage(tier, to.lang, resolveLanguage(to.install.lang)).name;
      if (kind === "tierReached") await this.send(storeId, to, { kind, tierName });
      // The grace ends at a local midnight: the member keeps the tier through the store's day before it.
      else if (typeof endsAt === "string") await this.send(storeId, to, { kind, tierName, lastDay: periodKey("day", new Date(Date.parse(endsAt) - 1), to.install.timeZone) });
      else return false;
      return true;
    });
  }

  /** A reward's name in the member's language; `fallback` (the name it was granted under) once it is gone from the catalog. */
  private rewardName(to: Recipient, rewardId: string, fallback = rewardId): string {
    const reward = to.settings.rewards.find((candidate) => candidate.id === rewardId);
    return reward ? inLanguage(reward, to.lang, resolveLanguage(to.install.lang)).name : fallback;
  }

  /**
   * Warns of points expiring at `warning.at`, once per member and expiry: the member records the expiry warned of
   * before the email goes, in the store's transaction, so a second run (or process) finds it and sends nothing.
   * A send that fails clears the record again, so the next run retries. Resolves to whether it sent.
   */
  expiringSoon(storeId: number, memberId: string, warning: ExpiryWarning): Promise<boolean> {
    return this.guarded(storeId, memberId, "expiringSoon", async () => {
      const to = await this.recipient(storeId, memberId, "expiringSoon");
      if (!to) return false;
      const claim = await this.swapWarned(storeId, memberId, (current) => current !== warning.at, warning.at);
      if (!claim) return false;
      try {
        await this.send(storeId, to, { kind: "expiringSoon", points: warning.points, at: warning.at, balance: to.spendable });
      } catch (error) {
        await this.swapWarned(storeId, memberId, (current) => current === warning.at, claim.before);
        throw error;
      }
      return true;
    });
  }

  /** One email filled with sample facts, as a shopper reading `lang` (else the store's language) would get it. */
  async preview(storeId: number, kind: EmailKind, lang: Language | undefined): Promise<EmailPreview> {
    const [install, settings] = [await this.deps.installs.requireActive(storeId), await this.deps.settings.get(storeId)];
    const language = lang ?? resolveLanguage(install.lang);
    const sample = sampleFacts(kind, this.deps.clock.now(), settings.expiry.warnDays);
    // The store's own first reward, at its own cost, reads truer than a made-up one.
    const reward = settings.rewards[0];
    const facts =
      sample.kind === "rewardIssued" && reward ? { ...sample, rewardName: inLanguage(reward, language, resolveLanguage(install.lang)).name, points: lowestCost(reward) } : sample;
    const rendered = this.render(storeId, "mem_preview", { install, settings, lang: language }, facts);
    return { kind, lang: language, enabled: settings.emails[kind], ...rendered };
  }

  /** Resolves once every email under way has been sent or has failed (tests; shutdown). */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  private async recipient(storeId: number, memberId: string, kind: EmailKind): Promise<Recipient | null> {
    const settings = await this.deps.settings.get(storeId);
    if (!settings.emails[kind]) return null;
    const install = await this.deps.installs.requireActive(storeId);
    const { member, held } = await this.deps.storage.read(storeId, async (tx) => ({
      member: await tx.members.get(storeId, memberId),
      held: await tx.redemptions.heldPoints(storeId, memberId),
    }));
    // A member left out by the holdout gets no program email while it lasts.
    if (!member || member.email === null || member.unsubscribedAt !== null || inHoldout(member.holdout, this.deps.clock.now())) return null;
    if (!isMailableAddress(member.email)) {
      this.deps.logger.info({ storeId, memberId, kind }, "no email: the member's address is not one a mail can go to");
      return null;
    }
    return { member: { ...member, email: member.email }, spendable: member.balance - held, install, settings, lang: member.lang ?? resolveLanguage(install.lang) };
  }

  /** Sets the member's warned expiry to `value` when `expected` holds of it now; resolves to the value before, null when left. */
  private swapWarned(storeId: number, memberId: string, expected: (current: string | null) => boolean, value: string | null): Promise<{ before: string | null } | null> {
    return this.deps.storage.transaction(storeId, async (tx) => {
      const member = await tx.members.get(storeId, memberId);
      if (!member || !expected(member.expiryWarnedFor)) return null;
      await tx.members.update(storeId, { ...member, expiryWarnedFor: value, updatedAt: this.deps.clock.now().toISOString() });
      return { before: member.expiryWarnedFor };
    });
  }

  private async send(storeId: number, to: Recipient, facts: EmailFacts): Promise<void> {
    const rendered = this.render(storeId, to.member.id, to, facts);
    const unsubscribe = this.deps.links.url(storeId, to.member.id);
    await this.deps.mailer.send({
      to: to.member.email,
      ...rendered,
      headers: { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    });
    this.deps.logger.info({ storeId, memberId: to.member.id, kind: facts.kind }, "email sent");
  }

  private render(storeId: number, memberId: string, to: Omit<Recipient, "member" | "spendable">, facts: EmailFacts): RenderedEmail {
    const texts = textsFor(PROGRAM_EMAIL_TEXTS, to.lang, to.settings.texts);
    const storeName = to.install.storeName;
    return renderEmail(composeEmail(facts, texts, to.lang, storeName), {
      lang: to.lang,
      storeName,
      primaryColor: to.settings.theme.primaryColor,
      textColor: to.settings.theme.textColor,
      footer: fill(texts["email.footer.why"]!, { store: storeName }),
      unsubscribeLabel: texts["email.footer.unsubscribe"]!,
      unsubscribeUrl: this.deps.links.url(storeId, memberId),
    });
  }

  /** Runs one send, tracked for `idle()`; any failure is logged with its cause and resolves to false. */
  private guarded(storeId: number, memberId: string, kind: EmailKind, work: () => Promise<boolean>): Promise<boolean> {
    const run = work().catch((err: unknown) => {
      this.deps.logger.error({ err, storeId, memberId, kind }, "email not sent");
      return false;
    });
    this.#inFlight.add(run);
    void run.finally(() => this.#inFlight.delete(run));
    return run;
  }
}
