import { AsyncLocalStorage } from "node:async_hooks";
import { systemClock, type Clock } from "../lib/clock.js";

/** Demo mode's clock: the system's time, except for work run through `at`, which sees the time it was given. */
export interface DemoClock extends Clock {
  at<T>(when: Date, work: () => Promise<T>): Promise<T>;
}

/**
 * The moment is held per call chain, not set for the whole process, so requests served meanwhile (the emulator
 * answering the app's own fetch, a browser that opened the dashboard early) keep today's time.
 */
export function createDemoClock(): DemoClock {
  const pinned = new AsyncLocalStorage<number>();
  return {
    now: () => {
      const at = pinned.getStore();
      return at === undefined ? systemClock.now() : new Date(at);
    },
    at: (when, work) => pinned.run(when.getTime(), work),
  };
}
