import { fill } from "../i18n/language.js";
import type { Language, ProgramSettings } from "../settings/program-settings.js";
import type { EmailContent } from "./email-layout.js";

/** The program's emails, named as the merchant's switches (`emails` in the program) name them. */
export type EmailKind = keyof ProgramSettings["emails"];
export const EMAIL_KINDS = [
  "pointsEarned",
  "rewardIssued",
  "expiringSoon",
  "referralQualified",
  "referralPaid",
  "tierReached",
  "tierGraceStarted",
] as const satisfies readonly EmailKind[];

/** What each email tells, before words. Points are whole; instants are ISO strings. */
export type EmailFacts =
  | { kind: "pointsEarned"; orderId: string; points: number; balance: number }
  | { kind: "rewardIssued"; rewardName: string; points: number; coupon: { code: string; expiresAt: string } | null }
  | { kind: "expiringSoon"; points: number; at: string; balance: number }
  /** What the referral will pay: points (the reward's and the level's), else the catalog reward's name. The friend is never named. */
  | { kind: "referralQualified"; payableAt: string; points: number; rewardName: string | null }
  | { kind: "referralPaid"; points: number; rewardName: string | null; balance: number }
  | { kind: "tierReached"; tierName: string }
  /** `lastDay`: the last day (YYYY-MM-DD, the store's calendar) the tier is kept unless the member qualifies again. */
  | { kind: "tierGraceStarted"; tierName: string; lastDay: string };

const LOCALES: Record<Language, string> = { en: "en", nl: "nl-NL", de: "de-DE", nb: "nb-NO" };

/** "1,200" / "1.200" / "1 200": points as the shopper's language writes numbers. */
export const formatPoints = (points: number, lang: Language): string => new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 }).format(points);

/** A day as the shopper's language writes it ("March 1, 2027", "1. März 2027"), in UTC like every instant we keep. */
export const formatDate = (iso: string, lang: Language): string => new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: "long", timeZone: "UTC" }).format(new Date(iso));

/** The words of one email in one language; `texts` already carry the merchant's overrides. */
export function composeEmail(facts: EmailFacts, texts: Record<string, string>, lang: Language, storeName: string): EmailContent {
  const say = (key: string, values: Record<string, string | number> = {}) => fill(texts[key] ?? key, { store: storeName, ...values });
  switch (facts.kind) {
    case "pointsEarned": {
      const values = { points: formatPoints(facts.points, lang), balance: formatPoints(facts.balance, lang), order: facts.orderId };
      return {
        subject: say("email.earned.subject", values),
        preheader: say("email.balance", values),
        heading: say("email.earned.heading", values),
        paragraphs: [say("email.greeting"), say("email.earned.body", values), say("email.balance", values), say("email.earned.next")],
      };
    }
    case "rewardIssued": {
      const values = { reward: facts.rewardName, points: formatPoints(facts.points, lang) };
      const base = { subject: say("email.reward.subject", values), heading: say("email.reward.heading", values) };
      if (!facts.coupon) {
        const confirmed = say("email.reward.confirmed", values);
        return { ...base, preheader: confirmed, paragraphs: [say("email.greeting"), confirmed] };
      }
      const expires = say("email.reward.expires", { date: formatDate(facts.coupon.expiresAt, lang) });
      return {
        ...base,
        preheader: `${say("email.reward.code_label")}: ${facts.coupon.code}`,
        paragraphs: [say("email.greeting"), say("email.reward.coupon_points", values)],
        code: { label: say("email.reward.code_label"), value: facts.coupon.code, after: [say("email.reward.how"), expires] },
      };
    }
    case "referralQualified": {
      const values = { date: formatDate(facts.payableAt, lang), reward: facts.rewardName ?? say("email.referral.points", { points: formatPoints(facts.points, lang) }) };
      return {
        subject: say("email.referral.qualified.subject", values),
        preheader: say("email.referral.qualified.when", values),
        heading: say("email.referral.qualified.heading", values),
        paragraphs: [say("email.greeting"), say("email.referral.qualified.body", values), say("email.referral.qualified.when", values)],
      };
    }
    case "referralPaid": {
      const values = { reward: facts.rewardName ?? say("email.referral.points", { points: formatPoints(facts.points, lang) }), balance: formatPoints(facts.balance, lang) };
      const body = [say("email.greeting"), say("email.referral.paid.body", values), ...(facts.points > 0 ? [say("email.balance", values)] : [])];
      return {
        subject: say("email.referral.paid.subject", values),
        preheader: say("email.referral.paid.body", values),
        heading: say("email.referral.paid.heading", values),
        paragraphs: body,
      };
    }
    case "tierReached":
    case "tierGraceStarted": {
      const key = facts.kind === "tierReached" ? "email.tier.reached" : "email.tier.grace";
      const values = { tier: facts.tierName, date: facts.kind === "tierGraceStarted" ? formatDate(facts.lastDay, lang) : "" };
      return {
        subject: say(`${key}.subject`, values),
        preheader: say(`${key}.body`, values),
        heading: say(`${key}.heading`, values),
        paragraphs: [say("email.greeting"), say(`${key}.body`, values)],
      };
    }
    case "expiringSoon": {
      const values = { points: formatPoints(facts.points, lang), balance: formatPoints(facts.balance, lang), date: formatDate(facts.at, lang) };
      return {
        subject: say("email.expiring.subject", values),
        preheader: say("email.expiring.body", values),
        heading: say("email.expiring.heading", values),
        paragraphs: [say("email.greeting"), say("email.expiring.body", values), say("email.balance", values)],
      };
    }
  }
}

/** Made-up facts for the dashboard's preview of each email. */
export function sampleFacts(kind: EmailKind, now: Date, warnDays: number): EmailFacts {
  const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
  switch (kind) {
    case "pointsEarned":
      return { kind, orderId: "1042", points: 120, balance: 480 };
    case "rewardIssued":
      return { kind, rewardName: "10% off your next order", points: 300, coupon: { code: "QL-7K2M-9PXD", expiresAt: inDays(30) } };
    case "expiringSoon":
      return { kind, points: 150, at: inDays(warnDays), balance: 480 };
    case "referralQualified":
      return { kind, payableAt: inDays(14), points: 500, rewardName: null };
    case "referralPaid":
      return { kind, points: 500, rewardName: null, balance: 980 };
    case "tierReached":
      return { kind, tierName: "Gold" };
    case "tierGraceStarted":
      return { kind, tierName: "Gold", lastDay: inDays(30).slice(0, 10) };
  }
}
