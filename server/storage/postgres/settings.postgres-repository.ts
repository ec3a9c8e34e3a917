import type { ProgramSettings, SettingsRepository } from "../../modules/settings/program-settings.js";
import { first, json, run, type Queryable } from "./sql-values.js";
import type { TransactionScope } from "../transaction-scope.js";

async function saveSettingsRow(db: Queryable, storeId: number, settings: ProgramSettings): Promise<void> {
  await run(db, "INSERT INTO program_settings (store_id, settings) VALUES ($1, $2) ON CONFLICT (store_id) DO UPDATE SET settings = EXCLUDED.settings", [storeId, json(settings)]);
}

/** The store's program settings: one jsonb document per store, null until the merchant saves them. */
export function createSettingsRepository(db: Queryable, scope: TransactionScope): SettingsRepository {
  return {
    async get(storeId) {
      scope.check(storeId);
      return (await first<{ settings: ProgramSettings }>(db, "SELECT settings FROM program_settings WHERE store_id = $1", [storeId]))?.settings ?? null;
    },
    async save(storeId, settings) {
      scope.check(storeId);
      await saveSettingsRow(db, storeId, settings);
    },
  };
}
