import { describe, expect, it } from "vitest";
import { decideRetry, defaultRetryPolicy, parseRetryAfter } from "../../server/ecwid/retry-policy.js";

const policy = defaultRetryPolicy;

describe("Ecwid retry policy", () => {
  it("when Ecwid answers 429 with Retry-After, then the wait is what it asked for", () => {
    expect(decideRetry(policy, 1, { status: 429, retryAfterSeconds: 7 })).toEqual({ retry: true, delayMs: 7000 });
  });

  it("when a 5xx or a network failure happens, then the delay is jittered under an exponential ceiling", () => {
    expect(decideRetry(policy, 3, { status: 503, retryAfterSeconds: null }, () => 1)).toEqual({ retry: true, delayMs: 1200 });
    expect(decideRetry(policy, 3, { status: null, retryAfterSeconds: null }, () => 0.5)).toEqual({ retry: true, delayMs: 600 });
  });

  it("when the answer is a 4xx other than 408 and 429, then it is never retried", () => {
    for (const status of [400, 401, 403, 404, 409, 422]) {
      expect(decideRetry(policy, 1, { status, retryAfterSeconds: null })).toEqual({ retry: false });
    }
  });

  it("when the attempts are used up, then it gives up even on a transient failure", () => {
    expect(decideRetry(policy, policy.maxAttempts, { status: 503, retryAfterSeconds: null })).toEqual({ retry: false });
  });

  it("when Retry-After is seconds, a date or garbage, then it parses what it can", () => {
    expect(parseRetryAfter("12")).toBe(12);
    expect(parseRetryAfter("soon")).toBeNull();
    expect(parseRetryAfter(undefined)).toBeNull();
    expect(parseRetryAfter(new Date(Date.now() + 5000).toUTCString())).toBeGreaterThanOrEqual(4);
  });
});
