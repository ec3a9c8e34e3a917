import { createHash } from "node:crypto";
import type pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { RateLimiter, RateLimitRule, RateLimiters } from "./rate-limiter.js";

/** Created by migration 002; every rule shares it, its rows told apart by the rule's name as key prefix. */
const POSTGRES_TABLE = "rate_limits";

// Keys carry emails and client addresses: only a digest is kept, of one length whatever a caller sends.
const digest = (key: string) => createHash("sha256").update(key).digest("base64url");

function adapt(rule: RateLimitRule, limiter: RateLimiterAbstract): RateLimiter {
  return {
    rule,
    async consume(key) {
      try {
        await limiter.consume(digest(key));
        return { allowed: true };
      } catch (refused) {
        if (!(refused instanceof RateLimiterRes)) throw refused;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refused.msBeforeNext / 1000)) };
      }
    },
  };
}

/** For lowdb (one process): counters in memory, each key dropped when its window ends. */
export function memoryRateLimiters(): RateLimiters {
  return (rule) => adapt(rule, new RateLimiterMemory({ keyPrefix: rule.name, points: rule.points, duration: rule.windowSeconds }));
}

/** For PostgreSQL: one row per key, shared by every process; rows an hour past their window are deleted every few minutes. */
export function postgresRateLimiters(pool: pg.Pool): RateLimiters {
  return (rule) =>
    adapt(
      rule,
      new RateLimiterPostgres({
        storeClient: pool,
        storeType: "pool",
        tableName: POSTGRES_TABLE,
        tableCreated: true,
        keyPrefix: rule.name,
        points: rule.points,
        duration: rule.windowSeconds,
      }),
    );
}
