/** Backoff for a failed event: 2s, 4s, 8s ... capped at 30 min, jittered ±20%; null once attempts are used up. */
export function retryDelayMs(attempts: number, maxAttempts: number, random: () => number = Math.random): number | null {
  if (attempts >= maxAttempts) return null;
  const base = Math.min(30 * 60_000, 1000 * 2 ** Math.max(1, attempts));
  return Math.round(base * (0.8 + 0.4 * random()));
}
