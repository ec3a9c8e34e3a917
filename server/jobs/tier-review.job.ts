import { AppError } from "../lib/errors.js";
import type { Logger } from "../lib/logger.js";
import type { TierReviewService } from "../modules/tiers/tier-review.service.js";
import type { Storage } from "../storage/storage.port.js";

/** One run of the scheduled tier reviews over every store; a store not installed is skipped, one failing does not stop the others. */
export async function runTierReviews(deps: { storage: Pick<Storage, "storeIds">; tierReviews: Pick<TierReviewService, "reviewStore">; logger: Logger }): Promise<void> {
  for (const storeId of await deps.storage.storeIds()) {
    try {
      const done = await deps.tierReviews.reviewStore(storeId);
      if (done.reviewed > 0) deps.logger.info({ storeId, ...done }, "tiers reviewed");
    } catch (err) {
      if (err instanceof AppError && (err.code === "store_not_installed" || err.code === "store_unavailable")) continue;
      deps.logger.error({ err, storeId }, "tier reviews failed for a store");
    }
  }
}
