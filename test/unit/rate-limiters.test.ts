import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { memoryRateLimiters } from "../../server/lib/rate-limit/flexible-rate-limiters.js";
import { enforceLimits } from "../../server/lib/rate-limit/rate-limiter.js";
import { AppError } from "../../server/lib/errors.js";

const rule = (name: string, points: number) => ({ name, points, windowSeconds: 60, refusal: `refused by ${name}` });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("rate limiters in memory", () => {
  it("when a key has used its points, then it is refused with the seconds left, while other keys and rules go on", async () => {
    const limiters = memoryRateLimiters();
    const narrow = limiters(rule("narrow", 2));
    const otherRule = limiters(rule("other", 2));
    expect(await narrow.consume("a")).toEqual({ allowed: true });
    vi.advanceTimersByTime(20_000);
    expect(await narrow.consume("a")).toEqual({ allowed: true });
    expect(await narrow.consume("a")).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect(await narrow.consume("b")).toEqual({ allowed: true });
    expect(await otherRule.consume("a")).toEqual({ allowed: true });
  });

  it("when the window has passed, then the key starts afresh", async () => {
    const limiter = memoryRateLimiters()(rule("window", 1));
    expect(await limiter.consume("a")).toEqual({ allowed: true });
    expect((await limiter.consume("a")).allowed).toBe(false);
    vi.advanceTimersByTime(60_000);
    expect(await limiter.consume("a")).toEqual({ allowed: true });
  });

  it("when several limits apply, then the first refusal is thrown with its words and wait, and later limits are not spent", async () => {
    const limiters = memoryRateLimiters();
    const perCaller = limiters(rule("caller", 1));
    const shared = limiters(rule("shared", 2));
    await enforceLimits([
      [perCaller, "x"],
      [shared, "all"],
    ]);
    const refused = enforceLimits([
      [perCaller, "x"],
      [shared, "all"],
    ]);
    await expect(refused).rejects.toMatchObject({ code: "rate_limited", message: "refused by caller", details: { retryAfterSeconds: 60 } });
    await expect(refused).rejects.toBeInstanceOf(AppError);
    // "shared" has one point left only if the refused call did not spend it
    await enforceLimits([
      [perCaller, "y"],
      [shared, "all"],
    ]);
  });
});
