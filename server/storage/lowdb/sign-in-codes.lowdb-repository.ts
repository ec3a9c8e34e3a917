import { notFound } from "../../lib/errors.js";
import type { SignInCode, SignInCodeRepository } from "../../modules/shoppers/sign-in-code.js";
import { type TransactionScope } from "../transaction-scope.js";
import { copy } from "./copy.js";
import type { UndoRecorder } from "./undo-log.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Sign-in codes in issue order. Codes older than a day are dropped on insert, so the list stays short. */
export function createSignInCodeRepository(scope: TransactionScope, codes: SignInCode[], undo: UndoRecorder): SignInCodeRepository {
  return {
    async insert(storeId, code) {
      scope.checkRecord(storeId, "a sign-in code", code.storeId);
      const before = codes.splice(0, codes.length);
      const cutoff = Date.parse(code.createdAt) - DAY_MS;
      codes.push(...before.filter((existing) => Date.parse(existing.createdAt) >= cutoff), copy(code));
      undo.record(() => void codes.splice(0, codes.length, ...before));
    },
    async latestActive(storeId, email, now) {
      scope.check(storeId);
      for (let index = codes.length - 1; index >= 0; index--) {
        const code = codes[index]!;
        if (code.email === email && code.consumedAt === null && Date.parse(code.expiresAt) > now.getTime()) return copy(code);
      }
      return null;
    },
    async update(storeId, code) {
      scope.checkRecord(storeId, "a sign-in code", code.storeId);
      const index = codes.findIndex((existing) => existing.id === code.id);
      if (index === -1) throw notFound(`sign-in code ${code.id} not found`);
      const previous = codes[index]!;
      codes[index] = { ...previous, attempts: code.attempts, consumedAt: code.consumedAt };
      undo.record(() => {
        codes[index] = previous;
      });
    },
  };
}
