import { describe, expect, it } from "vitest";
import { presetRange, todayIn } from "../../server/dashboard/overview/overview-range.js";

describe("the overview's presets", () => {
  it("when it is already 6 March in the store's zone but still 5 March in the browser's, then today is the store's", () => {
    const lateOnTheFifthInUtc = new Date("2026-03-05T23:30:00Z");
    expect(todayIn("Europe/Amsterdam", lateOnTheFifthInUtc)).toBe("2026-03-06");
    expect(todayIn("America/Los_Angeles", lateOnTheFifthInUtc)).toBe("2026-03-05");
    expect(todayIn("Pacific/Kiritimati", new Date("2026-12-31T10:30:00Z"))).toBe("2027-01-01");
  });

  it("when a preset is chosen, then its days end today, both counted", () => {
    expect(presetRange("30d", "2026-03-06")).toEqual({ from: "2026-02-05", to: "2026-03-06" });
    expect(presetRange("90d", "2026-03-06")).toEqual({ from: "2025-12-07", to: "2026-03-06" });
    expect(presetRange("12m", "2026-03-06")).toEqual({ from: "2025-03-07", to: "2026-03-06" });
    expect(presetRange("12m", "2028-02-29")).toEqual({ from: "2027-03-02", to: "2028-02-29" });
  });
});
