import { describe, expect, it } from "vitest";
import { WIDGET_TEXTS } from "../../../server/modules/i18n/widget-texts.js";
import { pointsDeserved } from "../../../server/modules/orders/earning.rules.js";
import { LANGUAGES, tierSchema, type EarningRule, type Language } from "../../../server/modules/settings/program-settings.js";
import { multipliedRate, perkLines, perkWords } from "../../../server/modules/tiers/tier-perks.rules.js";
import { aPaidOrder } from "../../support/order-facts-fixture.js";

const usd = { currency: "USD", currencyPrecision: 2 };
const words = (lang: Language = "en", texts = WIDGET_TEXTS[lang]) => perkWords(lang, texts, usd);
const earning: EarningRule = { points: 1, perAmountMinor: 100, minOrderMinor: 0, countedStatuses: ["PAID"] };
const tier = (fields: Record<string, unknown>) => tierSchema.parse({ id: "tr_gold", name: "Gold", threshold: 50_000, ...fields });
const program = (rewards: { name: string; tierIds: string[] }[] = []) => ({ earning, rewards });

describe("a tier's perk lines", () => {
  it("when a tier multiplies, pays on birthdays, unlocks rewards, links a customer group and has the merchant's perks, then each is a line in that order", () => {
    const gold = tier({ multiplierPercent: 200, birthdayPoints: 200, customerGroupId: 7, perks: "Free gift wrapping\n\n Early access to sales " });
    const rewards = [
      { name: "$10 off", tierIds: ["tr_gold"] },
      { name: "Free shipping", tierIds: ["tr_silver", "tr_gold"] },
      { name: "5% off", tierIds: [] },
      { name: "Silver mug", tierIds: ["tr_silver"] },
    ];
    expect(perkLines(gold, program(rewards), words())).toEqual([
      "2 points per $1.00",
      "200 points on your birthday",
      "Unlocks: $10 off and Free shipping",
      "Member prices at checkout",
      "Free gift wrapping",
      "Early access to sales",
    ]);
  });

  it("when a tier only has a threshold, then it has no lines; member prices are never said without a linked group", () => {
    expect(perkLines(tier({}), program([{ name: "5% off", tierIds: [] }]), words())).toEqual([]);
    expect(perkLines(tier({ perks: "Free gift wrapping" }), program(), words())).toEqual(["Free gift wrapping"]);
  });

  it("when the multiplier does not give whole points per the rule's amount, then the amount grows until it does", () => {
    expect(multipliedRate({ points: 1, perAmountMinor: 100 }, 150)).toEqual({ points: 3, perAmountMinor: 200 });
    expect(multipliedRate({ points: 1, perAmountMinor: 100 }, 125)).toEqual({ points: 5, perAmountMinor: 400 });
    expect(multipliedRate({ points: 2, perAmountMinor: 500 }, 250)).toEqual({ points: 5, perAmountMinor: 500 });
    expect(perkLines(tier({ multiplierPercent: 150, birthdayPoints: 1 }), program(), words())).toEqual(["3 points per $2.00", "1 point on your birthday"]);
  });

  it("when any rule and multiplier are said as a rate, then an order of that amount earns exactly the points the line says", () => {
    for (const points of [1, 2, 3, 7, 10]) {
      for (const perAmountMinor of [1, 50, 100, 250, 1_000]) {
        for (let multiplierPercent = 100; multiplierPercent <= 1000; multiplierPercent += 5) {
          const rule = { ...earning, points, perAmountMinor };
          const rate = multipliedRate(rule, multiplierPercent);
          expect(Number.isInteger(rate.points) && Number.isInteger(rate.perAmountMinor)).toBe(true);
          expect(pointsDeserved(aPaidOrder(rate.perAmountMinor), rule, multiplierPercent).points).toBe(rate.points);
          expect(pointsDeserved(aPaidOrder(rate.perAmountMinor * 3), rule, multiplierPercent).points).toBe(rate.points * 3);
        }
      }
    }
  });

  it("when the shopper reads another language, then the lines are in it, with its numbers, plurals, money and lists", () => {
    const gold = tier({ multiplierPercent: 200, birthdayPoints: 1_500, customerGroupId: 7 });
    const rewards = [
      { name: "€10 korting", tierIds: ["tr_gold"] },
      { name: "Gratis verzending", tierIds: ["tr_gold"] },
    ];
    const eur = { currency: "EUR", currencyPrecision: 2 };
    // Money as Intl writes it in the language, with its no-break space.
    expect(perkLines(gold, program(rewards), perkWords("nl", WIDGET_TEXTS.nl, eur))).toEqual([
      "2 punten per €\u00a01,00",
      "1.500 punten op je verjaardag",
      "Ontgrendelt: €10 korting en Gratis verzending",
      "Ledenprijzen bij het afrekenen",
    ]);
    expect(perkLines(gold, program(), perkWords("de", WIDGET_TEXTS.de, eur))).toEqual(["2 Punkte pro 1,00\u00a0€", "1.500 Punkte zum Geburtstag", "Mitgliederpreise an der Kasse"]);
    for (const lang of LANGUAGES) expect(perkLines(gold, program(rewards), words(lang)).every((line) => !line.includes("{"))).toBe(true);
  });

  it("when the merchant renamed points, then the lines use their word", () => {
    const texts = { ...WIDGET_TEXTS.en, "points.one": "{count} star", "points.other": "{count} stars" };
    expect(perkLines(tier({ multiplierPercent: 300, birthdayPoints: 1 }), program(), words("en", texts))).toEqual(["3 stars per $1.00", "1 star on your birthday"]);
  });
});
