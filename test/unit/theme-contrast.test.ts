import { describe, expect, it } from "vitest";
import { DEMO_PROGRAM } from "../../server/demo/demo-program.js";
import { themeSchema } from "../../server/modules/settings/program-settings.js";
import { contrastProblem, contrastRatio, luminance, readableTheme } from "../../server/modules/settings/theme-contrast.rules.js";

describe("theme contrast", () => {
  it("when black and white are compared, then the ratio is 21:1 whichever comes first, and a colour against itself is 1:1", () => {
    expect(luminance("#000000")).toBe(0);
    expect(luminance("#FFFFFF")).toBe(1);
    expect(contrastRatio("#000000", "#ffffff")).toBe(21);
    expect(contrastRatio("#ffffff", "#000000")).toBe(21);
    expect(contrastRatio("#1f6feb", "#1f6feb")).toBe(1);
  });

  it("when white stands on amber #f5b93a, then the pair is refused with its contrast shown", () => {
    expect(contrastRatio("#ffffff", "#f5b93a")).toBeCloseTo(1.77, 2);
    expect(contrastProblem("#ffffff", "#f5b93a")).toBe("contrast 1.77:1 is below 4.5:1");
  });

  it("when a pair is just under the minimum, then the shown ratio is never rounded up to the minimum", () => {
    expect(contrastProblem("#777777", "#ffffff")).toBe("contrast 4.48:1 is below 4.5:1");
    // 4.4781:1 would round to 4.48, which would not read as below 4.4782.
    expect(contrastProblem("#777777", "#ffffff", 4.4782)).toBe("contrast 4.47:1 is below 4.4782:1");
  });

  it("when the default and demo themes are checked, then both pass, and dark text on amber does too", () => {
    expect(themeSchema.safeParse({}).success).toBe(true);
    expect(themeSchema.safeParse(DEMO_PROGRAM.theme).success).toBe(true);
    expect(contrastProblem("#1d2430", "#f5b93a")).toBeNull();
  });
});

describe("readableTheme", () => {
  it("when the text colour already reads on the primary colour, then the theme is kept as it is", () => {
    const theme = { primaryColor: "#1f6feb", textColor: "#ffffff", position: "bottom-left" };
    expect(readableTheme(theme)).toBe(theme);
  });

  it("when it does not, then white or near-black is chosen, whichever stands better, and nothing else changes", () => {
    expect(readableTheme({ primaryColor: "#f5b93a", textColor: "#ffffff", position: "bottom-left" })).toEqual({
      primaryColor: "#f5b93a",
      textColor: "#111111",
      position: "bottom-left",
    });
    expect(readableTheme({ primaryColor: "#0b1f3a", textColor: "#222222" })).toEqual({ primaryColor: "#0b1f3a", textColor: "#ffffff" });
  });
});
