import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonNestsDeeperThan } from "../../server/lib/json-depth.js";

/** Nesting depth of a parsed JSON value, the slow and obvious way. */
function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (value !== null && typeof value === "object") return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
}

describe("jsonNestsDeeperThan", () => {
  it("when given any JSON text, then it agrees with the depth of the parsed value", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 9 }), (value, limit) => {
        expect(jsonNestsDeeperThan(JSON.stringify(value), limit)).toBe(depthOf(value) > limit);
      }),
      { numRuns: 500 },
    );
  });

  it("when brackets, braces and escaped quotes sit inside strings, then they do not count", () => {
    expect(jsonNestsDeeperThan(JSON.stringify({ note: '[[[{{{\\"]]]}}} \\\\"[[[' }), 1)).toBe(false);
    expect(jsonNestsDeeperThan(JSON.stringify({ note: "x" }), 0)).toBe(true);
  });

  it("when the text nests far deeper than any stack allows, then it answers without parsing", () => {
    expect(jsonNestsDeeperThan(`${'{"a":'.repeat(1_000_000)}1`, 32)).toBe(true);
  });
});
