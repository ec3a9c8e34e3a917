import { describe, expect, it } from "vitest";
import { checkRow, readHeader, repeatedRows, type ImportRow } from "../../../server/modules/balance-import/balance-rows.rules.js";

describe("reading an import's header", () => {
  it("when the header is members.csv's, then member_id, email, balance_points, customer_id and language are read and the rest listed as ignored", () => {
    const header = ["member_id", "email", "customer_id", "balance_points", "tier", "language"];

    expect(readHeader(header)).toEqual({ memberId: 0, email: 1, points: 3, customerId: 2, language: 5, ignored: ["tier"] });
  });

  it("when names differ only in case and spaces, then they are the same columns", () => {
    expect(readHeader([" Email ", "POINTS"])).toEqual({ memberId: null, email: 0, points: 1, customerId: null, language: null, ignored: [] });
  });

  it.each([
    [["points"], 'The header has no "email" column; the first line must name the columns, e.g. "email,points"'],
    [["email"], 'The header has no "points" (or "balance_points") column'],
    [["email", "points", "balance_points"], 'The header has both "points" and "balance_points"; keep one'],
    [["email", "points", "Email"], 'The column "email" appears twice in the header'],
  ])("when the header is %j, then the whole file is refused: %s", (header, message) => {
    expect(() => readHeader(header)).toThrow(expect.objectContaining({ code: "bad_request", message }));
  });
});

describe("checking an import's rows", () => {
  const columns = readHeader(["email", "points", "customer_id", "language"]);
  const check = (...fields: string[]) => checkRow(fields, columns, 4, 7);

  it("when a row is well formed, then its email is normalised and its cells read", () => {
    expect(check(" Ana@Example.COM ", " 120 ", "42", "NL")).toEqual({ line: 7, email: "ana@example.com", points: 120, customerId: 42, language: "nl" });
    expect(check("ana@example.com", "0", "", "")).toEqual({ line: 7, email: "ana@example.com", points: 0, customerId: null, language: null });
  });

  it("when a row gives a negative balance or names a member by customer id alone, then it is taken as written", () => {
    expect(check("ana@example.com", "-25", "", "")).toEqual({ line: 7, email: "ana@example.com", points: -25, customerId: null, language: null });
    expect(check("", "40", "42", "")).toEqual({ line: 7, email: null, points: 40, customerId: 42, language: null });
  });

  it.each([
    [["", "1", "", ""], null, "The row has no email and no customer id; a member is found by one of them, so a row needs one"],
    [["ana@example.com\nbcc@evil.example", "1", "", ""], "ana@example.com\nbcc@evil.example", '"ana@example.com\nbcc@evil.example" is not an email address'],
    [["ana@example.com", "1.5", "", ""], "ana@example.com", 'The points "1.5" are not a whole number'],
    [["ana@example.com", "1e3", "", ""], "ana@example.com", 'The points "1e3" are not a whole number'],
    [["ana@example.com", "10000001", "", ""], "ana@example.com", "The points 10000001 are beyond what a row may give, -10000000 to 10000000"],
    [["ana@example.com", "-10000001", "", ""], "ana@example.com", "The points -10000001 are beyond what a row may give, -10000000 to 10000000"],
    [["ana@example.com", "1", "0", ""], "ana@example.com", 'The customer id "0" is not an Ecwid customer id'],
    [["ana@example.com", "1", "", "xx"], "ana@example.com", 'The language "xx" is not one of en, nl, de, nb'],
    [["ana@example.com", "1"], "ana@example.com", "The row has 2 fields; the header has 4"],
  ])("when the row is %j, then it is refused with its reason", (fields, email, reason) => {
    expect(check(...fields)).toEqual({ line: 7, email, reason });
  });

  it("when a refused cell is long, then the report echoes its first 40 characters only", () => {
    const long = `${"a".repeat(60_000)}@example.com`;

    expect(check(long, "1", "", "")).toEqual({ line: 7, email: `${"a".repeat(40)}…`, reason: `"${"a".repeat(40)}…" is not an email address` });
    expect(check("ana@example.com", "9".repeat(60_000), "", "")).toMatchObject({ reason: `The points ${"9".repeat(40)}… are beyond what a row may give, -10000000 to 10000000` });
    expect(check("ana@example.com", "1", "x".repeat(500), "")).toMatchObject({ reason: `The customer id "${"x".repeat(40)}…" is not an Ecwid customer id` });
  });

  it("when two rows name one email or one customer id, then the later ones are refused naming the first line", () => {
    const row = (line: number, email: string | null, customerId: number | null): ImportRow => ({ line, email, points: 1, customerId, language: null });

    expect(repeatedRows([row(2, "a@example.com", 5), row(3, "b@example.com", null), row(4, "a@example.com", null), row(5, "c@example.com", 5), row(6, null, 5)])).toEqual([
      { line: 4, email: "a@example.com", reason: "The email is on line 2 too" },
      { line: 5, email: "c@example.com", reason: "The customer id is on line 2 too" },
      { line: 6, email: null, reason: "The customer id is on line 2 too" },
    ]);
  });
});
