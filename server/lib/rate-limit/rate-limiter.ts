import { AppError } from "../errors.js";

/** At most `points` hits per key in a window of `windowSeconds` that opens at the key's first hit. */
export interface RateLimitRule {
  /** Tells this rule's counters apart from every other rule's. */
  readonly name: string;
  readonly points: number;
  readonly windowSeconds: number;
  /** What a refused caller is told. */
  readonly refusal: string;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts hits per key. Over PostgreSQL every process sharing the database counts together. */
export interface RateLimiter {
  readonly rule: RateLimitRule;
  consume(key: string): Promise<RateLimitDecision>;
}

export type RateLimiters = (rule: RateLimitRule) => RateLimiter;

/**
 * Spends one hit of each limit in order and throws `rate_limited` (with the seconds to wait) at the first
 * that refuses, so a caller refused by a narrow limit spends nothing of the wider ones after it.
 */
export async function enforceLimits(checks: ReadonlyArray<readonly [RateLimiter, string]>): Promise<void> {
  for (const [limiter, key] of checks) {
    const decision = await limiter.consume(key);
    if (!decision.allowed) throw new AppError("rate_limited", limiter.rule.refusal, { retryAfterSeconds: decision.retryAfterSeconds });
  }
}
