import type { SendOutcome } from "./webhook-transport.js";

export const DAY_MS = 24 * 60 * 60 * 1000;
const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 60 * 60 * 1000;

export type DeliveryVerdict = { kind: "succeeded" } | { kind: "retry"; at: Date } | { kind: "failed"; reason: string };

/**
 * What an attempt's outcome makes of its delivery. 2xx: delivered. No answer (refused address, network error,
 * timeout), 408, 429 or 5xx: tried again after 30 s, 1 min, 2 min ... at most an hour apart, jittered ±20%, or
 * after the answer's Retry-After (between 1 s and an hour). Any other answer (3xx: redirects are not followed;
 * other 4xx: the receiver refused this event) is not tried again. A delivery a day old is not tried again either.
 */
export function deliveryVerdict(
  outcome: Pick<SendOutcome, "status" | "retryAfterMs">,
  attempts: number,
  createdAt: string,
  now: Date,
  random: () => number = Math.random,
): DeliveryVerdict {
  const { status } = outcome;
  if (status !== null && status >= 200 && status < 300) return { kind: "succeeded" };
  if (status !== null && status !== 408 && status !== 429 && status < 500) return { kind: "failed", reason: `the endpoint answered ${status}, which is not retried` };
  const wait =
    outcome.retryAfterMs !== null
      ? Math.min(LONGEST_WAIT_MS, Math.max(1000, outcome.retryAfterMs))
      : Math.round(Math.min(LONGEST_WAIT_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1)) * (0.8 + 0.4 * random()));
  const at = new Date(now.getTime() + wait);
  if (at.getTime() - new Date(createdAt).getTime() > DAY_MS) return { kind: "failed", reason: "still failing a day after the event" };
  return { kind: "retry", at };
}

/** Whether an endpoint failing since `failingSince` (first failure since its last success) has failed for a day. */
export const failedForADay = (failingSince: string, now: Date): boolean => now.getTime() - new Date(failingSince).getTime() >= DAY_MS;
