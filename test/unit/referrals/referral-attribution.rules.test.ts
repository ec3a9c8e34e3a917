import { describe, expect, it } from "vitest";
import { orderFacts } from "../../../server/modules/orders/order-facts.js";
import { carriedCodes } from "../../../server/modules/referrals/referral-attribution.rules.js";
import { isDisposableEmail } from "../../../server/modules/referrals/disposable-email.js";
import { addressKey, personalEmail } from "../../../server/modules/referrals/referral-identity.rules.js";
import { levelAt, payoutFor } from "../../../server/modules/referrals/referral-payout.rules.js";
import { referralSettingsSchema } from "../../../server/modules/referrals/referral-settings.js";

const facts = (order: Record<string, unknown>) => orderFacts({ id: "K1", paymentStatus: "PAID", total: 50, subtotal: 50, ...order } as never, 2, new Date("2026-03-05T10:00:00Z"));

describe("the codes an order carries", () => {
  it("when the code is the coupon, in the extra field, or only in orderExtraFields[], then each is read upper-cased with its channel", () => {
    expect(carriedCodes(facts({ discountCoupon: { code: "maya-7q2k" } }))).toEqual({ coupon: "MAYA-7Q2K", extraField: null, channel: null });
    expect(carriedCodes(facts({ extraFields: { questline_ref: " maya-7q2k ", questline_ch: "WhatsApp" } }))).toEqual({
      coupon: null,
      extraField: "MAYA-7Q2K",
      channel: "whatsapp",
    });
    const listed = facts({
      orderExtraFields: [
        { id: "questline_ref", value: "MAYA-7Q2K", customerInputType: "" },
        { id: "questline_ch", value: "qr" },
      ],
    });
    expect(carriedCodes(listed)).toEqual({ coupon: null, extraField: "MAYA-7Q2K", channel: "qr" });
  });

  it("when extraFields and orderExtraFields[] disagree, then extraFields wins", () => {
    const both = facts({ extraFields: { questline_ref: "ANA-2K2K" }, orderExtraFields: [{ id: "questline_ref", value: "BEN-2K2K" }] });
    expect(carriedCodes(both).extraField).toBe("ANA-2K2K");
  });

  it("when a value is not shaped like a code or a channel is unknown, then no code is read and the channel is other", () => {
    expect(carriedCodes(facts({ discountCoupon: { code: "QL-ABCDEFGHJK" }, extraFields: { questline_ref: "<script>", questline_ch: "myspace" } }))).toEqual({
      coupon: null,
      extraField: null,
      channel: "other",
    });
    expect(carriedCodes(facts({ extraFields: { questline_ref: 42, questline_ch: { x: 1 } } })).extraField).toBeNull();
  });
});

describe("who a friend is", () => {
  it("when emails differ only by case, spaces, a +tag or Gmail's dots, then they are one inbox", () => {
    expect(personalEmail(" M.aya+Shop@GoogleMail.com ")).toBe("maya@gmail.com");
    expect(personalEmail("m.aya@example.com")).toBe("m.aya@example.com");
    expect(personalEmail(null)).toBeNull();
  });

  it("when two addresses differ only in case, accents, spacing and punctuation, then their keyed hashes match; another key or street does not", () => {
    const home = { street: "Keizersgracht 12", city: "Amsterdam", postalCode: "1015 CX", countryCode: "NL" };
    const key = addressKey(home, "secret");
    expect(addressKey({ street: "keizersgracht, 12", city: "AMSTERDAM", postalCode: "1015cx", countryCode: "nl" }, "secret")).toBe(key);
    expect(addressKey({ ...home, city: "Ámsterdam" }, "secret")).toBe(key);
    expect(addressKey(home, "other")).not.toBe(key);
    expect(addressKey({ ...home, street: "Keizersgracht 14" }, "secret")).not.toBe(key);
    expect(addressKey({ city: "Amsterdam" }, "secret")).toBeNull();
    expect(key).not.toContain("Keizersgracht");
  });

  it("when an email is at a throwaway domain or under one, then it is disposable; a common provider is not", () => {
    expect(isDisposableEmail("x@mailinator.com")).toBe(true);
    expect(isDisposableEmail("x@eu.mailinator.com")).toBe(true);
    expect(isDisposableEmail("x@gmail.com")).toBe(false);
    expect(isDisposableEmail(null)).toBe(false);
    expect(isDisposableEmail("no-at-sign")).toBe(false);
  });
});

describe("what a referral pays", () => {
  const settings = referralSettingsSchema.parse({
    ambassadorReward: { kind: "points", points: 300 },
    levels: [
      { id: "lv_advocate", name: "Advocate", minReferrals: 3, extraPoints: 50 },
      { id: "lv_champion", name: "Champion", minReferrals: 10, extraPoints: 200 },
    ],
  });

  it("when the ambassador has been paid for more friends, then the level held then adds its extra", () => {
    expect(payoutFor(settings, 2)).toEqual({ points: 300, extraPoints: 0, rewardId: null, level: null });
    expect(payoutFor(settings, 3)).toEqual({ points: 300, extraPoints: 50, rewardId: null, level: { id: "lv_advocate", name: "Advocate" } });
    expect(levelAt(settings.levels, 25)?.name).toBe("Champion");
  });

  it("when the reward is a catalog reward, then it is granted and only the level's extra is points", () => {
    expect(payoutFor({ ...settings, ambassadorReward: { kind: "reward", rewardId: "rw_mug" } }, 4)).toMatchObject({ points: 0, extraPoints: 50, rewardId: "rw_mug" });
  });
});
