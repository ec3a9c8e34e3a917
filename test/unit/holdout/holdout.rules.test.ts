import { describe, expect, it } from "vitest";
import { drawHoldout, inHoldout } from "../../../server/modules/holdout/holdout.rules.js";

const SETTINGS = { percent: 10, from: "2026-03-01", until: "2026-05-29" };
const AT = new Date("2026-04-01T12:00:00Z");

describe("the holdout draw", () => {
  it("when a member joins inside the span, then the same member always draws the same, and about the chosen share is held out", () => {
    const draws = Array.from({ length: 4000 }, (_, i) => drawHoldout(SETTINGS, 7, `mem_${i}`, AT)!);
    const held = draws.filter((draw) => draw.held).length;

    expect(drawHoldout(SETTINGS, 7, "mem_42", AT)).toEqual(draws[42]);
    expect(held / draws.length).toBeGreaterThan(0.08);
    expect(held / draws.length).toBeLessThan(0.12);
    expect(draws[0]).toMatchObject({ until: "2026-05-30T00:00:00.000Z", drawnAt: AT.toISOString() });
  });

  it("when a member joins before the start, at the end of the last day or with the holdout off, then nothing is drawn", () => {
    expect(drawHoldout(SETTINGS, 7, "mem_1", new Date("2026-02-28T23:59:59Z"))).toBeNull();
    expect(drawHoldout(SETTINGS, 7, "mem_1", new Date("2026-05-30T00:00:00Z"))).toBeNull();
    expect(drawHoldout({ ...SETTINGS, percent: 0 }, 7, "mem_1", AT)).toBeNull();
    expect(drawHoldout(SETTINGS, 7, "mem_1", new Date("2026-03-01T00:00:00Z"))).not.toBeNull();
  });

  it("when a held member's holdout ends, then they are in the program from that instant; a member drawn into the program never was out", () => {
    const holdout = { held: true, until: "2026-05-30T00:00:00.000Z", drawnAt: AT.toISOString() };

    expect(inHoldout(holdout, new Date("2026-05-29T23:59:59Z"))).toBe(true);
    expect(inHoldout(holdout, new Date("2026-05-30T00:00:00Z"))).toBe(false);
    expect(inHoldout({ ...holdout, held: false }, AT)).toBe(false);
    expect(inHoldout(null, AT)).toBe(false);
  });
});
