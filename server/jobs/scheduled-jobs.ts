import type { Container } from "../container.js";

const HOUR_MS = 60 * 60 * 1000;

/** Periodic work: the purge of stores whose uninstall grace period has ended. */
export function startScheduledJobs(container: Container, intervalMs = HOUR_MS): { stop(): Promise<void> } {
  const log = container.logger.child({ component: "jobs" });
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = container.installs.purgeExpired().catch((err: unknown) => log.error({ err }, "purge failed"));
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
