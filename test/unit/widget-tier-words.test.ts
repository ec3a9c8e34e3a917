import { describe, expect, it } from "vitest";
import { WIDGET_TEXTS } from "../../server/modules/i18n/widget-texts.js";
import { tierStandingView } from "../../server/modules/tiers/tier-standing.rules.js";
import { createFormat } from "../../server/widget/format.js";
import { basisText, changeText, heldText, keepText, tierAmount } from "../../server/widget/tier-words.js";
import type { Me, Program } from "../../server/widget/types.js";

const tiers = [
  { id: "tr_silver", name: "Silver", threshold: 20_000 },
  { id: "tr_gold", name: "Gold", threshold: 50_000 },
  { id: "tr_club", name: "Club", threshold: 0, inviteOnly: true },
];
const formatIn = (lang: "en" | "de") => {
  const program = { storeName: "Trailhead", lang, currency: "EUR", currencyPrecision: 2, texts: WIDGET_TEXTS[lang], tiers } as unknown as Program;
  return { program, f: createFormat(program, { OnAPILoaded: { add: () => undefined }, getOwnerId: () => 1 }) };
};
const { program, f } = formatIn("en");
const year = new Date().getFullYear();
const standing = (fields: Partial<Me["tier"]>): Me["tier"] => ({ current: null, metric: "spend", amount: 0, next: null, keep: null, changes: [], ...fields });
const gold = (how: "earned" | "paid" | "assigned", paidUntil: string | null = null) => ({ id: "tr_gold", name: "Gold", since: null, how, paidUntil });

describe("a tier's amounts and the ladder's basis in words", () => {
  it("when the ladder counts money, then amounts are the shop's money; when it counts points, then they are points", () => {
    expect(tierAmount(f, "spend", 12_000)).toBe("€120.00");
    expect(tierAmount(f, "points", 300)).toBe("300 points");
    expect(tierAmount(f, "points", 1)).toBe("1 point");
  });

  it("when the window is rolling, the calendar year or lifetime, then the basis says so, in the shopper's language", () => {
    expect(basisText(f, { metric: "spend", window: "rolling_12_months", graceDays: 0 })).toBe("Based on what you spend in the last 12 months");
    expect(basisText(f, { metric: "points", window: "calendar_year", graceDays: 0 })).toBe("Based on the points you earn this calendar year");
    expect(basisText(f, { metric: "spend", window: "lifetime", graceDays: 0 })).toBe("Based on what you spend in total");
    expect(basisText(formatIn("de").f, { metric: "spend", window: "rolling_12_months", graceDays: 0 })).toBe("Nach deinen Einkäufen in den letzten 12 Monaten");
  });
});

describe("how the shopper holds their tier, in words", () => {
  it("when it is paid for, then it says until when; when the shop gave it, then it says so; when earned, then nothing", () => {
    expect(heldText(f, program, gold("paid", `${year}-06-03T10:00:00.000Z`))).toBe("Gold member until Jun 3");
    expect(heldText(f, program, gold("assigned"))).toBe("Gold: given to you by Trailhead");
    expect(heldText(f, program, gold("earned"))).toBe("");
  });
});

describe("what keeping the tier takes, in words", () => {
  const by = `${year + 1}-03-14T12:00:00.000Z`;

  it("when more is needed by a date (a review or a grace's end), then it says how much in the ladder's metric and by when", () => {
    expect(keepText(f, standing({ current: gold("earned"), keep: { threshold: 50_000, needed: 4_000, by, grace: true } }))).toBe(
      `Spend €40.00 more by Mar 14, ${year + 1} to keep Gold`,
    );
    expect(keepText(f, standing({ current: gold("earned"), metric: "points", keep: { threshold: 500, needed: 300, by, grace: false } }))).toBe(
      `Earn 300 points more by Mar 14, ${year + 1} to keep Gold`,
    );
  });

  it("when it is met, then it says the tier is theirs until at least the next review", () => {
    expect(keepText(f, standing({ current: gold("earned"), keep: { threshold: 50_000, needed: 0, by, grace: false } }))).toBe(`Gold is yours until at least Mar 14, ${year + 1}`);
  });

  it("when nothing is due (no review, a lifetime ladder), or the tier held is paid or given, then it says nothing", () => {
    expect(keepText(f, standing({ current: gold("earned"), keep: { threshold: 50_000, needed: 0, by: null, grace: false } }))).toBe("");
    expect(keepText(f, standing({ current: gold("paid", by), keep: { threshold: 20_000, needed: 5_000, by, grace: false } }))).toBe("");
    expect(keepText(f, standing({ current: null }))).toBe("");
  });

  it("when the server's standing is read as /me gives it, then the words follow its keep", () => {
    const view = tierStandingView(
      {
        tiers: tiers.map((tier) => ({ ...tier, keepThreshold: null, inviteOnly: !!tier.inviteOnly }) as never),
        tierRules: { metric: "spend", window: "rolling_12_months", graceDays: 30 },
      },
      { earned: { tierId: "tr_gold", since: `${year}-01-02T00:00:00.000Z`, graceEndsAt: by, reviewAt: by }, paid: null, assigned: null } as never,
      46_000,
      [],
      new Date(),
    );
    expect(keepText(f, view)).toBe(`Spend €40.00 more by Mar 14, ${year + 1} to keep Gold`);
  });
});

describe("a tier change in words", () => {
  const change = (reason: Me["tier"]["changes"][number]["reason"], fromTierId: string | null, toTierId: string | null) => ({
    reason,
    fromTierId,
    toTierId,
    at: `${year}-05-01T00:00:00.000Z`,
  });

  it("when a change is recorded, then its reason reads in words with the tiers' names, and no tier is said as such", () => {
    expect(changeText(f, program, change("reached", "tr_silver", "tr_gold"))).toBe("Reached Gold");
    expect(changeText(f, program, change("demoted", "tr_gold", "tr_silver"))).toBe("Moved from Gold to Silver");
    expect(changeText(f, program, change("reset", "tr_silver", null))).toBe("New year: moved from Silver to no tier");
    expect(changeText(f, program, change("bought", null, "tr_club"))).toBe("Bought Club");
    expect(changeText(f, program, change("grace_started", "tr_gold", "tr_gold"))).toBe("Grace period for Gold started");
    expect(changeText(formatIn("de").f, program, change("refunded", "tr_club", "tr_silver"))).toBe("Mitgliedschaft erstattet: jetzt Silver");
  });
});
