import { describe, expect, it } from "vitest";
import { createFormatters } from "../../server/dashboard/format.js";
import { referralBody, referralDraft, sortLevels, type LevelDraft } from "../../server/dashboard/referrals/referral-settings-draft.js";
import { conversionLabel, friendOfferLabel, referralStatusLabel } from "../../server/dashboard/referrals/referral-words.js";
import { referralSettingsSchema } from "../../server/modules/referrals/referral-settings.js";

const fmt = createFormatters({ lang: "en", currency: "EUR", currencyPrecision: 2 });

const level = (id: string, minReferrals: string, name = id): LevelDraft => ({ id, name, minReferrals, extraPoints: "0" });

describe("the referral settings form's draft", () => {
  it.each([
    ["an amount off and points", { friendOffer: { kind: "amount_off", amountMinor: 550, minOrderMinor: 2_000 }, ambassadorReward: { kind: "points", points: 400 } }],
    ["a percent off and a catalog reward", { friendOffer: { kind: "percent_off", percent: 15, minOrderMinor: 0 }, ambassadorReward: { kind: "reward", rewardId: "rw_socks" } }],
    [
      "free shipping with a cap and levels",
      { friendOffer: { kind: "free_shipping", minOrderMinor: 3_000 }, monthlyCap: 5, levels: [{ id: "lv_a", name: "Advocate", minReferrals: 3, extraPoints: 50 }] },
    ],
  ])("when saved settings with %s are opened and saved unchanged, then the body is the settings again", (_what, input) => {
    const settings = referralSettingsSchema.parse({ enabled: true, holdDays: 7, minOrderMinor: 1_250, reverseAfterHold: true, ...input });
    expect(referralSettingsSchema.parse(referralBody(referralDraft(settings, fmt), fmt))).toEqual(settings);
  });

  it("when the cap is left empty and the minimums are blank, then the body has no cap and zero minimums", () => {
    const draft = { ...referralDraft(referralSettingsSchema.parse({}), fmt), monthlyCap: "  ", minOrder: "", offerMinOrder: "" };
    expect(referralBody(draft, fmt)).toMatchObject({ monthlyCap: null, minOrderMinor: 0, friendOffer: { minOrderMinor: 0 } });
  });

  it("when a number is typed wrong, then the body carries the text so the server refuses it beside its field", () => {
    const draft = { ...referralDraft(referralSettingsSchema.parse({}), fmt), holdDays: "two weeks", minOrder: "12.345" };
    expect(referralBody(draft, fmt)).toMatchObject({ holdDays: "two weeks", minOrderMinor: "12.345" });
  });

  it("when levels are typed out of order, then they are sorted by the friends they take, ties and unfinished ones keeping their place", () => {
    const sorted = sortLevels([level("lv_c", "10"), level("lv_x", ""), level("lv_a", "3"), level("lv_b", " 3 "), level("lv_y", "five")]);
    expect(sorted.map((one) => one.id)).toEqual(["lv_a", "lv_b", "lv_c", "lv_x", "lv_y"]);
  });
});

describe("the referral words", () => {
  it("when a referral is held with a payable day, then its status names the day; other statuses are their word", () => {
    const date = (iso: string | null) => fmt.date(iso);
    expect(referralStatusLabel({ status: "held", payableAt: "2026-05-03T12:00:00.000Z" }, date)).toBe("Held until May 3, 2026");
    expect(referralStatusLabel({ status: "review", payableAt: null }, date)).toBe("Needs review");
  });

  it("when an offer has a minimum, then it is said after the offer in the store's money", () => {
    expect(friendOfferLabel({ kind: "amount_off", amountMinor: 500, minOrderMinor: 2_000 }, fmt.moneyShort)).toBe("€5 off on orders from €20");
    expect(friendOfferLabel({ kind: "percent_off", percent: 10, minOrderMinor: 0 }, fmt.moneyShort)).toBe("10% off");
  });

  it("when a channel had no clicks, then its conversion is a dash, else friends per click in whole percent", () => {
    expect(conversionLabel(0, 0)).toBe("—");
    expect(conversionLabel(2, 9)).toBe("22%");
  });
});
