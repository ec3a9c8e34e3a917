import { AppError } from "../lib/errors.js";
import type { Logger } from "../lib/logger.js";
import type { BirthdayBonusService } from "../modules/program/birthday-bonus.service.js";
import type { Storage } from "../storage/storage.port.js";

/** One run of the yearly birthday bonus over every store; a store not installed is skipped, one failing does not stop the others. */
export async function runBirthdayBonuses(deps: { storage: Pick<Storage, "storeIds">; birthdays: Pick<BirthdayBonusService, "payStore">; logger: Logger }): Promise<void> {
  for (const storeId of await deps.storage.storeIds()) {
    try {
      const paid = await deps.birthdays.payStore(storeId);
      if (paid.members > 0) deps.logger.info({ storeId, ...paid }, "birthday bonuses paid");
    } catch (err) {
      if (err instanceof AppError && (err.code === "store_not_installed" || err.code === "store_unavailable")) continue;
      deps.logger.error({ err, storeId }, "birthday bonuses failed for a store");
    }
  }
}
