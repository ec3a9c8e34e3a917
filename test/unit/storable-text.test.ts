import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { holdsUnstorableText, parsedJsonHoldsUnstorableText } from "../../server/lib/storable-text.js";

/** encodeURIComponent refuses exactly the strings with a lone surrogate. */
function wellFormed(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

describe("holdsUnstorableText", () => {
  it("when a key or a string anywhere holds NUL or a lone surrogate, then it says so", () => {
    for (const text of ["\u0000", "a\u0000b", "\ud800", "x\udfff", "\udfff\ud800", "\ud83d"]) {
      expect(holdsUnstorableText({ data: { orderId: text } })).toBe(true);
      expect(holdsUnstorableText({ data: [1, [{ [text]: 1 }]] })).toBe(true);
    }
  });

  it("when given any string, then it is refused exactly when it holds NUL or a lone surrogate, emoji and other scripts passing", () => {
    expect(holdsUnstorableText({ orderId: "K8XTQ", note: "😀 Ærø 日本 \uffff \u2028", list: [null, 1, true] })).toBe(false);
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 8 }), (text) => {
        const expected = text.includes("\u0000") || !wellFormed(text);
        expect(holdsUnstorableText({ data: [text] })).toBe(expected);
        expect(holdsUnstorableText({ [text]: 1 })).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("when a value nests far deeper than the call stack, then it still answers", () => {
    expect(holdsUnstorableText(JSON.parse(`${"[".repeat(100_000)}"\\u0000"${"]".repeat(100_000)}`))).toBe(true);
  });
});

describe("parsedJsonHoldsUnstorableText", () => {
  it("when JSON text decoded from any bytes parses, then it answers as the walk of the parsed value does", () => {
    const decodedJson = fc.oneof(
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.uint8Array({ maxLength: 12 }).map((bytes) => JSON.stringify({ note: Buffer.from(bytes).toString("utf8") })),
      fc.string({ unit: "binary", maxLength: 6 }).map((text) => JSON.stringify({ [text]: [text] })),
    );
    fc.assert(
      fc.property(decodedJson, (text) => {
        const value: unknown = JSON.parse(text);
        expect(parsedJsonHoldsUnstorableText(text, value)).toBe(holdsUnstorableText(value));
      }),
      { numRuns: 1000 },
    );
  });

  it("when the text escapes NUL or a lone surrogate, then it says so; bytes of a UTF-8-encoded surrogate decode to U+FFFD and pass", () => {
    expect(parsedJsonHoldsUnstorableText('{"a":"\\u0000"}', { a: "\u0000" })).toBe(true);
    expect(parsedJsonHoldsUnstorableText('{"\\ud800":1}', { "\ud800": 1 })).toBe(true);
    const encodedSurrogate = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]).toString("utf8");
    expect(parsedJsonHoldsUnstorableText(encodedSurrogate, JSON.parse(encodedSurrogate))).toBe(false);
  });
});
