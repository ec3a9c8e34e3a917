import { notFound } from "../../lib/errors.js";
import type { SignInCode, SignInCodeRepository } from "../../modules/shoppers/sign-in-code.js";
import { first, iso, isoOrNull, run, type Queryable } from "./sql-values.js";
import type { TransactionScope } from "../transaction-scope.js";

interface CodeRow {
  store_id: number;
  id: string;
  email: string;
  code_hash: string;
  expires_at: Date;
  attempts: number;
  consumed_at: Date | null;
  created_at: Date;
}

const COLUMNS = "store_id, id, email, code_hash, expires_at, attempts, consumed_at, created_at";

const toCode = (row: CodeRow): SignInCode => ({
  id: row.id,
  storeId: row.store_id,
  email: row.email,
  codeHash: row.code_hash,
  expiresAt: iso(row.expires_at),
  attempts: row.attempts,
  consumedAt: isoOrNull(row.consumed_at),
  createdAt: iso(row.created_at),
});

async function insertCodeRow(db: Queryable, code: SignInCode): Promise<void> {
  await run(db, `INSERT INTO sign_in_codes (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (store_id, id) DO NOTHING`, [
    code.storeId,
    code.id,
    code.email,
    code.codeHash,
    code.expiresAt,
    code.attempts,
    code.consumedAt,
    code.createdAt,
  ]);
}

/** Sign-in codes in issue order. Codes issued more than a day before a new one are dropped on insert, as lowdb does. */
export function createSignInCodeRepository(db: Queryable, scope: TransactionScope): SignInCodeRepository {
  return {
    async insert(storeId, code) {
      scope.checkRecord(storeId, "a sign-in code", code.storeId);
      await run(db, "DELETE FROM sign_in_codes WHERE store_id = $1 AND created_at < $2::timestamptz - interval '1 day'", [storeId, code.createdAt]);
      await insertCodeRow(db, code);
    },
    async latestActive(storeId, email, now) {
      scope.check(storeId);
      const row = await first<CodeRow>(
        db,
        `SELECT ${COLUMNS} FROM sign_in_codes WHERE store_id = $1 AND email = $2 AND consumed_at IS NULL AND expires_at > $3 ORDER BY seq DESC LIMIT 1`,
        [storeId, email, now.toISOString()],
      );
      return row ? toCode(row) : null;
    },
    async update(storeId, code) {
      scope.checkRecord(storeId, "a sign-in code", code.storeId);
      const updated = await run(db, "UPDATE sign_in_codes SET attempts = $3, consumed_at = $4 WHERE store_id = $1 AND id = $2 RETURNING id", [
        storeId,
        code.id,
        code.attempts,
        code.consumedAt,
      ]);
      if (updated.length === 0) throw notFound(`sign-in code ${code.id} not found`);
    },
  };
}
