import { notFound } from "../../lib/errors.js";
import type { SignInCode, SignInCodeRepository } from "../../modules/shoppers/sign-in-code.js";
import { column, PgTable, timestamp, timestampOrNull } from "./pg-table.js";
import { run, type Queryable } from "./sql-values.js";
import type { TransactionScope } from "../transaction-scope.js";

export const signInCodesTable = new PgTable<SignInCode>({
  table: "sign_in_codes",
  key: "id",
  fields: {
    storeId: column("store_id"),
    id: column("id"),
    email: column("email"),
    codeHash: column("code_hash"),
    expiresAt: timestamp("expires_at"),
    attempts: column("attempts"),
    consumedAt: timestampOrNull("consumed_at"),
    createdAt: timestamp("created_at"),
  },
});

/** Sign-in codes in issue order. Codes issued more than a day before a new one are dropped on insert, as lowdb does. */
export function createSignInCodeRepository(db: Queryable, scope: TransactionScope): SignInCodeRepository {
  return {
    async insert(storeId, code) {
      scope.checkRecord(storeId, "a sign-in code", code.storeId);
      await run(db, "DELETE FROM sign_in_codes WHERE store_id = $1 AND created_at < $2::timestamptz - interval '1 day'", [storeId, code.createdAt]);
      await signInCodesTable.insert(db, code, "nothing");
    },
    async latestActive(storeId, email, now) {
      scope.check(storeId);
      return signInCodesTable.findOne(db, "email = $2 AND consumed_at IS NULL AND expires_at > $3 ORDER BY seq DESC LIMIT 1", [storeId, email, now.toISOString()]);
    },
    async update(storeId, code) {
      scope.checkRecord(storeId, "a sign-in code", code.storeId);
      if (!(await signInCodesTable.update(db, code, ["attempts", "consumedAt"]))) throw notFound(`sign-in code ${code.id} not found`);
    },
  };
}
