/** What to do after a failed attempt: wait and retry, or give up. Pure, so tests need no network. */
export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 300, maxDelayMs: 30_000 };

/**
 * 429 waits what Retry-After says; 5xx, 408 and network failures back off exponentially with full jitter;
 * every other 4xx is final, since repeating it cannot succeed.
 */
export function decideRetry(
  policy: RetryPolicy,
  attempt: number,
  failure: { status: number | null; retryAfterSeconds: number | null },
  random: () => number = Math.random,
): RetryDecision {
  if (attempt >= policy.maxAttempts) return { retry: false };
  const { status } = failure;
  if (status === 429) {
    const waitMs = (failure.retryAfterSeconds ?? 1) * 1000;
    return { retry: true, delayMs: Math.min(waitMs, policy.maxDelayMs) };
  }
  const transient = status === null || status === 408 || status >= 500;
  if (!transient) return { retry: false };
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return { retry: true, delayMs: Math.round(random() * ceiling) };
}

export function parseRetryAfter(header: unknown): number | null {
  if (typeof header !== "string" || header.trim() === "") return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
