import { describe, expect, it } from "vitest";
import { upgradeLegacyReward } from "../../server/modules/rewards/reward-schema.js";
import { rewardSchema } from "../../server/modules/settings/program-settings.js";

describe("rewards saved before kinds", () => {
  it("when an amount was saved in whole units, then it reads as amount_off in minor units of the store's currency", () => {
    const saved = { id: "rw_five", name: "$5 off", costPoints: 500, discount: { type: "ABS", value: 5.5 } };
    expect(rewardSchema.parse(upgradeLegacyReward(saved, 2))).toMatchObject({ kind: "amount_off", amountMinor: 550, costPoints: 500 });
    expect(rewardSchema.parse(upgradeLegacyReward(saved, 0))).toMatchObject({ kind: "amount_off", amountMinor: 6 });
  });

  it("when a percent was saved, then it reads as percent_off, and a reward that has a kind is left as it is", () => {
    expect(upgradeLegacyReward({ id: "rw_ten", name: "10%", costPoints: 900, discount: { type: "PERCENT", value: 10 } }, 2)).toEqual({
      id: "rw_ten",
      name: "10%",
      costPoints: 900,
      kind: "percent_off",
      percent: 10,
    });
    const current = { id: "rw_ship", name: "Free shipping", kind: "free_shipping", costPoints: 300 };
    expect(upgradeLegacyReward(current, 2)).toBe(current);
  });
});

describe("the variable reward", () => {
  const variable = { id: "rw_var", name: "Points to money", kind: "variable", pointsPerUnit: 100, unitMinor: 100, minPoints: 500, maxPoints: 5000, stepPoints: 100 };
  it("when its choices step evenly in whole units, then it is accepted", () => {
    expect(rewardSchema.safeParse(variable).success).toBe(true);
  });
  it("when its steps do not reach the maximum or are not whole units, then the field at fault is named", () => {
    const uneven = rewardSchema.safeParse({ ...variable, maxPoints: 5050 });
    expect(uneven.error?.issues.map((issue) => issue.path)).toEqual([["stepPoints"]]);
    const partial = rewardSchema.safeParse({ ...variable, stepPoints: 50, maxPoints: 5000 });
    expect(partial.error?.issues.map((issue) => issue.path)).toEqual([["pointsPerUnit"]]);
  });
});
