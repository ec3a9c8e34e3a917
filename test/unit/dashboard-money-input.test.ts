import { describe, expect, it } from "vitest";
import { minorToInput, parseMoneyInput } from "../../server/dashboard/money-input.js";

describe("amounts merchants type in the dashboard", () => {
  it("when amounts are typed in the ways merchants type them, then they become exact minor units without floating point", () => {
    const cases: [string, number, string][] = [
      ["12.50", 2, "."],
      ["1.15", 2, "."],
      ["0.29", 2, "."],
      ["1,250.99", 2, "."],
      ["1 000", 2, "."],
      ["12,5", 2, ","],
      ["1.000,01", 2, ","],
      ["1500", 0, "."],
      ["9.999", 3, "."],
      ["12.500", 2, "."],
    ];
    expect(cases.map(([text, precision, decimal]) => parseMoneyInput(text, precision, decimal))).toEqual([
      { minor: 1250 },
      { minor: 115 },
      { minor: 29 },
      { minor: 125099 },
      { minor: 100000 },
      { minor: 1250 },
      { minor: 100001 },
      { minor: 1500 },
      { minor: 9999 },
      { minor: 1250 },
    ]);
  });

  it("when a text is not an amount of the currency, then it says what to type instead", () => {
    expect(parseMoneyInput("12.5.0", 2)).toEqual({ error: "Type an amount like 12.50." });
    expect(parseMoneyInput("-3", 2)).toEqual({ error: "The amount cannot be negative." });
    expect(parseMoneyInput("1.5", 0)).toEqual({ error: "This currency has no cents: type a whole amount." });
    expect(parseMoneyInput("10.005", 2)).toEqual({ error: "Use at most 2 digits after the decimal point." });
    expect(parseMoneyInput("", 2)).toEqual({ error: "Enter an amount." });
    expect(parseMoneyInput("1234567890123456", 2)).toEqual({ error: "That amount is too large." });
  });

  it("when minor units are shown in a field, then whole amounts drop their decimals and the locale's mark is used", () => {
    expect([minorToInput(1250, 2), minorToInput(1000, 2), minorToInput(5, 2, ","), minorToInput(1500, 0)]).toEqual(["12.50", "10", "0,05", "1500"]);
  });
});
