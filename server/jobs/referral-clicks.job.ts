import type { Container } from "../container.js";
import { runPeriodically, type Periodic } from "../lib/periodic.js";

const FLUSH_MS = 5_000;

/** Every few seconds, the landing's counted visits are written (ReferralClickCounter); stopping writes what is left. */
export function startReferralClickFlush(container: Pick<Container, "referralClicks" | "logger">, intervalMs = FLUSH_MS): Periodic {
  const log = container.logger.child({ component: "referral-clicks" });
  const flush = () => container.referralClicks.flush();
  const periodic = runPeriodically(intervalMs, flush, (err) => log.error({ err }, "writing referral clicks failed"));
  return {
    idle: () => periodic.idle(),
    async stop() {
      await periodic.stop();
      await flush();
    },
  };
}
