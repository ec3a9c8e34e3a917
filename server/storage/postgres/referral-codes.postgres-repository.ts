import type { ReferralCodeIndex } from "../../modules/referrals/referral-code-index.js";
import type { OpenGuard } from "./open-guard.js";
import { checkStoreId, first, run, type Queryable } from "./sql-values.js";

/**
 * Every store's referral codes, outside store transactions: each call is one statement. A claim inserts the code,
 * or finds it already held by the same member (a retry); the primary key decides between processes.
 */
export function createReferralCodeIndex(pool: Queryable, guard: OpenGuard): ReferralCodeIndex {
  return {
    async claim(code, storeId, memberId) {
      guard.assertOpen();
      checkStoreId(storeId);
      const held = await run(
        pool,
        `INSERT INTO referral_codes (code, store_id, member_id) VALUES ($1, $2, $3)
         ON CONFLICT (code) DO UPDATE SET code = EXCLUDED.code WHERE referral_codes.store_id = EXCLUDED.store_id AND referral_codes.member_id = EXCLUDED.member_id
         RETURNING code`,
        [code.toUpperCase(), storeId, memberId],
      );
      return held.length === 1;
    },
    async find(code) {
      guard.assertOpen();
      const row = await first<{ store_id: number; member_id: string }>(pool, "SELECT store_id, member_id FROM referral_codes WHERE code = $1", [code.toUpperCase()]);
      return row ? { storeId: Number(row.store_id), memberId: row.member_id } : null;
    },
    async purge(storeId) {
      guard.assertOpen();
      await run(pool, "DELETE FROM referral_codes WHERE store_id = $1", [storeId]);
    },
  };
}
