import { AppError } from "../lib/errors.js";
import type { Logger } from "../lib/logger.js";
import type { PointsExpiryService, Warn } from "../modules/ledger/points-expiry.service.js";
import type { Storage } from "../storage/storage.port.js";

export interface PointsExpiryJobDeps {
  storage: Pick<Storage, "storeIds">;
  pointsExpiry: Pick<PointsExpiryService, "expireStore">;
  logger: Logger;
  /** Warns a member of points expiring soon (the emails); none: no warnings. */
  warn?: Warn;
}

/**
 * One run of points expiry over every store with members: each store's next members (a bounded number a
 * run, see PointsExpiryService) have their lapsed points booked as `expire` entries, and those whose points
 * lapse within the warning days are warned (once per member and lapse: `expiryWarnedFor`). A store not installed
 * is skipped; one store failing does not stop the others. Safe to run in several processes at once.
 */
export async function runPointsExpiry(deps: PointsExpiryJobDeps, now: Date): Promise<{ stores: number; entries: number; points: number }> {
  const totals = { stores: 0, entries: 0, points: 0 };
  for (const storeId of await deps.storage.storeIds()) {
    try {
      const run = await deps.pointsExpiry.expireStore(storeId, now, deps.warn);
      totals.stores += 1;
      totals.entries += run.entries;
      totals.points += run.points;
      if (run.entries > 0 || run.warned > 0) deps.logger.info({ storeId, ...run }, "points expired, members warned");
      if (run.warnFailed > 0) deps.logger.warn({ storeId, failed: run.warnFailed }, "some expiry warnings failed; the next run tries again");
    } catch (err) {
      if (err instanceof AppError && (err.code === "store_not_installed" || err.code === "store_unavailable")) continue;
      deps.logger.error({ err, storeId }, "points expiry failed for a store");
    }
  }
  return totals;
}
