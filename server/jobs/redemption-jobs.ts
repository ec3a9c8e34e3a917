import type { Container } from "../container.js";
import { runPeriodically, type Periodic } from "../lib/periodic.js";

const MINUTE_MS = 60 * 1000;

/**
 * Every minute: pending redemptions past their grace are settled by their coupon code, expired coupons are
 * retired (RedemptionSettlement). Apart from the hourly jobs, since a shopper waits on a pending coupon.
 * Each pass waits for the one before it, so passes in this process never overlap.
 */
export function startRedemptionJobs(container: Pick<Container, "redemptionSettlement" | "logger">, intervalMs = MINUTE_MS): Periodic {
  const log = container.logger.child({ component: "redemption-jobs" });
  return runPeriodically(
    intervalMs,
    () => container.redemptionSettlement.settleAll(),
    (err) => log.error({ err }, "settling redemptions failed"),
  );
}
