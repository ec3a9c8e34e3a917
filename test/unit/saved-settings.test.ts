import { describe, expect, it } from "vitest";
import { defaultProgramSettings, programSettingsSchema, type ProgramSettings } from "../../server/modules/settings/program-settings.js";
import { readSavedSettings } from "../../server/modules/settings/saved-settings.rules.js";

describe("saved settings", () => {
  it("when a program was saved before the game (challenges of orders or spend, badges without icons), then it reads with the new fields' defaults", () => {
    const before = {
      ...defaultProgramSettings(2),
      challenges: [{ id: "ch_three", title: "Three orders", description: "", points: 50, goal: { kind: "orders", target: 3 }, countFrom: null }],
      badges: [{ id: "bd_big", name: "Big spender", description: "", goal: { kind: "spend", target: 10_000 } }],
    } as unknown as ProgramSettings;

    const read = readSavedSettings(before, 2);

    expect(read.challenges[0]).toMatchObject({
      id: "ch_three",
      goal: { kind: "orders", target: 3 },
      icon: "star",
      status: "active",
      badgeIds: [],
      repeat: { every: "once", cap: null, levelStep: 0 },
      window: { startsAt: null, endsAt: null, lastDays: null },
      audience: { kind: "everyone" },
      limits: { winners: null, totalPoints: null, periodPoints: null, period: "total" },
      hidden: false,
      reverseOnRefund: false,
    });
    expect(read.badges[0]).toEqual({ id: "bd_big", name: "Big spender", description: "", icon: "star", goal: { kind: "spend", target: 10_000 } });
  });

  it("when a challenge names a badge, reward or tier the program does not have, then the issue is at that reference", () => {
    const result = programSettingsSchema.safeParse({
      ...defaultProgramSettings(2),
      challenges: [{ id: "ch_a", title: "A", points: 5, goal: { kind: "orders", target: 1 }, badgeIds: ["bd_none"], audience: { kind: "tier", tierIds: ["tr_none"] } }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([
      ["challenges", 0, "badgeIds", 0],
      ["challenges", 0, "audience", "tierIds", 0],
    ]);
  });
});
