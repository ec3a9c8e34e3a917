import { describe, expect, it } from "vitest";
import type { Referral } from "../../../server/modules/referrals/referral.js";
import { judgeReferral, type JudgeInput } from "../../../server/modules/referrals/referral-judge.rules.js";
import { referralSettingsSchema } from "../../../server/modules/referrals/referral-settings.js";
import { aMemberReferral, aReferral } from "../../support/referral-fixtures.js";

const STORE = 7;
const PLACED = "2026-03-05T10:00:00.000Z";

function input(overrides: Partial<JudgeInput> = {}, referral: Partial<Referral> = {}): JudgeInput {
  return {
    referral: aReferral(STORE, { id: "ref_this", friendEmail: "lena@example.com", friendCustomerId: 11, friendMemberId: "mem_lena", createdAt: PLACED, ...referral }),
    settings: referralSettingsSchema.parse({ enabled: true, holdDays: 14 }),
    ambassador: { id: "mem_maya", email: "Maya.Chen@gmail.com", customerId: 22, referral: aMemberReferral() },
    ambassadorAddressKeys: ["door-maya"],
    addressKey: "door-lena",
    earlierPaidOrders: 0,
    friendReferrals: [],
    ambassadorReferrals: [],
    orderPlacedAt: PLACED,
    disposableEmail: false,
    timeZone: "Europe/Amsterdam",
    ...overrides,
  };
}

const other = (overrides: Partial<Referral>) => aReferral(STORE, { id: "ref_other", createdAt: "2026-03-01T10:00:00.000Z", ...overrides });

describe("judging a friend's order", () => {
  it("when nothing is wrong, then the reward is held until holdDays after the order was placed, with no signal", () => {
    expect(judgeReferral(input())).toEqual({ status: "held", reason: null, signals: [], payableAt: "2026-03-19T10:00:00.000Z" });
    expect(judgeReferral(input({ settings: referralSettingsSchema.parse({ enabled: true, holdDays: 0 }) }))).toMatchObject({ payableAt: PLACED });
  });

  it("when the friend is the ambassador by a Gmail spelling, a +tag, the customer id, the member or the door, then it is a self-referral", () => {
    for (const friendEmail of ["mayachen@googlemail.com", "m.a.y.a.chen+shop@GMAIL.com"]) expect(judgeReferral(input({}, { friendEmail })).reason).toBe("self_referral");
    expect(judgeReferral(input({}, { friendCustomerId: 22 })).reason).toBe("self_referral");
    expect(judgeReferral(input({}, { friendMemberId: "mem_maya" })).reason).toBe("self_referral");
    const door = judgeReferral(input({ addressKey: "door-maya" }));
    expect(door).toMatchObject({ status: "rejected", reason: "self_referral", signals: [{ kind: "shared_address", severity: "high" }] });
    // Dots matter outside Gmail.
    expect(judgeReferral(input({ ambassador: { ...input().ambassador, email: "maya.chen@example.com" } }, { friendEmail: "mayachen@example.com" })).status).toBe("held");
  });

  it("when several reasons apply, then the first in order is given: off, blocked, held out, self, repeat, existing, minimum, cap", () => {
    const everything = input(
      {
        settings: referralSettingsSchema.parse({ enabled: false, minOrderMinor: 10_000, monthlyCap: 1 }),
        ambassador: {
          ...input().ambassador,
          referral: aMemberReferral({ blocked: { at: PLACED, by: "o@example.com", reason: "x" } }),
          holdout: { held: true, drawnAt: "2026-01-01T00:00:00.000Z", until: "2027-01-01T00:00:00.000Z" },
        },
        earlierPaidOrders: 2,
        friendReferrals: [other({})],
      },
      { friendCustomerId: 22 },
    );
    const reasons: string[] = [];
    let current = everything;
    const peel = [
      (i: JudgeInput) => ({ ...i, settings: { ...i.settings, enabled: true } }),
      (i: JudgeInput) => ({ ...i, ambassador: { ...i.ambassador, referral: aMemberReferral() } }),
      (i: JudgeInput) => ({ ...i, ambassador: { ...i.ambassador, holdout: { held: false, drawnAt: "2026-01-01T00:00:00.000Z", until: "2027-01-01T00:00:00.000Z" } } }),
      (i: JudgeInput) => ({ ...i, referral: { ...i.referral, friendCustomerId: 11 } }),
      (i: JudgeInput) => ({ ...i, friendReferrals: [] }),
      (i: JudgeInput) => ({ ...i, earlierPaidOrders: 0 }),
      (i: JudgeInput) => ({ ...i, settings: { ...i.settings, minOrderMinor: 0 } }),
    ];
    for (const step of peel) {
      reasons.push(judgeReferral(current).reason ?? "none");
      current = step(current);
    }
    expect(reasons).toEqual(["program_off", "blocked_ambassador", "held_out_ambassador", "self_referral", "repeat_friend", "existing_customer", "under_minimum"]);
    expect(judgeReferral(current).status).toBe("held");
  });

  it("when the friend's other referral came after this one, then this one is not a repeat", () => {
    expect(judgeReferral(input({ friendReferrals: [other({ createdAt: "2026-03-06T10:00:00.000Z" })] })).status).toBe("held");
  });

  it("when the cap is reached, then only held and paid referrals of the store's calendar month count", () => {
    const settings = referralSettingsSchema.parse({ enabled: true, monthlyCap: 2 });
    const month = (createdAt: string, status: Referral["status"]) => other({ id: `ref_${createdAt}_${status}`, createdAt, status });
    const counted = [month("2026-03-02T10:00:00.000Z", "paid"), month("2026-03-03T10:00:00.000Z", "held")];
    expect(judgeReferral(input({ settings, ambassadorReferrals: counted })).reason).toBe("cap_reached");
    const notCounted = [month("2026-03-02T10:00:00.000Z", "review"), month("2026-03-02T11:00:00.000Z", "rejected"), month("2026-03-02T12:00:00.000Z", "cancelled")];
    expect(judgeReferral(input({ settings, ambassadorReferrals: notCounted })).status).toBe("held");
    // 23:30 UTC on Feb 28 is March 1 in Amsterdam; 22:30 is still February.
    const one = referralSettingsSchema.parse({ enabled: true, monthlyCap: 1 });
    expect(judgeReferral(input({ settings: one, ambassadorReferrals: [month("2026-02-28T23:30:00.000Z", "paid")] })).reason).toBe("cap_reached");
    expect(judgeReferral(input({ settings: one, ambassadorReferrals: [month("2026-02-28T22:30:00.000Z", "paid")] })).status).toBe("held");
  });

  it("when signals are low, then the reward is held and flagged; when any is high, it waits for review", () => {
    const ambassador = (clicks: number, couponSite: number, ads: number) => ({
      ...input().ambassador,
      referral: aMemberReferral({ clicks: { copy: clicks }, couponSiteClicks: couponSite, adClicks: ads }),
    });
    const low = judgeReferral(input({ disposableEmail: true, ambassador: ambassador(100, 10, 24) }, { friendEmail: "lena@mailinator.com" }));
    expect(low).toMatchObject({
      status: "held",
      signals: [
        { kind: "disposable_email", severity: "low", detail: "mailinator.com is a disposable email domain" },
        { kind: "coupon_site", severity: "low", detail: "10 of 100 visits came from coupon sites" },
        { kind: "paid_ads", severity: "low", detail: "24 of 100 visits came from paid ads" },
      ],
    });
    expect(judgeReferral(input({ ambassador: ambassador(100, 0, 25) }))).toMatchObject({ status: "review", signals: [{ kind: "paid_ads", severity: "high" }] });
    // Visits counted only as ad clicks still make the whole.
    expect(judgeReferral(input({ ambassador: ambassador(0, 3, 0) }))).toMatchObject({ status: "review", signals: [{ detail: "3 of 3 visits came from coupon sites" }] });
  });

  it("when two earlier friends of the ambassador ship where this one does, then many friends at one address waits for review; a pickup never counts", () => {
    const atDoor = [other({ id: "ref_a", addressKey: "door-x" }), other({ id: "ref_b", addressKey: "door-x" })];
    expect(judgeReferral(input({ addressKey: "door-x", ambassadorReferrals: atDoor }))).toMatchObject({
      status: "review",
      signals: [{ kind: "many_friends_one_address", severity: "high" }],
    });
    expect(judgeReferral(input({ addressKey: "door-x", ambassadorReferrals: atDoor.slice(1) })).status).toBe("held");
    expect(judgeReferral(input({ addressKey: null, ambassadorReferrals: [other({ id: "ref_a", addressKey: null }), other({ id: "ref_b", addressKey: null })] })).status).toBe(
      "held",
    );
  });
});
