import { describe, expect, it } from "vitest";
import { adjustmentLeavesBalance, adjustmentSchema } from "../../server/modules/ledger/ledger.rules.js";

describe("adjustment rules", () => {
  it("when points are fractional, zero, huge or not numbers, then the adjustment is refused", () => {
    for (const points of [1.5, 0, 1e12, "10", null, Number.NaN]) {
      expect(adjustmentSchema.safeParse({ points, reason: "goodwill" }).success).toBe(false);
    }
  });

  it("when the reason is missing or blank, then the adjustment is refused", () => {
    expect(adjustmentSchema.safeParse({ points: 10 }).success).toBe(false);
    expect(adjustmentSchema.safeParse({ points: 10, reason: "   " }).success).toBe(false);
  });

  it("when a deduction would leave a negative balance, then it is not allowed; to exactly zero it is", () => {
    expect(adjustmentLeavesBalance(50, -51)).toEqual({ allowed: false, balanceAfter: -1 });
    expect(adjustmentLeavesBalance(50, -50)).toEqual({ allowed: true, balanceAfter: 0 });
    expect(adjustmentLeavesBalance(-20, 5)).toEqual({ allowed: true, balanceAfter: -15 });
  });
});
