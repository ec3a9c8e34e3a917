import type { ApiKey, ApiKeyRepository } from "../../modules/api-keys/api-key.js";
import { column, PgTable, timestamp, timestampOrNull } from "./pg-table.js";
import { run, type Queryable } from "./sql-values.js";
import type { TransactionScope } from "../transaction-scope.js";

export const apiKeysTable = new PgTable<ApiKey>({
  table: "api_keys",
  key: "id",
  fields: {
    storeId: column("store_id"),
    id: column("id"),
    name: column("name"),
    scope: column("scope"),
    hash: column("hash"),
    lastFour: column("last_four"),
    createdAt: timestamp("created_at"),
    createdBy: column("created_by"),
    lastUsedAt: timestampOrNull("last_used_at"),
  },
});

/** One store's API keys, oldest first; a revoked key's row is deleted. */
export function createApiKeyRepository(db: Queryable, scope: TransactionScope): ApiKeyRepository {
  return {
    async insert(storeId, key) {
      scope.checkRecord(storeId, "an API key", key.storeId);
      await apiKeysTable.insert(db, key, "nothing");
    },
    async get(storeId, id) {
      scope.check(storeId);
      return apiKeysTable.get(db, storeId, id);
    },
    async list(storeId) {
      scope.check(storeId);
      return apiKeysTable.findMany(db, "true", [storeId]);
    },
    async remove(storeId, id) {
      scope.check(storeId);
      await run(db, "DELETE FROM api_keys WHERE store_id = $1 AND id = $2", [storeId, id]);
    },
    async removeAll(storeId) {
      scope.check(storeId);
      return (await run(db, "DELETE FROM api_keys WHERE store_id = $1 RETURNING id", [storeId])).map((row) => String(row.id));
    },
    async setLastUsed(storeId, id, at) {
      scope.check(storeId);
      await run(db, "UPDATE api_keys SET last_used_at = $3 WHERE store_id = $1 AND id = $2", [storeId, id, at]);
    },
  };
}
