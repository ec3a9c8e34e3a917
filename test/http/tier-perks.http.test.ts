import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { saveProgram } from "../support/program-save.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let app: TestApp;
let storeId: number;

beforeEach(async () => {
  app = await startTestApp();
  ({ storeId } = await app.installStore({ currency: "USD", currencyPrecision: 2, lang: "en" }));
});
afterEach(() => app.close());

const perkLinesIn = async (lang: string) =>
  ((await app.http.get(`/api/storefront/${storeId}/program?lang=${lang}`)).data.tiers as { id: string; perkLines: string[] }[]).map((tier) => [tier.id, tier.perkLines]);

describe("tier perks in the public program", () => {
  it("when tiers multiply, pay birthdays, unlock rewards and carry the merchant's perks, then each tier's perk lines say so in the shopper's language, and follow a change of the rule", async () => {
    const gold = {
      id: "tr_gold",
      name: "Gold",
      threshold: 50_000,
      multiplierPercent: 200,
      birthdayPoints: 200,
      perks: "Free gift wrapping",
      i18n: { nl: { name: "Goud", perks: "Gratis cadeauverpakking" } },
    };
    await saveProgram(app, storeId, {
      tiers: [{ id: "tr_silver", name: "Silver", threshold: 20_000 }, gold],
      rewards: [{ id: "rw_ten", kind: "amount_off", name: "$10 off", costPoints: 500, amountMinor: 1_000, tierIds: ["tr_gold"], i18n: { nl: { name: "$10 korting" } } }],
    });

    expect(await perkLinesIn("en")).toEqual([
      ["tr_silver", []],
      ["tr_gold", ["2 points per $1.00", "200 points on your birthday", "Unlocks: $10 off", "Free gift wrapping"]],
    ]);
    expect(await perkLinesIn("nl")).toEqual([
      ["tr_silver", []],
      ["tr_gold", ["2 punten per US$\u00a01,00", "200 punten op je verjaardag", "Ontgrendelt: $10 korting", "Gratis cadeauverpakking"]],
    ]);

    await saveProgram(app, storeId, { earning: { points: 3, perAmountMinor: 100, minOrderMinor: 0, countedStatuses: ["PAID"] }, tiers: [{ ...gold, multiplierPercent: 150 }] });
    expect((await perkLinesIn("en"))[0]).toEqual(["tr_gold", ["9 points per $2.00", "200 points on your birthday", "Unlocks: $10 off", "Free gift wrapping"]]);
  });
});
