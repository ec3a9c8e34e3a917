import type { UnitOfWork } from "../../storage/storage.port.js";
import { normaliseEmail } from "./member.js";

/** The merchant's look-up of members, balances included (the balance is the ledger's cached sum). */
export function searchMembers(storage: UnitOfWork<"members">, storeId: number, query: { email?: string | undefined; limit: number; offset: number }) {
  const email = query.email ? normaliseEmail(query.email) : undefined;
  return storage.read(storeId, (tx) => tx.members.list(storeId, { ...(email ? { email } : {}), limit: query.limit, offset: query.offset }));
}
