import type { ApiKey, ApiKeyRepository } from "../../modules/api-keys/api-key.js";
import { Table } from "./table.js";
import { type TransactionScope } from "../transaction-scope.js";
import type { UndoRecorder } from "./undo-log.js";

/** One store's API keys (at most a few dozen), by id, oldest first. */
export const apiKeyTable = (rows: ApiKey[]) => new Table(rows, { what: "API key", key: (key) => key.id });

export type ApiKeyTable = ReturnType<typeof apiKeyTable>;

export function createApiKeyRepository(scope: TransactionScope, keys: ApiKeyTable, undo: UndoRecorder): ApiKeyRepository {
  return {
    async insert(storeId, key) {
      scope.checkRecord(storeId, "an API key", key.storeId);
      keys.insert(key, undo);
    },
    async get(storeId, id) {
      scope.check(storeId);
      return keys.get(id);
    },
    async list(storeId) {
      scope.check(storeId);
      return keys.filter(() => true);
    },
    async remove(storeId, id) {
      scope.check(storeId);
      keys.retain((key) => key.id !== id, undo);
    },
    async removeAll(storeId) {
      scope.check(storeId);
      const ids = keys.filter(() => true).map((key) => key.id);
      keys.retain(() => false, undo);
      return ids;
    },
    async setLastUsed(storeId, id, at) {
      scope.check(storeId);
      const key = keys.get(id);
      if (key) keys.replace({ ...key, lastUsedAt: at }, undo);
    },
  };
}
