/** Work run now and every `intervalMs`; a run still under way when the next is due makes that one skip. A failed run is handed to `onError` and the next runs as usual. */
export interface Periodic {
  /** Resolves when the run under way, such as the one at start, has finished. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export function runPeriodically(intervalMs: number, work: () => Promise<unknown>, onError: (err: unknown) => void): Periodic {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    running = work()
      .catch(onError)
      .finally(() => {
        busy = false;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async idle() {
      await running;
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
