import { describe, expect, it } from "vitest";
import { fill } from "../../server/modules/i18n/language.js";
import { fill as widgetFill } from "../../server/widget/format.js";

describe("filling a text's placeholders", () => {
  for (const [where, fillText] of [
    ["on the server", fill],
    ["in the widget", widgetFill],
  ] as const) {
    it(`when a merchant's text names a placeholder the values lack, even one every object inherits, then it is left as written (${where})`, () => {
      expect(fillText("{points} points {constructor} {toString} {store}", { points: 5 })).toBe("5 points {constructor} {toString} {store}");
    });
  }
});
