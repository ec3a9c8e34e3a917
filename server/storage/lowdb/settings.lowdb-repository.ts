import type { ProgramSettings, SettingsRepository } from "../../modules/settings/program-settings.js";
import { type TransactionScope } from "../transaction-scope.js";
import { copy } from "./copy.js";
import type { UndoRecorder } from "./undo-log.js";

/** The store's program settings: one slot in the store document, null until the merchant saves them. */
export function createSettingsRepository(scope: TransactionScope, document: { settings: ProgramSettings | null }, undo: UndoRecorder): SettingsRepository {
  return {
    async get(storeId) {
      scope.check(storeId);
      return document.settings ? copy(document.settings) : null;
    },
    async save(storeId, settings) {
      scope.check(storeId);
      const previous = document.settings;
      document.settings = copy(settings);
      undo.record(() => {
        document.settings = previous;
      });
    },
  };
}
