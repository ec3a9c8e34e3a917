import { describe, expect, it } from "vitest";
import { PROGRAM_TEMPLATES } from "../../server/modules/program/templates/index.js";
import { chooseCategory, mergeTemplate, templateItems } from "../../server/modules/program/templates/templates.rules.js";
import { defaultProgramSettings, programSettingsSchema } from "../../server/modules/settings/program-settings.js";

const CATEGORIES = [
  { id: 11, name: "Gear" },
  { id: 12, name: "Trail snacks" },
  { id: 13, name: "Coffee beans" },
];

describe("program templates", () => {
  for (const template of PROGRAM_TEMPLATES) {
    for (const precision of [0, 2, 3]) {
      it(`when "${template.name}" is applied to a new program in a currency with ${precision} decimals, then the program parses, with a stamp card and a click-through task`, () => {
        const { items, skipped } = templateItems(template, precision, CATEGORIES);
        const { next } = mergeTemplate(defaultProgramSettings(precision), items);
        const parsed = programSettingsSchema.safeParse(next);
        expect(parsed.error?.issues ?? []).toEqual([]);
        expect(skipped).toEqual([]);
        const kinds = parsed.data?.challenges.map((challenge) => challenge.goal.kind);
        expect(kinds).toContain("stamps");
        expect(kinds).toContain("visit");
      });
    }
  }

  it("when a template is applied twice, then the second time adds nothing and the program is unchanged", () => {
    const { items } = templateItems(PROGRAM_TEMPLATES[1]!, 2, CATEGORIES);
    const once = programSettingsSchema.parse(mergeTemplate(defaultProgramSettings(2), items).next);
    const twice = mergeTemplate(once, items);
    expect(twice.added).toEqual({ challenges: 0, badges: 0, tiers: 0, rewards: 0 });
    expect(programSettingsSchema.parse(twice.next)).toEqual(once);
  });

  it("when money is in the template, then it is scaled by the currency's precision ($5 is 500 cents, 5 yen is 5)", () => {
    const reward = (precision: number) => templateItems(PROGRAM_TEMPLATES[0]!, precision, CATEGORIES).items.rewards.find((r) => r.kind === "amount_off");
    expect(reward(2)).toMatchObject({ amountMinor: 500 });
    expect(reward(0)).toMatchObject({ amountMinor: 5 });
    expect(reward(3)).toMatchObject({ amountMinor: 5000 });
  });

  it("when the store has a category named like the stamp card's, then the card counts it; else the first; with none the card is skipped and the rest still parses", () => {
    expect(chooseCategory(["coffee"], CATEGORIES)).toBe(13);
    expect(chooseCategory(["snack", "food"], CATEGORIES)).toBe(12);
    expect(chooseCategory(["tea"], CATEGORIES)).toBe(11);
    expect(chooseCategory(["tea"], [])).toBeNull();
    const coffee = templateItems(PROGRAM_TEMPLATES[1]!, 2, CATEGORIES).items.challenges.find((c) => c.goal.kind === "stamps");
    expect(coffee?.goal).toMatchObject({ categoryIds: [13] });

    const { items, skipped } = templateItems(PROGRAM_TEMPLATES[1]!, 2, []);
    expect(skipped).toEqual(["Coffee stamp card"]);
    expect(programSettingsSchema.safeParse(mergeTemplate(defaultProgramSettings(2), items).next).success).toBe(true);
  });
});
