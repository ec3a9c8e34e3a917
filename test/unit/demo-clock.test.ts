import { afterEach, describe, expect, it, vi } from "vitest";
import { createDemoClock } from "../../server/demo/demo-clock.js";

const TODAY = new Date("2026-12-02T12:00:00.000Z");
const PLACED = new Date("2026-10-22T09:30:00.000Z");

describe("demo mode's clock", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("when work runs at a past moment, then that work sees it across awaits and timers, while other work meanwhile and afterwards sees the system's time", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(TODAY);
    const clock = createDemoClock();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));

    const booking = clock.at(PLACED, async () => {
      const first = clock.now();
      await gate;
      await new Promise((resolve) => setTimeout(resolve, 1));
      return [first, clock.now()];
    });
    const meanwhile = await Promise.resolve().then(() => clock.now());
    release();

    expect(await booking).toEqual([PLACED, PLACED]);
    expect(meanwhile).toEqual(TODAY);
    expect(clock.now()).toEqual(TODAY);
  });
});
