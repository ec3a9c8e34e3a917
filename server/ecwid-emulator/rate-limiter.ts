export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(key: string): RateDecision;
}

const WINDOW_MS = 60_000;

/** Per-key limit over a rolling minute (CONTRACT §4.4: 600 per token). Refused requests do not count. */
export function createRateLimiter(limitPerMinute: number | null, now: () => Date): RateLimiter {
  const hits = new Map<string, number[]>();
  return {
    take(key) {
      if (limitPerMinute === null) return { allowed: true };
      const at = now().getTime();
      const recent = (hits.get(key) ?? []).filter((t) => t > at - WINDOW_MS);
      if (recent.length >= limitPerMinute) {
        hits.set(key, recent);
        const oldest = recent[0] ?? at;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + WINDOW_MS - at) / 1000)) };
      }
      recent.push(at);
      hits.set(key, recent);
      return { allowed: true };
    },
  };
}
