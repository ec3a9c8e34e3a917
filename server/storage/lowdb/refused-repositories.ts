import { AppError } from "../../lib/errors.js";
import type { LowdbInstallRepository } from "./installs.lowdb-repository.js";
import type { LowdbReceiptRepository } from "./receipts.lowdb-repository.js";
import type { LowdbReferralCodeIndex } from "./referral-codes.lowdb-repository.js";

const refuse = (message: string) => () => Promise.reject(new AppError("store_unavailable", message));
const nothingToClose = async () => {};

/**
 * Stand-ins for installs.json when it could not be read: every call is refused and nothing is ever
 * written over the file. Answering "not installed" instead would drop webhooks and let a new install
 * replace the records of every store.
 */
export function refusedInstallRepository(): LowdbInstallRepository {
  const refused = refuse("Questline could not read its install records, so it cannot serve any store. Nothing was changed, and the problem was reported to support.");
  return { get: refused, save: refused, listDueForPurge: refused, remove: refused, close: nothingToClose };
}

/** Stand-ins for receipts.json when it could not be read; why refusing is the safe choice: README.md, "Damaged files". */
export function refusedReceiptRepository(): LowdbReceiptRepository {
  const refused = refuse(
    "Questline could not read its record of the webhooks and sign-ins it has already taken, so it takes none until that is repaired. Nothing was changed, and the problem was reported to support.",
  );
  return { find: refused, remember: refused, forgetBefore: refused, close: nothingToClose };
}

/** Stand-ins for referral-codes.json when it could not be read: no code is issued or followed until it is repaired, and none is written over it. */
export function refusedReferralCodeIndex(): LowdbReferralCodeIndex {
  const refused = refuse(
    "Questline could not read its referral codes, so it issues and follows none until that is repaired. Nothing was changed, and the problem was reported to support.",
  );
  return { claim: refused, find: refused, purge: refused, close: nothingToClose };
}
