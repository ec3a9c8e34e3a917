/** Small helpers the benchmarks share: percentiles and a fixed-concurrency request driver. */
export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)]!;
}

export interface LoadResult {
  count: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

/** Runs `total` requests with `concurrency` senders; `send(i)` returns whether the answer was a success. */
export async function drive(total: number, concurrency: number, send: (index: number) => Promise<boolean>): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < total) {
      const index = next++;
      const at = performance.now();
      const ok = await send(index).catch(() => false);
      latencies.push(performance.now() - at);
      if (!ok) failures++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { count: total, seconds, perSecond: total / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), failures };
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(9);
