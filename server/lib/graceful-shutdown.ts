import type { Logger } from "./logger.js";

/** Work a shutdown waits for, by name, so the deadline can say what did not finish. */
export class ShutdownTasks {
  readonly #pending = new Set<string>();

  async run<T>(name: string, work: () => Promise<T>): Promise<T> {
    this.#pending.add(name);
    try {
      return await work();
    } finally {
      this.#pending.delete(name);
    }
  }

  pending(): string[] {
    return [...this.#pending];
  }
}

export interface ShutdownOptions {
  logger: Logger;
  /** Runs once, on the first signal. */
  sequence: (tasks: ShutdownTasks) => Promise<void>;
  /** Whatever happens, the process exits by then: with 1 and the tasks still open named in the log. */
  deadlineMs: number;
  exit: (code: number) => void;
}

/** Returns the signal handler: exits 0 once the sequence has finished, 1 if it failed or missed the deadline. */
export function createShutdown(options: ShutdownOptions): (signal: string) => void {
  const { logger, deadlineMs, exit } = options;
  let started = false;
  return (signal) => {
    if (started) return logger.warn({ signal }, "already shutting down");
    started = true;
    logger.info({ signal }, "shutting down");
    const tasks = new ShutdownTasks();
    const deadline = setTimeout(() => {
      logger.error({ unfinished: tasks.pending() }, `shutdown did not finish within ${deadlineMs} ms; exiting anyway`);
      exit(1);
    }, deadlineMs);
    options.sequence(tasks).then(
      () => {
        clearTimeout(deadline);
        logger.info("shut down cleanly");
        exit(0);
      },
      (err: unknown) => {
        clearTimeout(deadline);
        logger.error({ err, unfinished: tasks.pending() }, "shutdown failed");
        exit(1);
      },
    );
  };
}
