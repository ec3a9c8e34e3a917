import { afterEach, describe, expect, it, vi } from "vitest";
import { runPeriodically } from "../../server/lib/periodic.js";

describe("work run periodically", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("when a run is still under way as the next falls due, then that one is skipped, and the next after it runs", async () => {
    vi.useFakeTimers();
    let finish: () => void = () => {};
    let runs = 0;
    const jobs = runPeriodically(
      1000,
      () => {
        runs++;
        return new Promise<void>((resolve) => (finish = resolve));
      },
      () => {},
    );
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(1);
    finish();
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(2);
    finish();
    await jobs.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(2);
  });

  it("when a run fails, then its error is handed on and the next still runs", async () => {
    vi.useFakeTimers();
    let runs = 0;
    const errors: unknown[] = [];
    const jobs = runPeriodically(
      1000,
      async () => {
        runs++;
        throw new Error(`down ${runs}`);
      },
      (err) => errors.push((err as Error).message),
    );
    await jobs.idle();
    await vi.advanceTimersByTimeAsync(1000);
    await jobs.stop();
    expect(runs).toBe(2);
    expect(errors).toEqual(["down 1", "down 2"]);
  });
});
