import type { Container } from "../container.js";

const MINUTE_MS = 60 * 1000;

/**
 * Every minute: pending redemptions past their grace are settled by their coupon code, expired coupons are
 * retired (RedemptionSettlement). Apart from the hourly jobs, since a shopper waits on a pending coupon.
 * Each pass waits for the one before it, so passes in this process never overlap.
 */
export function startRedemptionJobs(container: Pick<Container, "redemptionSettlement" | "logger">, intervalMs = MINUTE_MS): { idle(): Promise<void>; stop(): Promise<void> } {
  const log = container.logger.child({ component: "redemption-jobs" });
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    running = container.redemptionSettlement
      .settleAll()
      .catch((err: unknown) => log.error({ err }, "settling redemptions failed"))
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
