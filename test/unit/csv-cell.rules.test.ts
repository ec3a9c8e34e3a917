import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalOf, textCell, untextCell } from "../../server/modules/exports/csv-cell.rules.js";

describe("export cells", () => {
  it("when a text cell starts with =, +, -, @, a tab or a carriage return, then it gets a leading quote; other text is unchanged", () => {
    expect(["=1+1", "+31 6", "-2", "@SUM(A1)", "\tx", "\rx"].map(textCell)).toEqual(["'=1+1", "'+31 6", "'-2", "'@SUM(A1)", "'\tx", "'\rx"]);
    expect(["ana@example.com", "a=b", " =x", "", 'say "hi", then\nleave'].map(textCell)).toEqual(["ana@example.com", "a=b", " =x", "", 'say "hi", then\nleave']);
    expect(textCell(null)).toBe("");
  });

  it("when a cell written by textCell is read back, then untextCell gives the text as it was, whatever it is", () => {
    fc.assert(fc.property(fc.string(), (value) => untextCell(textCell(value)) === value));
    expect(["'-dash@example.com", "'+31 6", "'=1", "'\tx"].map(untextCell)).toEqual(["-dash@example.com", "+31 6", "=1", "\tx"]);
  });

  it("when a cell starts with a quote that textCell did not add, then it is read as written", () => {
    expect(["'ana@example.com", "'", "ana'-x", " '-x"].map(untextCell)).toEqual(["'ana@example.com", "'", "ana'-x", " '-x"]);
    expect([textCell("'-x"), untextCell("''-x")]).toEqual(["''-x", "'-x"]);
  });

  it("when minor units are written as the currency's decimal, then the digits are exact at every precision", () => {
    expect([decimalOf(1250, 2), decimalOf(5, 2), decimalOf(0, 2), decimalOf(-75, 2), decimalOf(1234, 0), decimalOf(1, 3)]).toEqual([
      "12.50",
      "0.05",
      "0.00",
      "-0.75",
      "1234",
      "0.001",
    ]);
    expect(decimalOf(9007199254740991, 2)).toBe("90071992547409.91");
  });
});
