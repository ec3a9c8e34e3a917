import { describe, expect, it } from "vitest";
import { TokenBucket } from "../../server/lib/token-bucket.js";

function fakeTime() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
  };
}

describe("token bucket", () => {
  it("when the burst is used up, then further calls wait for the refill instead of failing", async () => {
    const time = fakeTime();
    const bucket = new TokenBucket(3, 3000, time.now, time.sleep);
    for (let i = 0; i < 3; i++) await bucket.take();
    expect(time.sleeps).toEqual([]);
    await bucket.take();
    expect(time.now()).toBe(1000);
  });

  it("when paused for a Retry-After, then the next call waits at least that long", async () => {
    const time = fakeTime();
    const bucket = new TokenBucket(600, 60_000, time.now, time.sleep);
    bucket.pauseFor(5000);
    await bucket.take();
    expect(time.now()).toBeGreaterThanOrEqual(5000);
  });

  it("when many callers take at once, then they are served in order without exceeding the rate", async () => {
    const time = fakeTime();
    const bucket = new TokenBucket(2, 1000, time.now, time.sleep);
    const served: number[] = [];
    await Promise.all([0, 1, 2, 3, 4].map((i) => bucket.take().then(() => served.push(i))));
    expect(served).toEqual([0, 1, 2, 3, 4]);
    expect(time.now()).toBe(1500);
  });
});
