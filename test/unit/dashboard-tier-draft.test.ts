import { describe, expect, it } from "vitest";
import { createFormatters } from "../../server/dashboard/format.js";
import { movesMembers, NEW_TIER_ID, proposedLadder, tierBody, tierDraft, type Tier } from "../../server/dashboard/tiers/tier-draft.js";
import { previewWords, rulesLine, tierLine } from "../../server/dashboard/tiers/tier-words.js";
import { tierSchema } from "../../server/modules/settings/program-settings.js";
import { tierRulesSchema } from "../../server/modules/tiers/tier-schema.js";

const fmt = createFormatters({ lang: "en", currency: "USD", currencyPrecision: 2 });
const tier = (input: Record<string, unknown>): Tier => tierSchema.parse({ id: "tr_gold", name: "Gold", threshold: 50_000, ...input }) as Tier;
const saved = [tier({ id: "tr_silver", name: "Silver", threshold: 10_000 }), tier({}), tier({ id: "tr_vip", name: "VIP", threshold: 90_000, inviteOnly: true })];
const moves = (when: { date: string | null; count: number }[]) => ({ count: when.reduce((sum, one) => sum + one.count, 0), when });

describe("the tier form's draft", () => {
  it.each([
    [
      "spend",
      {
        keepThreshold: 40_050,
        multiplierPercent: 150,
        birthdayPoints: 200,
        customerGroupId: 9_367_001,
        perks: "Free returns",
        i18n: { nl: { name: "Goud", perks: "Gratis retour" } },
      },
    ],
    ["points", { threshold: 2_500, keepThreshold: null, inviteOnly: true }],
  ] as const)("when a saved tier is opened and saved unchanged with the %s metric, then the body is the tier again", (metric, input) => {
    const saved = tier(input);
    const { id: _id, ...rest } = saved;
    expect(tierSchema.parse({ id: "tr_gold", ...tierBody(tierDraft(saved, metric, fmt), metric, fmt) })).toEqual({ id: "tr_gold", ...rest });
  });

  it("when amounts are typed with the spend metric, then they are minor units; with the points metric, whole points", () => {
    const draft = { ...tierDraft(null, "spend", fmt), name: "Gold", threshold: "1,250.50", keepThreshold: "1000" };
    expect(tierBody(draft, "spend", fmt)).toMatchObject({ threshold: 125_050, keepThreshold: 100_000, multiplierPercent: 100, birthdayPoints: 0, customerGroupId: null });
    expect(tierBody({ ...draft, threshold: "2500", keepThreshold: "" }, "points", fmt)).toMatchObject({ threshold: 2_500, keepThreshold: null });
    expect(tierDraft(tier({ threshold: 125_050 }), "spend", fmt).threshold).toBe("1250.50");
    expect(tierDraft(tier({ threshold: 2_500 }), "points", fmt).threshold).toBe("2500");
  });

  it("when a number is typed wrong, then the body carries the text so the server refuses it beside its field", () => {
    const draft = { ...tierDraft(null, "spend", fmt), threshold: "lots", multiplierPercent: "1.5x", birthdayPoints: " " };
    expect(tierBody(draft, "spend", fmt)).toMatchObject({ threshold: "lots", multiplierPercent: "1.5x", birthdayPoints: 0 });
  });

  it("when a tier is changed, added or deleted, then the proposed ladder is the saved one with that change in its place", () => {
    const body = tierBody({ ...tierDraft(saved[1]!, "spend", fmt), threshold: "600" }, "spend", fmt);
    expect(proposedLadder(saved, "tr_gold", body).map((one) => [one.id, one.threshold])).toEqual([
      ["tr_silver", 10_000],
      ["tr_gold", 60_000],
      ["tr_vip", 90_000],
    ]);
    expect(proposedLadder(saved, null, body).map((one) => one.id)).toEqual(["tr_silver", "tr_gold", "tr_vip", NEW_TIER_ID]);
    expect(proposedLadder(saved, "tr_gold", null).map((one) => one.id)).toEqual(["tr_silver", "tr_vip"]);
  });

  it("when only a name, perk, multiplier or group changes, then nobody can move; a new tier or changed amount or invitation may move members", () => {
    const gold = saved[1]!;
    const unchanged = tierBody(tierDraft(gold, "spend", fmt), "spend", fmt);
    expect(movesMembers(gold, { ...unchanged, name: "Golden", perks: "x", multiplierPercent: 200, customerGroupId: 7 })).toBe(false);
    expect(movesMembers(null, unchanged)).toBe(true);
    expect(movesMembers(gold, { ...unchanged, threshold: 1 })).toBe(true);
    expect(movesMembers(gold, { ...unchanged, keepThreshold: 1 })).toBe(true);
    expect(movesMembers(gold, { ...unchanged, inviteOnly: true })).toBe(true);
  });
});

describe("the tier words", () => {
  it("when a tier has every option, then its line says each in the metric's unit, its group and its members", () => {
    const gold = tier({ keepThreshold: 40_000, multiplierPercent: 150, birthdayPoints: 200, customerGroupId: 5 });
    expect(tierLine(gold, "spend", fmt, { groupName: "“VIP”", members: 3 })).toBe("From $500 · kept from $400 · 1.5× points · 200 points on birthdays · group “VIP” · 3 members");
    expect(tierLine(tier({ threshold: 2_500 }), "points", fmt, { groupName: null, members: 1 })).toBe("From 2,500 points · 1 member");
    expect(tierLine(saved[2]!, "spend", fmt, { groupName: null, members: null })).toBe("Invitation only");
  });

  it("when members move up and down, then the preview says how many and when, in the store's date format, with the grace", () => {
    const preview = { members: 9, up: moves([{ date: null, count: 3 }]), down: moves([{ date: "2027-03-14", count: 2 }]) };
    expect(previewWords(preview, 14, fmt)).toBe("3 members move up at their next order · 2 members move down on Mar 14, 2027 (after 14 days' grace).");
    const spread = {
      members: 9,
      up: moves([]),
      down: moves([
        { date: "2027-01-02", count: 1 },
        { date: null, count: 1 },
      ]),
    };
    expect(previewWords(spread, 0, fmt)).toBe("2 members move down: 1 on Jan 2, 2027, 1 at their next order.");
    expect(previewWords({ members: 1, up: moves([]), down: moves([{ date: "2027-01-02", count: 1 }]) }, 1, fmt)).toBe("1 member moves down on Jan 2, 2027 (after 1 day's grace).");
  });

  it("when nobody moves, then the preview says so and how many members it checked", () => {
    expect(previewWords({ members: 6, up: moves([]), down: moves([]) }, 0, fmt)).toBe("Nothing moves: no member's tier would change (6 members checked).");
  });

  it("when the rules are read, then they say the metric, the window and the grace", () => {
    expect(rulesLine(tierRulesSchema.parse({ metric: "points", window: "rolling_12_months", graceDays: 30 }), fmt)).toBe(
      "By points earned in the last 12 months. A member below their tier's keep amount has 30 days' grace first.",
    );
    expect(rulesLine(tierRulesSchema.parse({}), fmt)).toBe("By money spent over each member's lifetime. A member below their tier's keep amount leaves it at their next review.");
  });
});
