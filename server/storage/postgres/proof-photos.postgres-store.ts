import type pg from "pg";
import type { ProofPhoto, ProofPhotoStore } from "../../modules/program/proof-photo.js";
import type { OpenGuard } from "./open-guard.js";
import { checkStoreId, first, run } from "./sql-values.js";

/** Proof photos as rows of `proof_photos` (migration 010), outside the store transactions like the files of lowdb. */
export function createProofPhotoStore(pool: pg.Pool, guard: OpenGuard): ProofPhotoStore {
  const open = (storeId: number) => {
    guard.assertOpen();
    checkStoreId(storeId);
  };
  return {
    async put(storeId, completionId, photo) {
      open(storeId);
      await run(
        pool,
        "INSERT INTO proof_photos (store_id, id, type, data) VALUES ($1, $2, $3, $4) ON CONFLICT (store_id, id) DO UPDATE SET type = EXCLUDED.type, data = EXCLUDED.data",
        [storeId, completionId, photo.type, photo.data],
      );
    },
    async get(storeId, completionId) {
      open(storeId);
      const row = await first<{ type: ProofPhoto["type"]; data: Buffer }>(pool, "SELECT type, data FROM proof_photos WHERE store_id = $1 AND id = $2", [storeId, completionId]);
      return row ? { type: row.type, data: row.data } : null;
    },
    async remove(storeId, completionId) {
      open(storeId);
      await run(pool, "DELETE FROM proof_photos WHERE store_id = $1 AND id = $2", [storeId, completionId]);
    },
    async purge(storeId) {
      open(storeId);
      await run(pool, "DELETE FROM proof_photos WHERE store_id = $1", [storeId]);
    },
  };
}
