import { notFound } from "../../lib/errors.js";
import type { SignInCode, SignInCodeRepository } from "../../modules/shoppers/sign-in-code.js";
import { Table } from "./table.js";
import { type TransactionScope } from "../transaction-scope.js";
import type { UndoRecorder } from "./undo-log.js";

const DAY_MS = 24 * 60 * 60 * 1000;

export const signInCodeTable = (rows: SignInCode[]) => new Table(rows, { what: "sign-in code", key: (code) => code.id });

/** Sign-in codes in issue order. Codes older than a day are dropped on insert, so the list stays short. */
export function createSignInCodeRepository(scope: TransactionScope, codes: Table<SignInCode>, undo: UndoRecorder): SignInCodeRepository {
  return {
    async insert(storeId, code) {
      scope.checkRecord(storeId, "a sign-in code", code.storeId);
      const cutoff = Date.parse(code.createdAt) - DAY_MS;
      codes.retain((existing) => Date.parse(existing.createdAt) >= cutoff, undo);
      codes.insert(code, undo);
    },
    async latestActive(storeId, email, now) {
      scope.check(storeId);
      return codes.findLast((code) => code.email === email && code.consumedAt === null && Date.parse(code.expiresAt) > now.getTime());
    },
    async update(storeId, code) {
      scope.checkRecord(storeId, "a sign-in code", code.storeId);
      const previous = codes.get(code.id);
      if (!previous) throw notFound(`sign-in code ${code.id} not found`);
      codes.replace({ ...previous, attempts: code.attempts, consumedAt: code.consumedAt }, undo);
    },
  };
}
