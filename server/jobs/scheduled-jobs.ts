import type { Container } from "../container.js";
import { runPeriodically, type Periodic } from "../lib/periodic.js";
import { MAX_EVENT_AGE_SECONDS } from "../modules/inbox/webhook-intake.service.js";
import { runBirthdayBonuses } from "./birthday-bonus.job.js";
import { runPointsExpiry } from "./points-expiry.job.js";
import { pruneWebhookDeliveries } from "../modules/webhooks/webhook-retention.js";
import { runTierReviews } from "./tier-review.job.js";

const HOUR_MS = 60 * 60 * 1000;

/**
 * Receipts outlive the 48-hour acceptance window by an hour, then go. Done inbox events go with them: while
 * a receipt says an event was seen, its event is still there for a retried delivery to find, and after
 * that no delivery of it is accepted. Failed events stay until the merchant retries them.
 */
const RECEIPT_KEEP_MS = (MAX_EVENT_AGE_SECONDS + 3600) * 1000;

/** Periodic work: the purge of stores whose uninstall grace period has ended, and of old webhook receipts and done inbox events; points expiry and its warnings; birthday bonuses; scheduled tier reviews; outgoing webhook deliveries past their retention. */
export function startScheduledJobs(container: Container, intervalMs = HOUR_MS): Periodic {
  const log = container.logger.child({ component: "jobs" });
  return runPeriodically(
    intervalMs,
    () => {
      const cutoff = new Date(container.clock.now().getTime() - RECEIPT_KEEP_MS);
      return Promise.all([
        container.installs.purgeExpired().catch((err: unknown) => log.error({ err }, "purge of uninstalled stores failed")),
        container.storage.receipts.forgetBefore(cutoff).catch((err: unknown) => log.error({ err }, "pruning webhook receipts failed")),
        container.storage.inbox.pruneDone(cutoff).then(
          (pruned) => log.info({ pruned }, "done inbox events pruned"),
          (err: unknown) => log.error({ err }, "pruning done inbox events failed"),
        ),
        runPointsExpiry(
          {
            storage: container.storage,
            pointsExpiry: container.pointsExpiry,
            logger: log,
            warn: (storeId, memberId, warning) => container.emails.expiringSoon(storeId, memberId, warning),
          },
          container.clock.now(),
        ).catch((err: unknown) => log.error({ err }, "points expiry failed")),
        runBirthdayBonuses({ storage: container.storage, birthdays: container.birthdays, logger: log }).catch((err: unknown) => log.error({ err }, "birthday bonuses failed")),
        runTierReviews({ storage: container.storage, tierReviews: container.tierReviews, logger: log }).catch((err: unknown) => log.error({ err }, "tier reviews failed")),
        pruneWebhookDeliveries(container.storage, container.clock.now()).catch((err: unknown) => log.error({ err }, "pruning webhook deliveries failed")),
      ]);
    },
    (err) => log.error({ err }, "scheduled jobs failed"),
  );
}

const MINUTE_MS = 60 * 1000;

/**
 * Every minute: friends' orders carrying a code are checked with Ecwid and judged, held rewards whose time has
 * come are paid (ReferralJob), and ambassadors' codes are kept Ecwid coupons with the friend's offer
 * (ReferralCouponService). Each pass waits for the one before it, so passes in this process never overlap.
 */
export function startReferralJobs(container: Pick<Container, "referralJob" | "referralCoupons" | "logger">, intervalMs = MINUTE_MS): Periodic {
  const log = container.logger.child({ component: "referral-jobs" });
  return runPeriodically(
    intervalMs,
    () => Promise.all([container.referralJob.runAll(), container.referralCoupons.syncAll().catch((err: unknown) => log.error({ err }, "referral coupons failed"))]),
    (err) => log.error({ err }, "referral checks failed"),
  );
}
