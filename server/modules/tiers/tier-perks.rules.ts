import { fill, textsFor } from "../i18n/language.js";
import { PERK_TEXTS } from "../i18n/perk-texts.js";
import { moneyIn } from "../referrals/referral-landing.rules.js";
import type { EarningRule, Language, ProgramSettings } from "../settings/program-settings.js";

type Tier = ProgramSettings["tiers"][number];

/** How a language says points, money and a list; made once per store and language. */
export interface PerkWords {
  say(key: string, values?: Record<string, string>): string;
  points(count: number): string;
  money(minor: number): string;
  list(items: string[]): string;
}

/** Perk words in `lang`: points with the program's texts (`points.one`/`points.other`), money in the store's currency. */
export function perkWords(lang: Language, programTexts: Record<string, string>, store: { currency: string; currencyPrecision: number }): PerkWords {
  const texts = textsFor(PERK_TEXTS, lang, {});
  const plural = new Intl.PluralRules(lang);
  const numbers = new Intl.NumberFormat(lang);
  const lists = new Intl.ListFormat(lang, { type: "conjunction" });
  return {
    say: (key, values = {}) => fill(texts[key] ?? key, values),
    points: (count) => fill(programTexts[`points.${plural.select(count)}`] ?? programTexts["points.other"] ?? "{count}", { count: numbers.format(count) }),
    money: moneyIn(lang, store.currency, store.currencyPrecision),
    list: (items) => lists.format(items),
  };
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * The earning rate a multiplier gives, in whole points: the rule's points times the percent, over the smallest
 * multiple of the rule's amount that makes them whole (1 point per $1 at 150% is 3 points per $2). An order of
 * exactly that amount earns exactly those points (`pointsDeserved` rounds the rule's points first, then the
 * multiplied ones), so the line cannot promise more or less than the books give.
 */
export function multipliedRate(rule: Pick<EarningRule, "points" | "perAmountMinor">, multiplierPercent: number): { points: number; perAmountMinor: number } {
  const hundredths = rule.points * multiplierPercent;
  const times = 100 / gcd(hundredths, 100);
  return { points: (hundredths * times) / 100, perAmountMinor: rule.perAmountMinor * times };
}

/**
 * A tier's perks as lines a shopper reads, each said from the rule that enforces it: its earning rate (when it
 * multiplies), its birthday points, the rewards open to it, member prices when it is linked to an Ecwid customer
 * group; then the merchant's own perks text, a line per line, for what Questline cannot enforce.
 */
export function perkLines(
  tier: Tier,
  program: { earning: Pick<EarningRule, "points" | "perAmountMinor">; rewards: { name: string; tierIds: string[] }[] },
  words: PerkWords,
): string[] {
  const lines: string[] = [];
  if (tier.multiplierPercent !== 100) {
    const rate = multipliedRate(program.earning, tier.multiplierPercent);
    lines.push(words.say("perk.rate", { points: words.points(rate.points), amount: words.money(rate.perAmountMinor) }));
  }
  if (tier.birthdayPoints > 0) lines.push(words.say("perk.birthday", { points: words.points(tier.birthdayPoints) }));
  const unlocked = program.rewards.filter((reward) => reward.tierIds.includes(tier.id)).map((reward) => reward.name);
  if (unlocked.length > 0) lines.push(words.say("perk.unlocks", { rewards: words.list(unlocked) }));
  if (tier.customerGroupId !== null) lines.push(words.say("perk.group"));
  return [
    ...lines,
    ...tier.perks
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== ""),
  ];
}
